"""The tally decides each question under its rule, gives each list its seats, and keeps the ballot
secret; the same results on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from station_admin.cli import main as admin
from tests.kit import ElectionKit, share_args
from tests.station_admin.polling import day_ballots, polling_day

runner = CliRunner()


@pytest.fixture(scope="module")
def sealed(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return polling_day(small_election, tmp_path_factory.mktemp("day"), "booth-1", day_ballots())


def _tally(kit: ElectionKit, sealed: Path, db: str, out: Path, *extra: str) -> dict[str, Any]:
    election = str(kit.folder.root)
    imported = runner.invoke(admin, ["import", "--election", election, "--db", db, str(sealed)])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(
        admin,
        [
            "tally", "--election", election, "--db", db,
            *share_args({1: kit.folder.share_path(1), 3: kit.folder.share_path(3)}, out.parent),
            "--out", str(out), *extra,
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads((out / "results.json").read_text())  # type: ignore[no-any-return]


def _question(results: dict[str, Any], session: str, question: str) -> dict[str, Any]:
    entry = next(s for s in results["sessions"] if s["id"] == session)
    return next(q for q in entry["questions"] if q["id"] == question)  # type: ignore[no-any-return]


def test_outcomes_seats_turnout_and_records_on_sqlite(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    results = _tally(
        small_election,
        sealed,
        f"sqlite:///{tmp_path / 't.sqlite'}",
        tmp_path / "R",
        "--attending",
        "budget=20",
    )
    budget = _question(results, "budget", "q1")
    # 20 attending: yes + no = 11 reaches the 10 required; 8 of 11 is at least two thirds (24 >= 22).
    assert budget["outcome"] == "adopted"
    assert budget["quorum"] == {
        "base": "attending",
        "base_count": 20,
        "share": 0.5,
        "required": 10,
        "reached": True,
    }
    # D'Hondt, 5 seats: l1 7, l2 4, l1 3.5, l1 2.33, l2 2 -> l1 3 seats, l2 2.
    lists = _question(results, "board", "lists")
    assert [(o["id"], o["votes"], o["seats"]) for o in lists["options"]] == [("l1", 7, 3), ("l2", 4, 2)]
    assert lists["blank"] == 1
    assert _question(results, "board", "members")["winners"] == ["ana"]
    # 12 of 40 voted in the budget; each group's count is too small to publish without revealing it.
    budget_session = results["sessions"][0]
    assert (budget_session["turnout"]["eligible"], budget_session["turnout"]["voted"]) == (40, 12)
    assert {g["id"]: g["voted"] for g in budget_session["turnout"]["groups"]} == {
        "government": 6,
        "employers": 3,
        "workers": 3,
    }
    assert "groups" not in budget_session and "fewer than 10" in budget_session["groups_withheld"]
    roll_call = results["sessions"][2]
    assert [(r["voter"], r["answers"]["q1"]) for r in roll_call["recorded_votes"]] == [
        ("v01", ["yes"]),
        ("v02", ["no"]),
        ("v03", ["yes"]),
    ]


def test_without_the_attending_number_the_eligible_voters_are_the_quorum_base(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    results = _tally(small_election, sealed, f"sqlite:///{tmp_path / 't.sqlite'}", tmp_path / "R")
    # 40 eligible: 20 needed, 11 yes and no votes fall short.
    assert _question(results, "budget", "q1")["outcome"] == "no quorum"


@pytest.mark.postgres
def test_postgresql_gives_the_same_results_as_sqlite(
    small_election: ElectionKit, sealed: Path, tmp_path: Path, postgres_db: str
) -> None:
    args = ("--attending", "budget=20")
    on_sqlite = _tally(small_election, sealed, f"sqlite:///{tmp_path / 't.sqlite'}", tmp_path / "S", *args)
    on_postgres = _tally(small_election, sealed, postgres_db, tmp_path / "P", *args)
    assert on_postgres == on_sqlite
    assert sum(s["ballots"] for s in on_postgres["sessions"]) == 27


def test_the_recovered_key_never_reaches_the_disk(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    _tally(small_election, sealed, f"sqlite:///{tmp_path / 't.sqlite'}", tmp_path / "R")
    secret = small_election.secret
    for path in [*tmp_path.rglob("*"), *small_election.folder.root.rglob("*")]:
        if path.is_file():
            data = path.read_bytes()
            assert secret not in data and secret.hex().encode() not in data, path


def test_attending_must_name_a_session_and_a_possible_number(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    for value, said in (
        ("nope=3", "no session 'nope'"),
        ("budget=99", "between 0 and the 40"),
        ("budget", "SESSION=N"),
    ):
        result = runner.invoke(
            admin,
            [
                "tally", "--election", str(small_election.folder.root),
                "--db", f"sqlite:///{tmp_path / 't.sqlite'}",
                "--share", str(small_election.folder.share_path(1)), "--attending", value,
                "--out", str(tmp_path / "R"),
            ],
        )  # fmt: skip
        assert result.exit_code != 0 and said in result.output, result.output
