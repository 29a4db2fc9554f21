"""The whole election on the command line: create, provision, simulate, import, tally.

The counts in results.json equal what `kiosk simulate` printed, for any seed, any k of the n shares,
and several booths imported together.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kiosk.ballot.counting import vote_counts
from kiosk.cli import main as kiosk
from station_admin.cli import main as admin
from tests.kit import PASSPHRASES, SMALL_ELECTION, authority_args, passphrase_file, share_args

runner = CliRunner()


def run(command: Any, *args: str) -> str:
    result = runner.invoke(command, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def election(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("walk")
    run(admin, "election", "create", "--definition", SMALL_ELECTION, "--trustees", "3", "--threshold", "2",
        *ceremony_args(root), "--out", root / "ELECTION")  # fmt: skip
    for worker in ("pw-1", "pw-2"):  # a rehearsal card per booth's poll worker, registered in the package
        run(admin, "cards", "simulate", "--election", root / "ELECTION", "--holder", worker,
            "--out", root / f"{worker}.card", *authority_args(root))
    for booth in ("booth-1", "booth-2"):
        run(
            admin,
            "station",
            "provision",
            "--election",
            root / "ELECTION",
            "--station",
            booth,
            "--out",
            root / f"MEDIA-{booth}",
        )
    return root


def ceremony_args(root: Path) -> list[str]:
    """Each trustee's passphrase in a file of its own, and their share to their own folder (media)."""
    args = authority_args(root)
    for number, passphrase in enumerate(PASSPHRASES, start=1):
        args += ["--trustee-passphrase-file", str(passphrase_file(root, f"trustee-{number}", passphrase))]
        (root / f"TRUSTEE-{number}").mkdir(exist_ok=True)  # the trustee's own stick, mounted
        args += ["--share-out", str(root / f"TRUSTEE-{number}")]
    return args


def share(root: Path, number: int) -> Path:
    return root / f"TRUSTEE-{number}" / f"small-test-trustee-{number}.share"


def add(total: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    if not total:
        return part
    for s_total, s_part in zip(total["sessions"], part["sessions"], strict=True):
        s_total["ballots"] += s_part["ballots"]
        for q_total, q_part in zip(s_total["questions"], s_part["questions"], strict=True):
            q_total["blank"] += q_part["blank"]
            for o_total, o_part in zip(q_total["options"], q_part["options"], strict=True):
                o_total["votes"] += o_part["votes"]
    return total


@pytest.mark.parametrize("seed", [7, 1234])
def test_tally_equals_what_was_cast_at_every_booth_for_any_k_shares(
    election: Path, tmp_path: Path, seed: int
) -> None:
    cast: dict[str, Any] = {}
    files = []
    for offset, booth in enumerate(("booth-1", "booth-2")):
        out = tmp_path / f"OUT-{booth}"
        printed = run(
            kiosk,
            "simulate",
            "--station",
            election / f"MEDIA-{booth}",
            "--voters",
            "300",
            "--seed",
            str(seed + offset),
            "--export",
            out,
            "--data",
            tmp_path / f"data-{booth}",
            "--worker-card",
            election / f"pw-{offset + 1}.card",
        )
        cast = add(cast, json.loads(printed))
        files += sorted(out.iterdir())
    db = f"sqlite:///{tmp_path / 'tally.sqlite'}"
    run(admin, "import", "--election", election / "ELECTION", "--db", db, *files)
    for shares in combinations((1, 2, 3), 2):
        out = tmp_path / f"RESULTS-{shares[0]}{shares[1]}"
        run(
            admin,
            "tally",
            "--election",
            election / "ELECTION",
            "--db",
            db,
            *share_args({n: share(election, n) for n in shares}, tmp_path),
            "--out",
            out,
        )
        results = json.loads((out / "results.json").read_text())
        assert vote_counts(results) == cast
    assert sum(s["ballots"] for s in cast["sessions"]) > 50


def test_every_command_has_help() -> None:
    for command in (
        ["election", "create"],
        ["election", "show"],
        ["station", "provision"],
        ["import"],
        ["tally"],
        ["voters", "notices"],
        ["voters", "reissue"],
        ["cards", "program"],
        ["cards", "simulate"],
        ["report"],
        ["publish"],
    ):
        assert "Usage:" in run(admin, *command, "--help")
    assert "Usage:" in run(kiosk, "simulate", "--help")


def test_tally_with_one_share_of_two_is_refused_plainly(election: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        admin,
        [
            "tally",
            "--election",
            str(election / "ELECTION"),
            *share_args({2: share(election, 2)}, tmp_path),
            "--out",
            str(tmp_path / "R"),
        ],
    )
    assert result.exit_code == 1
    assert "needs 2 trustees" in result.output
    assert not (tmp_path / "R").exists()


def test_a_bad_definition_is_refused_with_its_path(tmp_path: Path) -> None:
    data = json.loads(SMALL_ELECTION.read_text())
    data["voters"][0]["station"] = "booth-9"
    (tmp_path / "bad.json").write_text(json.dumps(data))
    result = runner.invoke(
        admin,
        [
            "election",
            "create",
            "--definition",
            str(tmp_path / "bad.json"),
            "--trustees",
            "3",
            "--threshold",
            "2",
            *ceremony_args(tmp_path),
            "--out",
            str(tmp_path / "E"),
        ],
    )
    assert result.exit_code == 1
    assert "voters.v01.station: no station 'booth-9'" in result.output
    assert not (tmp_path / "E").exists()


def test_election_show_gives_the_fingerprint_and_who_holds_which_share(election: Path) -> None:
    folder = election / "ELECTION"
    shown = json.loads(run(admin, "election", "show", "--election", folder, "--json"))
    package = json.loads((folder / "election-package.json").read_text())
    assert shown["id"] == package["body"]["definition"]["id"] == "small-test"
    assert shown["ceremony"]["threshold"] == 2 and len(shown["ceremony"]["trustees"]) == 3
    assert shown["ceremony"]["ceremony"] == "dealer"
    assert shown["provisioned"] == ["booth-1", "booth-2"]
    assert shown["sessions"][0]["questions"][0]["rule"] == "two-thirds, quorum 50% of attending"
    text = run(admin, "election", "show", "--election", folder)
    assert f"Fingerprint: {shown['fingerprint']}" in text
    assert "any 2 of 3 trustees decrypt" in text and f"trustee 3 holds {share(election, 3)}" in text
