"""The booth's services: polls, authentication by code, the cast, reissue, and what the log says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from kiosk.ballot.audit import verify_chain
from kiosk.ballot.codes import ALPHABET
from kiosk.ballot.package import PackageError
from kiosk.booth.polls import PollsState, TransitionRefused
from kiosk.booth.station import CastRefused, SessionStatus, Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from tests.kit import POLL_WORKER, ElectionKit

ANSWERS = {"q1": ("yes",)}


def events(station: Station) -> list[str]:
    return [entry.event for entry in station.box.audit_entries()]


def login(station: Station, code: str) -> str:
    outcome = station.authenticate_code(code)
    assert isinstance(outcome, Authenticated), outcome
    return outcome.voter_id


def test_polls_walk_through_their_states_and_refuse_the_rest(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    station = Station(tmp_path / "data")
    assert station.state is PollsState.NOT_SET_UP
    with pytest.raises(TransitionRefused):
        station.open_polls(POLL_WORKER)
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    assert station.state is PollsState.READY
    with pytest.raises(TransitionRefused, match="polls are not open yet"):
        station.pause(POLL_WORKER)
    station.open_polls(POLL_WORKER)
    station.pause(POLL_WORKER)
    station.resume(POLL_WORKER)
    station.close_polls(POLL_WORKER)
    with pytest.raises(TransitionRefused, match="closed"):
        station.open_polls(POLL_WORKER)
    assert station.state is PollsState.CLOSED
    log = events(station)
    assert log.count("transition_refused") == 3
    assert [
        e for e in log if e.startswith("polls_")
    ] == ["polls_opened", "polls_paused", "polls_resumed", "polls_closed"]
    verify_chain(station.box.audit_entries())


def test_the_state_survives_a_restart(small_election: ElectionKit, tmp_path: Path) -> None:
    station = Station(tmp_path / "data")
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    station.close()
    again = Station(tmp_path / "data")
    assert again.state is PollsState.OPEN and again.active_sessions() == ["budget"]
    assert again.package is not None and again.package.fingerprint == small_election.package.fingerprint


def test_opening_is_refused_when_ballots_are_already_stored(
    booth: Station, small_election: ElectionKit
) -> None:
    voter = login(booth, small_election.codes()["v01"])
    booth.cast(voter, "budget", ANSWERS)
    with booth.box.transaction() as c:  # no transition leads back to READY: force it by hand
        booth.box.put_setting(c, "polls", PollsState.READY.value)
    with pytest.raises(TransitionRefused, match="ballots are already stored"):
        booth.open_polls(POLL_WORKER)


def test_a_vote_is_accepted_only_while_polls_are_open_and_its_session_active(
    booth: Station, small_election: ElectionKit
) -> None:
    voter = login(booth, small_election.codes()["v01"])
    booth.set_session_active("budget", False, POLL_WORKER)
    with pytest.raises(CastRefused, match="session is not open"):
        booth.cast(voter, "budget", ANSWERS)
    booth.set_session_active("budget", True, POLL_WORKER)
    booth.pause(POLL_WORKER)
    with pytest.raises(CastRefused, match="polls are not open"):
        booth.cast(voter, "budget", ANSWERS)
    booth.resume(POLL_WORKER)
    booth.cast(voter, "budget", ANSWERS)
    booth.close_polls(POLL_WORKER)
    with pytest.raises(CastRefused):
        booth.cast(voter, "board", {"members": ("ana",), "lists": ()})
    assert booth.counts()["budget"] == (1, 1)
    assert events(booth).count("cast_refused") == 3


def test_a_code_votes_once_per_session(booth: Station, small_election: ElectionKit) -> None:
    code = small_election.codes()["v01"]
    voter = login(booth, code)
    receipt = booth.cast(voter, "budget", ANSWERS)
    assert len(receipt.tracking_code) == 14
    with pytest.raises(CastRefused, match="already cast"):
        booth.cast(voter, "budget", {"q1": ("no",)})
    statuses = {s.session_id: s.status for s in booth.sessions_for(login(booth, code))}
    assert statuses["budget"] is SessionStatus.VOTED and statuses["board"] is SessionStatus.OPEN
    booth.cast(voter, "board", {"members": ("ben",), "lists": ("l1",)})
    booth.cast(voter, "roll-call", ANSWERS)
    used = booth.authenticate_code(code)
    assert isinstance(used, CodeRefused) and used.reason is CodeRefusal.USED
    assert booth.counts() == {"budget": (1, 1), "board": (1, 1), "roll-call": (1, 1)}


def test_sessions_show_whether_they_are_open_voted_or_not_open(
    booth: Station, small_election: ElectionKit
) -> None:
    booth.set_session_active("roll-call", False, POLL_WORKER)
    voter = login(booth, small_election.codes()["v01"])
    booth.cast(voter, "budget", ANSWERS)
    statuses = {s.session_id: s.status for s in booth.sessions_for(voter)}
    assert statuses == {
        "budget": SessionStatus.VOTED,
        "board": SessionStatus.OPEN,
        "roll-call": SessionStatus.NOT_OPEN,
    }


def test_a_booth_accepts_only_its_own_voters(booth: Station, small_election: ElectionKit) -> None:
    other_booths_voter = small_election.codes()["v30"]  # v25..v40 vote at booth-2
    outcome = booth.authenticate_code(other_booths_voter)
    assert isinstance(outcome, CodeRefused) and outcome.reason is CodeRefusal.UNKNOWN


def test_a_mistyped_code_names_its_group_before_any_look_up(
    booth: Station, small_election: ElectionKit
) -> None:
    code = small_election.codes()["v02"].replace("-", "")
    position = 9  # third group
    typo = code[:position] + ALPHABET[(ALPHABET.index(code[position]) + 1) % 32] + code[position + 1 :]
    outcome = booth.authenticate_code(typo)
    assert isinstance(outcome, CodeRefused)
    assert outcome.reason is CodeRefusal.MISTYPED and outcome.groups_to_check == (3,)
    assert outcome.failures_left == 4


def test_five_failures_lock_code_entry_with_a_growing_delay(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    now = [datetime(2026, 6, 12, 9, 0, tzinfo=UTC)]
    station = Station(tmp_path / "data", clock=lambda: now[0])
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    good = small_election.codes()["v01"]
    unknown = "0" * 24
    results = [station.authenticate_code("A" * 24) for _ in range(5)]
    assert results[-1].reason is CodeRefusal.LOCKED and isinstance(results[-1], CodeRefused)
    first_lock = results[-1].locked_seconds
    locked = station.authenticate_code(good)
    assert isinstance(locked, CodeRefused) and locked.reason is CodeRefusal.LOCKED
    now[0] += timedelta(seconds=first_lock + 1)
    for _ in range(5):
        last = station.authenticate_code(unknown)
    assert isinstance(last, CodeRefused) and last.locked_seconds > first_lock
    station.clear_lock("pw-1")
    assert isinstance(station.authenticate_code(good), Authenticated)
    log = events(station)
    assert log.count("code_entry_locked") == 2 and "code_entry_unlocked" in log


def test_a_reissued_code_replaces_the_old_code(booth: Station, small_election: ElectionKit) -> None:
    old = small_election.codes()["v05"]
    voter = login(booth, old)
    booth.cast(voter, "budget", ANSWERS)
    new = booth.reissue_code("v05", POLL_WORKER)
    refused = booth.authenticate_code(old)
    assert isinstance(refused, CodeRefused) and refused.reason is CodeRefusal.UNKNOWN
    assert login(booth, new) == "v05"
    assert {s.session_id: s.status for s in booth.sessions_for("v05")}["budget"] is SessionStatus.VOTED
    reissues = [e.data for e in booth.box.audit_entries() if e.event == "code_reissued"]
    assert reissues == [{"voter": "v05", "by": POLL_WORKER}]


def test_set_up_refuses_altered_packages_and_other_booths_media(
    small_election: ElectionKit, fresh_media: Path, tmp_path: Path
) -> None:
    package = fresh_media / "election-package.json"
    package.write_text(package.read_text().replace("Small test election", "Small test elections"))
    with pytest.raises(PackageError, match="not signed by its authority, or was altered"):
        Station(tmp_path / "a").set_up(fresh_media, small_election.signer("booth-1"))
    station = Station(tmp_path / "b")
    assert station.state is PollsState.NOT_SET_UP


def test_storage_is_durable_and_keeps_no_cast_order(booth: Station) -> None:
    with booth.box.read() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        ballots_sql = c.execute(text("SELECT sql FROM sqlite_master WHERE name='ballots'")).scalar()
    assert "id INTEGER NOT NULL" in str(ballots_sql) and "AUTOINCREMENT" not in str(ballots_sql)
    columns = {col["name"] for col in inspect(booth.box.engine).get_columns("ballots")}
    assert columns == {"id", "session_id", "tracking_code", "ciphertext"}  # no voter, no time
