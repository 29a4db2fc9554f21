"""Votes close one by one: closed at the desk (or at a booth), every booth stops taking ballots for
that vote, seals its ballots and sends them to the hall, while other votes go on (issue 15)."""

from __future__ import annotations

import pytest

from kiosk.ballot.sealed_file import parse_sealed_bytes
from kiosk.booth.cast import CastRefusal
from kiosk.booth.polls import PollsRefusal, TransitionRefused
from kiosk.booth.station import CastRefused, Station
from kiosk.booth.voter_auth import Authenticated
from kiosk.booth.voter_door import SessionStatus
from kiosk.booth.worker_flow import WorkerFlow
from kiosk.booth.worker_states import Home
from kiosk.booth.worker_votes import close_vote, vote_rows
from station_admin.hall.http_server import HallHttpServer
from tests.hall.conftest import BoothMaker
from tests.kit import POLL_WORKER, ElectionKit

ANSWERS = {"q1": ("yes",)}


def status_of(station: Station, voter: str, session: str) -> SessionStatus:
    return next(s.status for s in station.sessions_for(voter) if s.session_id == session)


def test_a_vote_closed_at_the_desk_stops_at_every_booth_and_each_sends_its_sealed_session_file(
    hall_booth: BoothMaker, small_election: ElectionKit, hall: HallHttpServer
) -> None:
    one, two = hall_booth("booth-1"), hall_booth("booth-2")
    for voter in ("v01", "v02", "v25"):
        one.cast(voter, "budget", ANSWERS)
    two.cast("v26", "budget", ANSWERS)
    two.cast("v03", "roll-call", ANSWERS)
    assert hall.service.sessions.close("budget", "the desk")
    # Each booth hears of it at its next call (device health, the next voter at the door).
    assert one.hall_connected() and two.hall_connected()
    for booth in (one, two):
        assert "budget" not in booth.active_sessions() and "roll-call" in booth.active_sessions()
        assert booth.sessions.report().unsent == []
        with pytest.raises(CastRefused) as refused:
            booth.cast("v04", "budget", ANSWERS)
        assert refused.value.reason is CastRefusal.SESSION_NOT_OPEN
        assert status_of(booth, "v05", "budget") is SessionStatus.NOT_OPEN
    files = {f.station: f for f in hall.service.sessions.files("budget")}
    assert {s: f.ballots for s, f in files.items()} == {"booth-1": 3, "booth-2": 1}
    sealed = parse_sealed_bytes(files["booth-1"].data, small_election.folder.package())
    assert sealed.manifest.session == "budget"
    assert [c.id for c in sealed.manifest.sessions] == ["budget"]
    assert sorted(v for _, v in sealed.marks) == ["v01", "v02", "v25"]
    # Other votes go on, and the closed one never opens again at a booth.
    one.cast("v04", "roll-call", ANSWERS)
    with pytest.raises(TransitionRefused) as reopened:
        one.set_session_active("budget", True, POLL_WORKER)
    assert reopened.value.reason is PollsRefusal.SESSION_CLOSED


def test_a_vote_closed_by_a_poll_worker_at_one_booth_closes_at_the_hall_and_every_booth(
    hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    one, two = hall_booth("booth-1"), hall_booth("booth-2")
    one.cast("v01", "board", {"members": ("ana",), "lists": ("l1",)})
    report = one.close_session("board", POLL_WORKER)
    assert report.closed == ["board"] and report.unsent == []
    assert hall.service.sessions.closed() == ["board"]
    two.hall_connected()
    assert "board" not in two.active_sessions()
    assert {f.station for f in hall.service.sessions.files("board")} == {"booth-1", "booth-2"}


def test_a_hall_reservation_after_the_close_is_refused_even_before_the_booth_hears_of_it(
    hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    """A voter at a booth that has not yet asked the hall: the hall itself refuses the reservation."""
    one = hall_booth("booth-1")
    hall.service.sessions.close("budget", "the desk")
    with pytest.raises(CastRefused) as refused:
        one.caster.cast("v01", "budget", ANSWERS)  # straight to the cast, past the door's question
    assert refused.value.reason is CastRefusal.SESSION_NOT_OPEN
    assert one.counts()["budget"] == (0, 0)
    assert [m for m in hall.service.store.marks() if m.session_id == "budget"] == []


def test_a_poll_worker_closes_a_vote_from_the_home_screen_only_once_it_is_stopped(
    hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    one = hall_booth("booth-1")
    one.cast("v01", "budget", ANSWERS)
    flow = WorkerFlow(one)
    flow.state = Home(POLL_WORKER)
    close_vote(flow, "budget")  # still active: one tap never closes a vote by mistake
    assert hall.service.sessions.closed() == [] and vote_rows(flow) == {}
    flow.set_session("budget", False)
    close_vote(flow, "budget")
    assert vote_rows(flow) == {"budget": "closed"}  # sealed, and with the hall
    assert hall.service.sessions.closed() == ["budget"]
    assert [f.station for f in hall.service.sessions.files("budget")] == ["booth-1"]
    flow.set_session("budget", True)  # the worker tries to open it again: refused, and shown
    assert isinstance(flow.state, Home) and flow.state.notice is not None
    assert flow.state.notice.reason == "session_closed"


def test_a_voter_let_in_after_the_desk_closed_a_vote_is_not_offered_it(
    hall_booth: BoothMaker, small_election: ElectionKit, hall: HallHttpServer
) -> None:
    one = hall_booth("booth-1")
    hall.service.sessions.close("budget", "the desk")  # the booth has not asked the hall since
    outcome = one.authenticate_code(small_election.codes()["v01"])
    assert isinstance(outcome, Authenticated)
    statuses = {s.session_id: s.status for s in one.sessions_for("v01")}
    assert statuses["budget"] is SessionStatus.NOT_OPEN and statuses["board"] is SessionStatus.OPEN
    assert [f.station for f in hall.service.sessions.files("budget")] == ["booth-1"]
