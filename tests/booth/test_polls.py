"""Every (state, action) pair of the polls: the allowed ones move, every other one is refused with
its reason, logged, and changes nothing."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest

from kiosk.ballot.audit_events import Event
from kiosk.booth.polls import PollsAction, PollsRefusal, PollsState, TransitionRefused, step, why_not
from kiosk.booth.station import Station
from tests.kit import POLL_WORKER, ElectionKit

S, A = PollsState, PollsAction
ALLOWED: dict[tuple[PollsState, PollsAction], PollsState] = {
    (S.NOT_SET_UP, A.SET_UP): S.READY,
    (S.READY, A.OPEN): S.OPEN,
    (S.OPEN, A.PAUSE): S.PAUSED,
    (S.PAUSED, A.RESUME): S.OPEN,
    (S.OPEN, A.CLOSE): S.CLOSED,
    (S.PAUSED, A.CLOSE): S.CLOSED,
}
EVENTS = {A.SET_UP: Event.STATION_SET_UP, A.OPEN: Event.POLLS_OPENED, A.PAUSE: Event.POLLS_PAUSED,
          A.RESUME: Event.POLLS_RESUMED, A.CLOSE: Event.POLLS_CLOSED}
PAIRS = list(product(PollsState, PollsAction))
# How a booth gets to each state, from a fresh one, by the allowed actions only.
ROUTE = {S.NOT_SET_UP: [], S.READY: [A.SET_UP], S.OPEN: [A.SET_UP, A.OPEN],
         S.PAUSED: [A.SET_UP, A.OPEN, A.PAUSE], S.CLOSED: [A.SET_UP, A.OPEN, A.CLOSE]}


@pytest.mark.parametrize(("state", "action"), PAIRS)
def test_the_machine_allows_only_its_transitions(state: PollsState, action: PollsAction) -> None:
    after = step(state, action)
    assert after == ALLOWED.get((state, action), why_not(state))
    assert isinstance(after, PollsState) == ((state, action) in ALLOWED)


def test_each_state_refuses_with_a_reason_of_its_own() -> None:
    reasons = [why_not(state) for state in PollsState]
    assert len(set(reasons)) == len(PollsState) and all(isinstance(r, PollsRefusal) for r in reasons)


def act(station: Station, action: PollsAction, kit: ElectionKit) -> None:
    match action:
        case A.SET_UP:
            station.set_up(kit.media["booth-1"], kit.signer("booth-1"))
        case A.OPEN:
            station.open_polls(POLL_WORKER)
        case A.PAUSE:
            station.pause(POLL_WORKER)
        case A.RESUME:
            station.resume(POLL_WORKER)
        case A.CLOSE:
            station.close_polls(POLL_WORKER)


@pytest.mark.parametrize(("state", "action"), PAIRS)
def test_the_booth_moves_or_refuses_and_logs_every_pair(
    small_election: ElectionKit, tmp_path: Path, state: PollsState, action: PollsAction
) -> None:
    station = Station(tmp_path / "booth")
    for earlier in ROUTE[state]:
        act(station, earlier, small_election)
    assert station.state is state
    before = len(station.box.audit_entries())
    if (state, action) in ALLOWED:
        act(station, action, small_election)
        assert station.state is ALLOWED[(state, action)]
        assert station.box.audit_entries()[-1].event == EVENTS[action].value
    else:
        with pytest.raises(TransitionRefused) as refused:
            act(station, action, small_election)
        assert refused.value.reason is why_not(state) and station.state is state
        [logged] = station.box.audit_entries()[before:]
        assert logged.event == Event.TRANSITION_REFUSED.value
        assert logged.data == {"state": state.value, "action": action.value, "reason": str(refused.value)}
    station.close()


def test_sessions_cannot_change_once_closed_and_the_refusal_is_logged(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    station = Station(tmp_path / "booth")
    for earlier in ROUTE[S.CLOSED]:
        act(station, earlier, small_election)
    with pytest.raises(TransitionRefused) as refused:
        station.set_session_active("budget", True, POLL_WORKER)
    assert refused.value.reason is PollsRefusal.SESSIONS_FIXED and station.active_sessions() == []
    assert station.box.audit_entries()[-1].event == Event.TRANSITION_REFUSED.value
    station.close()
