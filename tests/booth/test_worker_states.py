"""Every (state, event) pair of the poll worker's flow: the allowed ones move where they should,
every other one is refused, logged, and leaves the flow where it was. No screen is reached by a
jump from anywhere: home leads to the day's screens, and they lead back home."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import product

import pytest

from kiosk.booth.addenda import AddendumPreview
from kiosk.booth.setup import SetupPreview
from kiosk.booth.station import Station
from kiosk.booth.worker_card import PinCheck, PinStatus, SimWorkerCard
from kiosk.booth.worker_flow import WorkerFlow
from kiosk.booth.worker_states import (
    AddendumAccepted,
    AddendumShown,
    Amending,
    Auditing,
    Away,
    CardInserted,
    CloseAsked,
    Closed,
    Closing,
    CodeHidden,
    CodeReissued,
    CopyWritten,
    Exporting,
    Failed,
    Go,
    Home,
    Leave,
    Notice,
    NotRegistered,
    PinChecked,
    PinEntry,
    Previewed,
    Problem,
    Refused,
    Reissuing,
    Reprint,
    Reprinted,
    SettingUp,
    Succeeded,
    WorkerEvent,
    WorkerFound,
    WorkerScreen,
    WorkerState,
    step,
)
from tests.kit import POLL_WORKER, ElectionKit

CARD = SimWorkerCard("1234", "ab" * 32)
W = POLL_WORKER
SHOWN = AddendumPreview(1, "d" * 64, [])
STATES: list[WorkerState] = [
    Away(), PinEntry(CARD), SettingUp(CARD, "ab" * 32), Home(W), Reissuing(W, "CODE", "Ana", 120.0),
    Closing(W), Exporting(W), Auditing(W), Amending(W), Amending(W, SHOWN),
]
EVENTS: list[WorkerEvent] = [
    CardInserted(CARD), PinChecked(PinCheck(PinStatus.OK, 3, "ab" * 32), set_up=True), WorkerFound(W),
    NotRegistered(), Previewed(SetupPreview({"en": "Election"}, "f" * 16, "booth-1")),
    *(Go(screen) for screen in WorkerScreen), Failed(Notice(Problem.POLLS_REFUSED, "paused")),
    Succeeded(), Reprinted(Reprint.PRINTED), CodeReissued("CODE2", "Ben", 240.0), CodeHidden(True),
    CloseAsked(), Closed(), CopyWritten(), Leave(), AddendumShown(SHOWN), AddendumAccepted(1),
]
LOGGED_IN = (Home, Reissuing, Closing, Exporting, Auditing, Amending)
NOTICED = (SettingUp, *LOGGED_IN)  # the states whose screen shows a problem


def expected(state: WorkerState, event: WorkerEvent) -> type | None:
    """Where the flow goes, or None for a refusal."""
    kind = type(state)
    match event:
        case CardInserted():
            return PinEntry
        case Leave():
            return Away
        case PinChecked() if kind is PinEntry:
            return PinEntry  # set up already: the station's answer (found, not registered) comes next
        case WorkerFound() if kind in (PinEntry, SettingUp):
            return Home
        case NotRegistered() if kind in (PinEntry, SettingUp):
            return PinEntry
        case Previewed() if kind is SettingUp:
            return SettingUp
        case Go(WorkerScreen.REISSUE) if kind is Home:
            return Reissuing
        case Go(WorkerScreen.CLOSE) if kind is Home:
            return Closing
        case Go(WorkerScreen.EXPORT) if kind is Home:
            return Exporting
        case Go(WorkerScreen.AUDIT) if kind is Home:
            return Auditing
        case Go(WorkerScreen.ADDENDUM) if kind is Home:
            return Amending
        case AddendumShown() if kind is Amending:
            return Amending
        case AddendumAccepted() if isinstance(state, Amending) and state.preview is not None:
            return Amending
        case Go(WorkerScreen.HOME) if kind in LOGGED_IN:
            return Home
        case Failed() | Succeeded() if kind in NOTICED:
            return kind
        case Reprinted() if kind is Home:
            return Home
        case CodeReissued() | CodeHidden() if kind is Reissuing:
            return Reissuing
        case CloseAsked() if kind is Closing:
            return Closing
        case Closed() if kind is Closing:
            return Exporting
        case CopyWritten() if kind is Exporting:
            return Exporting
    return None


PAIRS = list(product(STATES, EVENTS))
IDS = [f"{type(s).__name__}-{type(e).__name__}{getattr(e, 'screen', '')}" for s, e in PAIRS]


@pytest.fixture(scope="module")
def station(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Station]:
    booth = Station(tmp_path_factory.mktemp("worker-states"))
    booth.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    yield booth
    booth.close()


@pytest.mark.parametrize(("state", "event"), PAIRS, ids=IDS)
def test_step_moves_only_where_the_flow_allows(state: WorkerState, event: WorkerEvent) -> None:
    after = step(state, event)
    goes = expected(state, event)
    if goes is None:
        assert isinstance(after, Refused) and after.why
    else:
        assert type(after) is goes


@pytest.mark.parametrize(("state", "event"), PAIRS, ids=IDS)
def test_the_flow_logs_each_move_and_each_refusal(
    station: Station, state: WorkerState, event: WorkerEvent, caplog: pytest.LogCaptureFixture
) -> None:
    flow = WorkerFlow(station)
    flow.state = state
    caplog.set_level(logging.INFO, logger="kiosk.booth.worker_flow")
    goes = expected(state, event)
    assert flow.apply(event) is (goes is not None)
    if goes is None:
        assert flow.state == state  # nothing changed
        assert [r.levelno for r in caplog.records] == [logging.WARNING]
        assert "refused" in caplog.records[0].getMessage()
    else:
        assert type(flow.state) is goes
        if goes is not type(state):
            assert any("->" in r.getMessage() for r in caplog.records)


def test_a_wrong_pin_stays_on_the_pin_screen_and_a_right_one_before_set_up_goes_to_set_up() -> None:
    wrong = step(PinEntry(CARD), PinChecked(PinCheck(PinStatus.WRONG, 2), set_up=False))
    assert isinstance(wrong, PinEntry) and wrong.pin_result == PinCheck(PinStatus.WRONG, 2)
    right = step(PinEntry(CARD), PinChecked(PinCheck(PinStatus.OK, 3, "ab" * 32), set_up=False))
    assert isinstance(right, SettingUp) and right.public_key == "ab" * 32


def test_a_shown_code_hides_once_and_closing_needs_its_own_screen() -> None:
    assert isinstance(step(Reissuing(W), CodeHidden(False)), Refused)  # no code shown: nothing to hide
    assert isinstance(step(Home(W), Go(WorkerScreen.SETUP)), Refused)
    assert isinstance(step(Reissuing(W), Go(WorkerScreen.CLOSE)), Refused)  # only by way of home


def test_a_poll_worker_leaving_is_logged(station: Station) -> None:
    flow = WorkerFlow(station)
    flow.state = Home(W)
    flow.leave()
    assert isinstance(flow.state, Away)
    assert station.box.audit_entries()[-1].event == "poll_worker_logout"
    assert station.box.audit_entries()[-1].data == {"by": W}
