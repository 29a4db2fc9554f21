"""Finding 2 of issue 12: the keys no longer lie around in the election folder.

The authority key is sealed under a passphrase the officials type (no echo, twice at creation);
each trustee types their own passphrase and takes their share to their own media; scripts give one
passphrase file per person, never everyone's in one file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from click.testing import CliRunner

from kiosk.ballot.definition import load_definition
from station_admin.ceremony import create_election
from station_admin.cli import main as admin
from tests.kit import AUTHORITY_PASSPHRASE, PASSPHRASES, SMALL_ELECTION, ElectionKit, passphrase_file
from tests.station_admin.terminal import Terminal

runner = CliRunner()
STATION_ADMIN = str(Path(sys.executable).parent / "station-admin")
HEX_KEY = re.compile(r"\b[0-9a-f]{64}\b")


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_copied_election_folder_signs_nothing_without_the_passphrase(tmp_path: Path) -> None:
    """Threat: whoever copies the election folder (a backup, a borrowed laptop) tries to register a
    poll-worker card of their own or re-sign the package with the authority key found there."""
    definition = load_definition(SMALL_ELECTION)
    folder = create_election(
        definition, 3, 2, PASSPHRASES, tmp_path / "E", authority_passphrase=AUTHORITY_PASSPHRASE
    ).folder
    sealed = json.loads(folder.authority_key_path.read_text())
    assert sealed["format"] == "isoloir-authority-key/1"
    assert set(HEX_KEY.findall(folder.authority_key_path.read_text())) == {sealed["public_key"]}
    before = _tree(folder.root)
    guess = passphrase_file(tmp_path, "guess", "correct horse 1")  # a trustee's, not the authority's
    for command in (
        ["cards", "simulate", "--holder", "pw-1", "--out", str(tmp_path / "pw-1.card")],
        ["voters", "reissue", "--voter", "v01", "--out", str(tmp_path / "v01.pdf")],
    ):
        result = runner.invoke(
            admin, [*command, "--election", str(folder.root), "--authority-passphrase-file", str(guess)]
        )
        assert result.exit_code == 1 and "wrong authority passphrase" in result.output, result.output
    assert not (tmp_path / "pw-1.card").exists() and not (tmp_path / "v01.pdf").exists()
    assert _tree(folder.root) == before


def test_everyones_passphrases_in_one_file_are_refused(tmp_path: Path) -> None:
    """Threat: a script keeps all n trustees' passphrases in one file, so whoever reads it opens every
    share; the command takes one file per trustee and refuses one file standing for all."""
    everyone = tmp_path / "trustees.txt"
    everyone.write_text("\n".join(PASSPHRASES) + "\n")
    authority = passphrase_file(tmp_path, "authority", AUTHORITY_PASSPHRASE)
    base = ["election", "create", "--definition", str(SMALL_ELECTION), "--trustees", "3", "--threshold", "2",
            "--authority-passphrase-file", str(authority), "--out", str(tmp_path / "E")]  # fmt: skip
    for n in (1, 2, 3):
        (tmp_path / f"T{n}").mkdir()
    shares = [arg for n in (1, 2, 3) for arg in ("--share-out", str(tmp_path / f"T{n}"))]
    once = runner.invoke(admin, [*base, *shares, "--trustee-passphrase-file", str(everyone)])
    assert once.exit_code == 2 and "give one per trustee" in once.output
    thrice = runner.invoke(admin, [*base, *shares, *["--trustee-passphrase-file", str(everyone)] * 3])
    assert thrice.exit_code == 2 and "one file per trustee" in thrice.output
    old = runner.invoke(admin, [*base, *shares, "--passphrase-file", str(everyone)])
    assert old.exit_code == 2 and "No such option" in old.output
    assert not (tmp_path / "E").exists() and not any(any((tmp_path / f"T{n}").iterdir()) for n in (1, 2, 3))


def test_trustees_type_their_own_passphrases_unseen_and_take_their_shares_away(tmp_path: Path) -> None:
    """Threat: someone reads the officials' screen or terminal log over their shoulders. Every
    passphrase is typed with echo off (asked twice, a slip asked again); each share is written only
    to the folder its trustee names; later commands ask again at the terminal."""
    secrets = {"authority": "the officials' own phrase", 1: "trustee one's phrase", 2: "trustee two's phrase"}
    create = Terminal(
        [STATION_ADMIN, "election", "create", "--definition", str(SMALL_ELECTION), "--trustees", "2",
         "--threshold", "2", "--out", "ELECTION"], tmp_path)  # fmt: skip
    create.expect("Authority passphrase (new, not shown): ")
    create.type(str(secrets["authority"]))
    create.expect("Authority passphrase again: ")
    create.type("a slip of the finger")
    create.expect("differ")
    create.expect("Authority passphrase (new, not shown): ")
    create.type(str(secrets["authority"]))
    create.expect("Authority passphrase again: ")
    create.type(str(secrets["authority"]))
    for number in (1, 2):
        create.expect(f"Trustee {number}, your passphrase (new, not shown): ")
        create.type(str(secrets[number]))
        create.expect(f"Trustee {number}, your passphrase again: ")
        create.type(str(secrets[number]))
        create.expect(f"Trustee {number}, the folder for your share (your own media): ")
        if number == 1:  # a stick not mounted yet: asked again, nothing left on this disk
            create.type("STICK-NOT-MOUNTED")
            create.expect("No folder STICK-NOT-MOUNTED")
            create.expect(f"Trustee {number}, the folder for your share (your own media): ")
        (tmp_path / f"STICK-{number}").mkdir()
        create.type(f"STICK-{number}")
    assert create.exit_code() == 0, create.text()
    shares = {n: tmp_path / f"STICK-{n}" / f"small-test-trustee-{n}.share" for n in (1, 2)}
    assert all(share.exists() for share in shares.values())
    assert not (tmp_path / "ELECTION" / "trustees").exists() and not (tmp_path / "STICK-NOT-MOUNTED").exists()

    card = Terminal(
        [STATION_ADMIN, "cards", "simulate", "--election", "ELECTION", "--holder", "pw-1",
         "--out", "pw-1.card"], tmp_path)  # fmt: skip
    card.expect("Authority passphrase (not shown): ")  # it registers the card: the package is re-signed
    card.type(str(secrets["authority"]))
    assert card.exit_code() == 0, card.text()
    provision = Terminal(  # signs nothing any more, so asks nothing
        [STATION_ADMIN, "station", "provision", "--election", "ELECTION", "--station", "booth-1",
         "--out", "MEDIA"], tmp_path)  # fmt: skip
    assert provision.exit_code() == 0, provision.text()
    assert "passphrase" not in provision.text()

    tally = Terminal(
        [STATION_ADMIN, "tally", "--election", "ELECTION", "--share", str(shares[1]),
         "--share", str(shares[2]), "--out", "RESULTS"], tmp_path)  # fmt: skip
    for number in (1, 2):
        tally.expect(f"Passphrase of trustee {number} (not shown): ")
        tally.type(str(secrets[number]))
    assert tally.exit_code() == 0, tally.text()
    assert (tmp_path / "RESULTS" / "results.json").exists()
    said = create.text() + card.text() + provision.text() + tally.text()
    assert not any(str(secret) in said for secret in secrets.values())
    everything = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert not any(str(secret).encode() in everything for secret in secrets.values())


def test_a_command_that_signs_without_a_terminal_says_how_to_give_the_passphrase(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    """Threat: none; a script that forgets the passphrase file must stop with a reason, not hang on
    a prompt nobody sees."""
    result = runner.invoke(
        admin,
        ["cards", "simulate", "--election", str(small_election.folder.root), "--holder", "pw-1",
         "--out", str(tmp_path / "pw-1.card")],
    )  # fmt: skip
    assert result.exit_code == 1 and "--authority-passphrase-file" in result.output
    assert not (tmp_path / "pw-1.card").exists()
