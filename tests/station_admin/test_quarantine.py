"""Finding 7 of issue 12 (the officials' side): the first file for a booth no longer wins for good.

`station-admin import --replace BOOTH --reason ... --by ...` takes the wrong file out of the count
(quarantined, on the record) and imports its replacement in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from station_admin import tally_db as db
from station_admin.cli import main as admin
from tests.kit import ElectionKit, share_args
from tests.station_admin.polling import polling_day

runner = CliRunner()
YES = {"budget": {"q1": ("yes",)}}
NO = {"budget": {"q1": ("no",)}}


@pytest.fixture(scope="module")
def files(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Booth-2's genuine file, and one from a second booth set up from booth-2's stick (a rogue
    booth, or a rehearsal on the wrong machine), sealed first and brought to the officials first."""
    root = tmp_path_factory.mktemp("booths")
    rogue = polling_day(small_election, root / "rogue", "booth-2", {"v25": YES, "v26": YES, "v27": YES})
    genuine = polling_day(small_election, root / "genuine", "booth-2", {"v25": NO, "v28": NO})
    return {"rogue": rogue, "genuine": genuine}


def _run(kit: ElectionKit, tmp_path: Path, *args: str) -> tuple[int, Any]:
    database = f"sqlite:///{tmp_path / 'tally.sqlite'}"
    result = runner.invoke(admin, ["import", "--election", str(kit.folder.root), "--db", database, *args])
    rows = json.loads(result.stdout) if "--json" in args and result.exit_code in (0, 1) else result.output
    return result.exit_code, rows


def _stored(tmp_path: Path) -> dict[str, list[Any]]:
    with sqlite3.connect(tmp_path / "tally.sqlite") as c:
        return {
            "imports": c.execute("SELECT station, ballots FROM imports").fetchall(),
            "marks": sorted(c.execute("SELECT voter_id FROM marks").fetchall()),
            "quarantined": c.execute("SELECT station, ballots, reason, by FROM quarantined").fetchall(),
        }


def test_a_wrong_file_imported_first_is_quarantined_on_the_record_and_its_replacement_counted(
    small_election: ElectionKit, files: dict[str, Path], tmp_path: Path
) -> None:
    """Threat: a rogue booth set up as booth-2 (or a forgery) gets its file to the officials first;
    the genuine file then read as "a different file from booth-2" and nothing could be undone."""
    assert _run(small_election, tmp_path, "--json", str(files["rogue"]))[0] == 0
    code, rows = _run(small_election, tmp_path, "--json", str(files["genuine"]))
    assert code == 1 and "--replace booth-2" in rows[0]["reason"], rows
    reason, by = "booth-2's seals were broken; the chair's booth is the genuine one", "J. Doe, chair"
    code, rows = _run(small_election, tmp_path, "--json", "--replace", "booth-2", "--reason", reason,
                      "--by", by, str(files["genuine"]))  # fmt: skip
    assert code == 0 and rows[0]["status"] == "imported" and rows[0]["replaced"], rows
    assert _stored(tmp_path) == {
        "imports": [("booth-2", 2)],
        "marks": [("v25",), ("v28",)],
        "quarantined": [("booth-2", 3, reason, by)],
    }
    again = _run(small_election, tmp_path, "--json", str(files["rogue"]))
    assert again[0] == 1 and again[1][0]["reason"].startswith("quarantined: this file was taken out"), again
    assert by in again[1][0]["reason"] and reason in again[1][0]["reason"]
    out = tmp_path / "RESULTS"
    database = f"sqlite:///{tmp_path / 'tally.sqlite'}"
    shares = share_args({n: small_election.folder.share_path(n) for n in (1, 2)}, tmp_path)
    election = str(small_election.folder.root)
    tally = ["tally", "--election", election, "--db", database, *shares, "--out", str(out)]
    tallied = runner.invoke(admin, tally)
    assert tallied.exit_code == 0, tallied.output
    results = json.loads((out / "results.json").read_text())
    budget = next(s for s in results["sessions"] if s["id"] == "budget")
    votes = {o["id"]: o["votes"] for o in budget["questions"][0]["options"]}
    assert (budget["ballots"], votes["yes"], votes["no"]) == (2, 0, 2)
    [record] = results["quarantined"]
    assert (record["station"], record["reason"], record["by"]) == ("booth-2", reason, by)
    assert record["file_sha256"] == rows[0]["replaced"] and record["replaced_by"]


def test_a_replacement_that_is_refused_changes_nothing(
    small_election: ElectionKit, files: dict[str, Path], tmp_path: Path
) -> None:
    """Threat: someone talks the officials into replacing booth-2's file with a bad one: it is
    refused, and booth-2's imported file stays counted, with no quarantine recorded."""
    assert _run(small_election, tmp_path, "--json", str(files["genuine"]))[0] == 0
    before = _stored(tmp_path)
    damaged = tmp_path / "damaged.isoloir"
    damaged.write_bytes(files["rogue"].read_bytes()[:-40])
    replace = ["--replace", "booth-2", "--reason", "r", "--by", "b"]
    code, rows = _run(small_election, tmp_path, "--json", *replace, str(damaged))
    assert code == 1 and rows[0]["status"] == "refused", rows
    assert _stored(tmp_path) == before


@pytest.mark.parametrize(
    "args",
    [["--replace", "booth-2"], ["--replace", "booth-2", "--reason", " ", "--by", "x"], ["--reason", "why"]],
    ids=["no-reason", "blank-reason", "reason-alone"],
)
def test_a_quarantine_without_its_reason_and_author_is_refused(
    small_election: ElectionKit, files: dict[str, Path], tmp_path: Path, args: list[str]
) -> None:
    """Threat: none; a file leaves the count only on the record, saying why and who decided."""
    code, said = _run(small_election, tmp_path, *args, str(files["genuine"]))
    assert code == 2 and ("--reason" in said or "--replace" in said), said
    engine = db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    with engine.connect() as c:
        assert c.execute(select(db.imports)).first() is None
