"""Findings 3, 4 and 11 of issue 12: files that a booth's own key signed, and still lie.

Each attacker below has a booth's disk for a moment between its closing and its export (a
technician, a stolen booth, a rogue poll worker with root): they edit the booth's database, and the
booth signs what it holds. Each file is refused with its reason and changes nothing; the tally
refuses a database whose ballots do not match its marks, and names the booth of a ballot it
cannot count.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from kiosk.ballot.encryption import tracking_code
from kiosk.ballot.sealed_file import Refusal
from station_admin import tally_db as db
from station_admin.cli import main as admin
from station_admin.importer import import_file
from station_admin.tally import TallyError, count_ballots
from tests.kit import ElectionKit, share_args
from tests.station_admin.audit_rewrite import Entry, rewrite_audit
from tests.station_admin.polling import Tamper, polling_day

runner = CliRunner()
NO = {"budget": {"q1": ("no",)}}
JUNK = b"\x01" * 120  # the size of a ballot, and an encryption of nothing


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")


def _rows(engine: Engine) -> tuple[int, ...]:
    with engine.connect() as c:
        return tuple(
            c.execute(select(func.count()).select_from(t)).scalar() or 0
            for t in (db.imports, db.ballots, db.marks, db.audit_logs)
        )


def _day(kit: ElectionKit, root: Path, station: str, voters: list[str], tamper: Tamper | None = None) -> Path:
    return polling_day(kit, root, station, {v: NO for v in voters}, tamper)


def _refused(engine: Engine, kit: ElectionKit, path: Path, refusal: Refusal, said: str) -> None:
    before = _rows(engine)
    result = import_file(engine, kit.package, path)
    assert result.status == "refused" and result.reason.startswith(refusal.value), result.reason
    assert said in result.reason, result.reason
    assert _rows(engine) == before


def test_a_double_vote_from_another_booth_is_refused(
    small_election: ElectionKit, tmp_path: Path, engine: Engine
) -> None:
    """Threat: someone with booth-2's disk changes the mark of one of its voters into v01's, who
    voted at booth-1, so that booth-2's ballot counts as a second vote of v01."""
    genuine = _day(small_election, tmp_path / "one", "booth-1", ["v01", "v02"])
    assert import_file(engine, small_election.package, genuine).status == "imported"

    def mark_v01(database: sqlite3.Connection) -> None:
        database.execute("UPDATE marks SET voter_id = 'v01' WHERE voter_id = 'v25'")

    forged = _day(small_election, tmp_path / "two", "booth-2", ["v25", "v26"], mark_v01)
    _refused(engine, small_election, forged, Refusal.NOT_SERVED, "voter 'v01', who votes at another booth")


def test_a_mark_already_imported_from_another_file_is_refused(
    small_election: ElectionKit, tmp_path: Path, engine: Engine
) -> None:
    """Threat: a tally database that already holds a mark for v25 (a file imported before under
    another name, or a row added by hand): a second file marking v25 again adds no second vote."""
    genuine = _day(small_election, tmp_path / "two", "booth-2", ["v25"])
    with engine.begin() as c:
        c.execute(db.imports.insert().values(
            file_sha256="f" * 64, election_id=small_election.package.election_id, station="booth-1",
            mode="official", opened_at="", closed_at="", audit_head="", booth_public_key="", ballots=0,
            imported_at=""))  # fmt: skip
        c.execute(db.marks.insert().values(session_id="budget", voter_id="v25", import_sha256="f" * 64))
    _refused(engine, small_election, genuine, Refusal.DOUBLE_VOTE, "already marked in session 'budget'")


def test_the_tally_refuses_more_ballots_than_marked_voters(
    small_election: ElectionKit, tmp_path: Path, engine: Engine
) -> None:
    """Threat: someone with write access to the tally database (a shared PostgreSQL) copies a
    ballot in under another tracking code: the tally counts nothing and says which session."""
    genuine = _day(small_election, tmp_path / "one", "booth-1", ["v01", "v02"])
    assert import_file(engine, small_election.package, genuine).status == "imported"
    with engine.begin() as c:
        code, sha = c.execute(select(db.ballots.c.tracking_code, db.ballots.c.import_sha256)).first()  # type: ignore[misc]
        copy = {"tracking_code": "X" + code[1:], "session_id": "budget", "ciphertext": b"\x00" * 80}
        c.execute(db.ballots.insert().values(**copy, import_sha256=sha))
    with pytest.raises(TallyError, match="session 'budget' holds 3 ballots for 2 voters marked"):
        count_ballots(engine, small_election.package, small_election.secret)


def _drop_one_ballot(database: sqlite3.Connection) -> None:
    database.execute("DELETE FROM ballots WHERE id = (SELECT id FROM ballots LIMIT 1)")
    database.execute("DELETE FROM marks WHERE voter_id = 'v03'")


def _audit(change: Any) -> Tamper:
    return lambda database: rewrite_audit(database, change)


def _closing_says(entries: list[Entry], ballots: int) -> list[Entry]:
    for entry in entries:
        if entry["event"] == "polls_closed":
            entry["data"]["ballots"] = ballots
    return entries


def _cast_before_activation(entries: list[Entry]) -> list[Entry]:
    activations = [e for e in entries if e["event"] == "session_activated"]
    activation = next(e for e in activations if e["data"]["session"] == "budget")
    entries.remove(activation)
    closing = next(i for i, e in enumerate(entries) if e["event"] == "polls_closed")
    return [*entries[:closing], activation, *entries[closing:]]


def _set_up_as(station: str) -> Any:
    def change(entries: list[Entry]) -> list[Entry]:
        for entry in entries:
            if entry["event"] == "station_set_up":
                entry["data"]["station"] = station
        return entries

    return change


@pytest.mark.parametrize(
    ("tamper", "said"),
    [
        (_drop_one_ballot, "polls closed with 3 ballots, the file holds 2"),
        (lambda d: (_drop_one_ballot(d), rewrite_audit(d, lambda e: _closing_says(e, 2))),
         "session 'budget': the log shows 3 ballots cast, the file holds 2 ballots and 2 marks"),
        (_audit(lambda e: _closing_says(e, 2)), "polls closed with 2 ballots, the file holds 3"),
        (_audit(_cast_before_activation), "cast in session 'budget' while it was not open for voting"),
        (_audit(_set_up_as("booth-2")), "its set-up event names another booth"),
    ],
    ids=["ballot-removed", "ballot-removed-closing-rewritten", "closing-count", "cast-while-inactive",
         "set-up-elsewhere"],
)  # fmt: skip
def test_a_file_whose_audit_log_does_not_account_for_its_ballots_is_refused(
    small_election: ElectionKit, tmp_path: Path, engine: Engine, tamper: Tamper, said: str
) -> None:
    """Threat: someone with booth-1's disk removes a ballot they dislike (and its mark), or rewrites
    the audit log and its chain; the booth signs the result. The log's own story gives it away."""
    forged = _day(small_election, tmp_path, "booth-1", ["v01", "v02", "v03"], tamper)
    _refused(engine, small_election, forged, Refusal.AUDIT_MISMATCH, said)


def test_a_ballot_that_cannot_be_counted_is_named_with_its_booth_and_nothing_is_counted(
    small_election: ElectionKit, tmp_path: Path, engine: Engine
) -> None:
    """Threat: a booth whose storage was edited seals a ballot that is not an encryption of any
    choice (one more ballot for one more marked voter); the tally used to stop with a traceback."""

    def garbage_ballot(database: sqlite3.Connection) -> None:
        database.execute("UPDATE ballots SET ciphertext = ?, tracking_code = ? WHERE id = "
                         "(SELECT id FROM ballots LIMIT 1)", (JUNK, tracking_code(JUNK)))  # fmt: skip

    forged = _day(small_election, tmp_path, "booth-1", ["v01", "v02", "v03"], garbage_ballot)
    election = str(small_election.folder.root)
    database = f"sqlite:///{tmp_path / 'tally.sqlite'}"
    imported = runner.invoke(admin, ["import", "--election", election, "--db", database, str(forged)])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(
        admin,
        ["tally", "--election", election, "--db", database,
         *share_args({n: small_election.folder.share_path(n) for n in (1, 2)}, tmp_path),
         "--out", str(tmp_path / "RESULTS")],
    )  # fmt: skip
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert f"ballot {tracking_code(JUNK)} (booth booth-1, file" in result.output, result.output
    assert "does not decrypt" in result.output and not (tmp_path / "RESULTS").exists()


def test_a_tally_database_shared_by_two_elections_counts_only_this_one(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    """Threat: none; two elections' imports in one PostgreSQL database must not mix (it failed with
    a traceback, trying to decrypt the other election's ballots)."""
    from tests.kit import SMALL_ELECTION, make_election

    data = json.loads(SMALL_ELECTION.read_text())
    data["id"] = "other-election"
    (tmp_path / "other.json").write_text(json.dumps(data))
    other = make_election(tmp_path / "other.json", tmp_path / "other")
    database = db.open_db(f"sqlite:///{tmp_path / 'shared.sqlite'}")
    mine = _day(small_election, tmp_path / "mine", "booth-1", ["v01", "v02"])
    theirs = _day(other, tmp_path / "theirs", "booth-1", ["v01", "v02", "v03"])
    assert import_file(database, small_election.package, mine).status == "imported"
    assert import_file(database, other.package, theirs).status == "imported"
    counted = count_ballots(database, small_election.package, small_election.secret).as_results()
    budget = next(s for s in counted["sessions"] if s["id"] == "budget")
    assert budget["ballots"] == 2
