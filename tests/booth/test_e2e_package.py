"""The trustees' election key reaches the booth in its signed package, and only for its own definition."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.ballot.crypto.ceremony_record import check_ceremony, load_ceremony
from kiosk.ballot.crypto.group import GENERATOR, Scalar
from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.package import PackageError, parse_package
from kiosk.booth.station import Station
from station_admin.ceremony import create_election, sign_package
from station_admin.cli import main as admin
from station_admin.election_e2e_key import ElectionKeyError, add_election_key
from tests.e2e_election import write_ceremony
from tests.kit import AUTHORITY_PASSPHRASE, PASSPHRASES, SMALL_ELECTION, ElectionKit, authority_args
from tests.station_admin.trustees import PASSPHRASE


def _fresh(tmp_path: Path) -> Path:
    from kiosk.ballot.definition import load_definition

    create_election(load_definition(SMALL_ELECTION), 3, 2, PASSPHRASES, tmp_path / "E",
                    authority_passphrase=AUTHORITY_PASSPHRASE)  # fmt: skip
    return tmp_path / "E"


def test_the_booth_takes_the_trustees_key_from_its_package(e2e_election: ElectionKit, tmp_path: Path) -> None:
    assert e2e_election.ceremony is not None
    keys = check_ceremony(load_ceremony(e2e_election.ceremony.text.encode()))
    station = Station(tmp_path / "booth")
    station.set_up(e2e_election.media["booth-1"], e2e_election.signer("booth-1"))
    assert station.e2e
    key = station.e2e_caster.election_key()
    assert (key.key, key.extended_hash) == (keys.key, keys.h_e)
    station.close()


def test_a_ceremony_made_for_another_definition_is_refused(tmp_path: Path) -> None:
    """Threat: an administrator (or a mix-up) pairs the package with another election's ceremony;
    every ballot would then be bound to the wrong H_M. Refused before anything is signed."""
    from station_admin.election_dir import ElectionDir

    folder = ElectionDir(_fresh(tmp_path), unlock=lambda: AUTHORITY_PASSPHRASE)
    other = tmp_path / "other.json"
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    data["title"]["en"] = "Another election"
    other.write_text(json.dumps(data), encoding="utf-8")
    write_ceremony(other, tmp_path / "ceremony.json")
    before = folder.package_path.read_bytes()
    with pytest.raises(ElectionKeyError, match=r"another election definition|not the one"):
        add_election_key(folder, other, tmp_path / "ceremony.json")
    assert folder.package_path.read_bytes() == before


def test_a_package_signed_with_an_altered_key_is_refused(e2e_election: ElectionKit, tmp_path: Path) -> None:
    """Threat: whoever holds the authority key (or a bug) signs a package whose K is not the trustees'
    (K = g^s with s their own): the booth checks K against the commitments and refuses the package."""
    from station_admin.election_dir import ElectionDir

    folder = ElectionDir(e2e_election.folder.root, unlock=lambda: AUTHORITY_PASSPHRASE)
    package = folder.package()
    assert package.body.e2e is not None
    ceremony = dict(package.body.e2e.ceremony)
    ceremony["election_key"] = b64encode((GENERATOR ** Scalar(12345)).encode())  # K = g^s, s his own
    body = package.body.model_copy(update={"e2e": package.body.e2e.model_copy(update={"ceremony": ceremony})})
    text = sign_package(body, folder.authority_key())
    with pytest.raises(PackageError, match="end-to-end key cannot be used"):
        parse_package(text.encode())


def test_the_key_cannot_be_added_once_a_booth_is_provisioned(
    e2e_election: ElectionKit, tmp_path: Path
) -> None:
    from station_admin.election_dir import ElectionDir

    copy = tmp_path / "E"
    shutil.copytree(e2e_election.folder.root, copy)
    with pytest.raises(ElectionKeyError, match="already hold this election package"):
        add_election_key(ElectionDir(copy, unlock=lambda: AUTHORITY_PASSPHRASE), SMALL_ELECTION,
                         tmp_path / "none.json")  # fmt: skip


def test_one_trustees_ceremony_through_the_cli_reaches_a_booth(tmp_path: Path) -> None:
    """`trustee keygen/shares/finish`, then `election e2e-key`: the walk the README gives officials."""
    election = _fresh(tmp_path)
    secret = tmp_path / "pp.txt"
    secret.write_text(PASSPHRASE + "\n")
    key, sticks = tmp_path / "laptop" / "t.key", tmp_path / "sticks"
    runner = CliRunner()
    for args in (
        ["keygen", "--manifest", SMALL_ELECTION, "--trustees", 1, "--threshold", 1, "--trustee", 1,
         "--key", key, "--out", sticks / "r1"],
        ["shares", "--key", key, "--in", sticks / "r1", "--out", sticks / "r2"],
        ["finish", "--key", key, "--in", sticks / "r1", "--out", sticks / "r3"],
    ):  # fmt: skip
        result = runner.invoke(admin, ["trustee", *map(str, args), "--passphrase-file", str(secret)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(admin, ["election", "e2e-key", "--election", str(election), "--manifest",
                                   str(SMALL_ELECTION), "--ceremony", str(sticks / "r3" / "ceremony.json"),
                                   *authority_args(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "New fingerprint:" in result.output
    package = parse_package((election / "election-package.json").read_bytes())
    keys = check_ceremony(load_ceremony((sticks / "r3" / "ceremony.json").read_bytes()))
    assert package.election_key is not None and package.election_key.key == keys.key
