"""The voter's walk as a closed state machine: each state holds only its own data, and one pure
function, step, decides the next state from the current one and an event, or refuses it.

The walk (kiosk.booth.walk) feeds it the voter's taps and the booth's answers, and logs every
transition and every refusal from one place. Every election rule the voter meets (how many may be
chosen, whether a blank is allowed, which sessions can be entered) is decided here or in the core.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import assert_never

from kiosk.ballot.definition import ElectionDefinition, Question
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.booth.cast import CastReceipt, CastRefusal
from kiosk.booth.e2e_cast import CheckReceipt
from kiosk.booth.voter_auth import CodeRefused
from kiosk.booth.voter_door import SessionStatus
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

Answers = Mapping[str, tuple[str, ...]]  # question id -> the choices made, in the question's order
# Checks a voter may make in one visit of a session: enough to test the booth (each check catches a
# cheating booth with the same chance), few enough that a queue is not held up (E2E.md §7: "e.g. 3").
MAX_CHECKS = 3


class Screen(StrEnum):
    WELCOME = "welcome"
    CODE_ENTRY = "code_entry"
    SESSIONS = "sessions"
    QUESTION = "question"
    REVIEW = "review"
    CONFIRM = "confirm"
    CAST_DONE = "cast_done"
    CAST_FAILED = "cast_failed"
    CAST_OR_CHECK = "cast_or_check"  # sealed, its code printed: cast it or check it
    SEAL_FAILED = "seal_failed"  # the code could not be printed: nothing sealed, ask a poll worker
    CHECK_DONE = "check_done"  # opened and never counted: take the slip, then vote again


# --- the states ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Welcome:
    pass


@dataclass(frozen=True)
class CodeEntry:
    refusal: CodeRefused | None = None  # the last code or card refused, for the screen to say why


@dataclass(frozen=True)
class Sessions:
    voter_id: VoterId


@dataclass(frozen=True)
class Answering:
    voter_id: VoterId
    session_id: SessionId
    question_index: int = 0
    selections: Answers = field(default_factory=dict)
    back_to_review: bool = False  # came from the review to change one answer
    checks: int = 0  # ballots this voter checked in this visit of the session


@dataclass(frozen=True)
class Reviewing:
    voter_id: VoterId
    session_id: SessionId
    selections: Answers
    checks: int = 0


@dataclass(frozen=True)
class Confirming:
    voter_id: VoterId
    session_id: SessionId
    selections: Answers


@dataclass(frozen=True)
class CastDone:
    voter_id: VoterId
    session_id: SessionId
    receipt: CastReceipt
    print_outcome: PrintOutcome | None = None  # None until the printer answered


@dataclass(frozen=True)
class CastFailed:
    voter_id: VoterId
    session_id: SessionId
    selections: Answers  # kept, so the voter can try again
    refusal: CastRefusal | None  # why the booth refused it; None when the storage failed
    checks: int = 0


@dataclass(frozen=True)
class Sealed:
    """Sealed and its code printed; the booth asks Cast or Check (the ballot itself is the walk's)."""

    voter_id: VoterId
    session_id: SessionId
    selections: Answers
    code: str  # the short code, as printed
    checks: int = 0


@dataclass(frozen=True)
class SealFailed:
    """The code did not print, so nothing was asked and the sealed ballot was forgotten."""

    voter_id: VoterId
    session_id: SessionId
    selections: Answers
    print_outcome: PrintOutcome
    checks: int = 0


@dataclass(frozen=True)
class CheckDone:
    voter_id: VoterId
    session_id: SessionId
    selections: Answers  # kept: she votes again, changing any answer she likes
    receipt: CheckReceipt
    checks: int  # this check included
    print_outcome: PrintOutcome | None = None  # None until the printer answered


WalkState = (
    Welcome | CodeEntry | Sessions | Answering | Reviewing | Confirming | CastDone | CastFailed | Sealed
    | SealFailed | CheckDone
)
InSession = Answering | Reviewing | Confirming | CastFailed | Sealed | SealFailed | CheckDone

SCREENS: dict[type[WalkState], Screen] = {
    Welcome: Screen.WELCOME, CodeEntry: Screen.CODE_ENTRY, Sessions: Screen.SESSIONS,
    Answering: Screen.QUESTION, Reviewing: Screen.REVIEW, Confirming: Screen.CONFIRM,
    CastDone: Screen.CAST_DONE, CastFailed: Screen.CAST_FAILED, Sealed: Screen.CAST_OR_CHECK,
    SealFailed: Screen.SEAL_FAILED, CheckDone: Screen.CHECK_DONE,
}


# --- the machine -----------------------------------------------------------------------------------
def step(state: WalkState, event: WalkEvent, election: ElectionDefinition | None) -> WalkState | Refused:
    """The state after the event, or why the event is refused in this state. election is None only
    on a booth not set up, where no voter can be in a session."""
    match event:
        case LogOut():
            return Welcome()
        case StartCodeEntry() if isinstance(state, Welcome):
            return CodeEntry()
        case LoggedIn(voter_id) if isinstance(state, Welcome | CodeEntry):
            return Sessions(voter_id)
        case LoginRefused(refusal) if isinstance(state, Welcome | CodeEntry):
            return CodeEntry(refusal)
        case OpenSession(session_id, status) if isinstance(state, Sessions):
            if status is not SessionStatus.OPEN:
                return Refused(f"session {session_id} is {status} for this voter")
            return Answering(state.voter_id, session_id)
        case Choose(choice_id) if isinstance(state, Answering):
            return choose(state, _set_up(election), choice_id)
        case Continue() if isinstance(state, Answering):
            return _continue(state, _set_up(election))
        case Continue() if isinstance(state, CheckDone):  # she votes again, from her review
            return Reviewing(state.voter_id, state.session_id, state.selections, state.checks)
        case Back():
            return _back(state, election)
        case Change(question_id) if isinstance(state, Reviewing):
            ids = [q.id for q in _set_up(election).session(state.session_id).questions]
            if question_id not in ids:
                return Refused(f"no question {question_id} in {state.session_id}")
            index = ids.index(question_id)
            return Answering(state.voter_id, state.session_id, index, state.selections, True, state.checks)
        case Submit() if isinstance(state, Reviewing | CastFailed):
            return Confirming(state.voter_id, state.session_id, state.selections)
        case Seal(code, printed) if isinstance(state, Reviewing | CastFailed):
            if printed is not PrintOutcome.PRINTED:  # no code on paper: nothing may be asked
                return SealFailed(state.voter_id, state.session_id, state.selections, printed, state.checks)
            return Sealed(state.voter_id, state.session_id, state.selections, code, state.checks)
        case Checked(receipt) if isinstance(state, Sealed):
            if state.checks >= MAX_CHECKS:
                return Refused(f"{MAX_CHECKS} ballots already checked in this session")
            return CheckDone(state.voter_id, state.session_id, state.selections, receipt, state.checks + 1)
        case Cast(receipt) if isinstance(state, Confirming | Sealed):
            return CastDone(state.voter_id, state.session_id, receipt)
        case NotCast(refusal) if isinstance(state, Confirming | Sealed):
            checks = state.checks if isinstance(state, Sealed) else 0
            return CastFailed(state.voter_id, state.session_id, state.selections, refusal, checks)
        case Printed(outcome) if isinstance(state, CastDone | CheckDone) and state.print_outcome is None:
            return replace(state, print_outcome=outcome)
        case Done() if isinstance(state, CastDone | CastFailed):
            return Sessions(state.voter_id)
        case (
            StartCodeEntry() | LoggedIn() | LoginRefused() | OpenSession() | Choose() | Continue()
            | Change() | Submit() | Cast() | NotCast() | Printed() | Done() | Seal() | Checked()
        ):
            return Refused(f"{type(event).__name__} cannot happen on {SCREENS[type(state)].value}")
        case _:
            assert_never(event)


def _set_up(election: ElectionDefinition | None) -> ElectionDefinition:
    if election is None:  # a session state on a booth without an election: a programming error
        raise AssertionError("no election on this booth")
    return election


def question_of(state: Answering, election: ElectionDefinition) -> Question:
    return election.session(state.session_id).questions[state.question_index]


def chosen(state: Answering, election: ElectionDefinition) -> tuple[str, ...]:
    return state.selections.get(question_of(state, election).id, ())


def can_continue(state: Answering, election: ElectionDefinition) -> bool:
    count, question = len(chosen(state, election)), question_of(state, election)
    if count == 0:
        return question.allow_blank
    return question.min_choices <= count <= question.max_choices


def choose(state: Answering, election: ElectionDefinition, choice_id: str) -> Answering | Refused:
    """A tap on an option: select it, or unselect it if it was chosen; at the maximum, nothing more
    is chosen (the screen says so)."""
    question, picked = question_of(state, election), chosen(state, election)
    if choice_id not in question.choices:
        return Refused(f"no choice {choice_id} in {question.id}")
    if choice_id in picked:
        picked = tuple(c for c in picked if c != choice_id)
    elif question.max_choices == 1:
        picked = (choice_id,)
    elif len(picked) < question.max_choices:
        picked = tuple(c for c in question.choices if c in {*picked, choice_id})
    else:
        return state
    return replace(state, selections={**state.selections, question.id: picked})


def _continue(state: Answering, election: ElectionDefinition) -> WalkState | Refused:
    if not can_continue(state, election):
        return Refused("this question needs an answer")
    last = len(election.session(state.session_id).questions) - 1
    if state.back_to_review or state.question_index == last:
        return Reviewing(state.voter_id, state.session_id, state.selections, state.checks)
    return replace(state, question_index=state.question_index + 1, back_to_review=False)


def _back(state: WalkState, election: ElectionDefinition | None) -> WalkState | Refused:
    match state:
        case Answering(back_to_review=True):
            return Reviewing(state.voter_id, state.session_id, state.selections, state.checks)
        case Answering() if state.question_index > 0:
            return replace(state, question_index=state.question_index - 1)
        case Answering():
            return Sessions(state.voter_id)  # leaving the session forgets its answers
        case Reviewing():
            last = len(_set_up(election).session(state.session_id).questions) - 1
            return Answering(state.voter_id, state.session_id, last, state.selections, checks=state.checks)
        case Confirming():
            return Reviewing(state.voter_id, state.session_id, state.selections)
        case SealFailed():  # the printer is seen to: she seals again from her review
            return Reviewing(state.voter_id, state.session_id, state.selections, state.checks)
        case CodeEntry():
            return Welcome()
        case Welcome() | Sessions() | CastDone() | CastFailed() | Sealed() | CheckDone():
            return Refused(f"no way back from {SCREENS[type(state)].value}")
        case _:
            assert_never(state)
