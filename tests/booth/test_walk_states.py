"""Every (state, event) pair of the voter's walk: the allowed ones move where they should, every
other one is refused, logged, and leaves the walk where it was."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import product

import pytest

from kiosk.booth.cast import CastReceipt, CastRefusal
from kiosk.booth.e2e_cast import CheckReceipt
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import CodeRefusal, CodeRefused
from kiosk.booth.voter_door import SessionStatus
from kiosk.booth.walk import Walk, WalkError
from kiosk.booth.walk_events import (
    Back,
    Cast,
    Change,
    Checked,
    Choose,
    Continue,
    Done,
    LoggedIn,
    LoginRefused,
    LogOut,
    NotCast,
    OpenSession,
    Printed,
    Refused,
    Seal,
    StartCodeEntry,
    Submit,
    WalkEvent,
)
from kiosk.booth.walk_outcomes import PrintOutcome
from kiosk.booth.walk_states import (
    MAX_CHECKS,
    Answering,
    CastDone,
    CastFailed,
    CheckDone,
    CodeEntry,
    Confirming,
    Reviewing,
    Sealed,
    SealFailed,
    Sessions,
    WalkState,
    Welcome,
    step,
)
from tests.kit import ElectionKit

VOTER, SESSION = "v01", "budget"  # budget: one single-choice question, q1
ANSWERED = {"q1": ("yes",)}
RECEIPT = CastReceipt(SESSION, "ABCDEFGHJKLMN")
SLIP = CheckReceipt(SESSION, "0123-4567-89AB-CDEF", ANSWERED, "https://x.example/v?check=2")
CODE = "0123-4567-89AB-CDEF"
STATES: list[WalkState] = [
    Welcome(),
    CodeEntry(),
    Sessions(VOTER),
    Answering(VOTER, SESSION, 0, ANSWERED),
    Reviewing(VOTER, SESSION, ANSWERED),
    Confirming(VOTER, SESSION, ANSWERED),
    CastDone(VOTER, SESSION, RECEIPT),
    CastFailed(VOTER, SESSION, ANSWERED, CastRefusal.SESSION_NOT_OPEN),
    Sealed(VOTER, SESSION, ANSWERED, CODE),
    SealFailed(VOTER, SESSION, ANSWERED, PrintOutcome.PAPER_OUT),
    CheckDone(VOTER, SESSION, ANSWERED, SLIP, 1),
]
EVENTS: list[WalkEvent] = [
    StartCodeEntry(), LoggedIn(VOTER), LoginRefused(CodeRefused(CodeRefusal.UNKNOWN)),
    OpenSession(SESSION, SessionStatus.OPEN), Choose("no"), Continue(), Back(), Change("q1"), Submit(),
    Cast(RECEIPT), NotCast(None), Printed(PrintOutcome.PRINTED), Done(), LogOut(),
    Seal(CODE, PrintOutcome.PRINTED), Checked(SLIP),
]
# (state, event) -> the state the walk moves to; LogOut goes to Welcome from everywhere.
MOVES: dict[tuple[type, type], type] = {
    (Welcome, StartCodeEntry): CodeEntry,
    (Welcome, LoggedIn): Sessions, (CodeEntry, LoggedIn): Sessions,
    (Welcome, LoginRefused): CodeEntry, (CodeEntry, LoginRefused): CodeEntry,
    (CodeEntry, Back): Welcome,
    (Sessions, OpenSession): Answering,
    (Answering, Choose): Answering, (Answering, Continue): Reviewing, (Answering, Back): Sessions,
    (Reviewing, Change): Answering, (Reviewing, Submit): Confirming, (Reviewing, Back): Answering,
    (Confirming, Cast): CastDone, (Confirming, NotCast): CastFailed, (Confirming, Back): Reviewing,
    (CastDone, Printed): CastDone, (CastDone, Done): Sessions,
    (CastFailed, Submit): Confirming, (CastFailed, Done): Sessions,
    (Reviewing, Seal): Sealed, (CastFailed, Seal): Sealed,
    (Sealed, Cast): CastDone, (Sealed, NotCast): CastFailed, (Sealed, Checked): CheckDone,
    (CheckDone, Printed): CheckDone, (CheckDone, Continue): Reviewing, (SealFailed, Back): Reviewing,
    **{(type(state), LogOut): Welcome for state in STATES},
}
PAIRS = list(product(STATES, EVENTS))
IDS = [f"{type(s).__name__}-{type(e).__name__}" for s, e in PAIRS]


@pytest.fixture(scope="module")
def station(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Station]:
    booth = Station(tmp_path_factory.mktemp("walk-states"))
    booth.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    yield booth
    booth.close()


@pytest.mark.parametrize(("state", "event"), PAIRS, ids=IDS)
def test_step_moves_only_where_the_walk_allows(
    small_election: ElectionKit, state: WalkState, event: WalkEvent
) -> None:
    after = step(state, event, small_election.definition)
    expected = MOVES.get((type(state), type(event)))
    if expected is None:
        assert isinstance(after, Refused) and after.why
    else:
        assert type(after) is expected


@pytest.mark.parametrize(("state", "event"), PAIRS, ids=IDS)
def test_the_walk_logs_each_move_and_each_refusal(
    station: Station, state: WalkState, event: WalkEvent, caplog: pytest.LogCaptureFixture
) -> None:
    walk = Walk(station)
    walk.state = state
    caplog.set_level(logging.INFO, logger="kiosk.booth.walk")
    if (type(state), type(event)) in MOVES:
        walk.apply(event)
        assert type(walk.state) is MOVES[(type(state), type(event))]
        if type(walk.state) is not type(state) or isinstance(event, LogOut):
            assert any("->" in r.getMessage() for r in caplog.records)
    else:
        with pytest.raises(WalkError):
            walk.apply(event)
        assert walk.state == state  # nothing changed
        assert [r.levelno for r in caplog.records] == [logging.WARNING]
        assert "refused" in caplog.records[0].getMessage()


def test_a_session_not_open_to_the_voter_is_refused(small_election: ElectionKit) -> None:
    election = small_election.definition
    for status in (SessionStatus.VOTED, SessionStatus.NOT_OPEN, None):
        assert isinstance(step(Sessions(VOTER), OpenSession(SESSION, status), election), Refused)


def test_a_required_answer_and_a_known_choice_are_needed(small_election: ElectionKit) -> None:
    election = small_election.definition
    assert isinstance(step(Answering(VOTER, SESSION), Continue(), election), Refused)
    assert isinstance(step(Answering(VOTER, SESSION), Choose("maybe"), election), Refused)
    assert isinstance(step(Reviewing(VOTER, SESSION, ANSWERED), Change("q9"), election), Refused)


def test_a_receipt_is_printed_once(small_election: ElectionKit) -> None:
    printed = CastDone(VOTER, SESSION, RECEIPT, PrintOutcome.PAPER_OUT)
    assert isinstance(step(printed, Printed(PrintOutcome.PRINTED), small_election.definition), Refused)


def test_the_states_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Sessions(VOTER).voter_id = "v02"  # type: ignore[misc]



def test_no_code_on_paper_means_nothing_is_asked(small_election: ElectionKit) -> None:
    election = small_election.definition
    for outcome in (PrintOutcome.PAPER_OUT, PrintOutcome.FAILED, PrintOutcome.NO_PRINTER):
        after = step(Reviewing(VOTER, SESSION, ANSWERED), Seal(CODE, outcome), election)
        assert after == SealFailed(VOTER, SESSION, ANSWERED, outcome)


def test_checks_are_counted_across_her_changes_and_limited(small_election: ElectionKit) -> None:
    election = small_election.definition
    state: WalkState | Refused = Sealed(VOTER, SESSION, ANSWERED, CODE)
    for n in range(1, MAX_CHECKS + 1):
        state = step(state, Checked(SLIP), election)  # type: ignore[arg-type]
        assert isinstance(state, CheckDone) and state.checks == n
        state = step(state, Continue(), election)
        state = step(state, Change("q1"), election)  # type: ignore[arg-type]
        state = step(state, Choose(("no", "yes")[(n - 1) % 2]), election)  # type: ignore[arg-type]
        state = step(state, Continue(), election)  # type: ignore[arg-type]
        assert isinstance(state, Reviewing) and state.checks == n
        state = step(state, Seal(CODE, PrintOutcome.PRINTED), election)
        assert isinstance(state, Sealed) and state.checks == n
    refused = step(state, Checked(SLIP), election)  # type: ignore[arg-type]
    assert isinstance(refused, Refused) and "already checked" in refused.why
    assert isinstance(step(state, Cast(RECEIPT), election), CastDone)  # type: ignore[arg-type]


def test_a_check_prints_its_slip_once(small_election: ElectionKit) -> None:
    printed = CheckDone(VOTER, SESSION, ANSWERED, SLIP, 1, PrintOutcome.PRINTED)
    assert isinstance(step(printed, Printed(PrintOutcome.PRINTED), small_election.definition), Refused)
