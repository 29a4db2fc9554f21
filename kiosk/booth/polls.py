"""The polls as a closed state machine: not set up -> ready -> open <-> paused -> closed.

One pure function, step, decides the next state from the current one and an action, or the typed
reason it is refused; every pair not listed is refused. The polls desk (kiosk.booth.polls_desk)
applies each step in storage and logs each transition and each refusal, from one place.
"""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class PollsState(StrEnum):
    NOT_SET_UP = "not_set_up"
    READY = "ready"
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class PollsAction(StrEnum):
    SET_UP = "set_up"
    OPEN = "open"
    PAUSE = "pause"
    RESUME = "resume"
    CLOSE = "close"


class PollsRefusal(StrEnum):
    """Why a polls change was refused; the poll worker's screen says it in their language."""

    NOT_SET_UP = "not_set_up"  # the booth has no election yet
    NOT_OPEN_YET = "not_open_yet"
    ALREADY_OPEN = "already_open"
    PAUSED = "paused"
    CLOSED = "closed"  # closed for good: nothing reopens a closed booth
    BALLOTS_STORED = "ballots_stored"  # a booth holding ballots must not open (again)
    SESSIONS_FIXED = "sessions_fixed"  # sessions change only before or while voting
    SESSION_CLOSED = "session_closed"  # a vote closed for good (kiosk/booth/session_close.py) never reopens


# For the record and the help desk (the audit log, a traceback), never for a screen.
REFUSAL_DETAIL: dict[PollsRefusal, str] = {
    PollsRefusal.NOT_SET_UP: "the booth is not set up with an election yet",
    PollsRefusal.NOT_OPEN_YET: "polls are not open yet",
    PollsRefusal.ALREADY_OPEN: "polls are open",
    PollsRefusal.PAUSED: "polls are paused",
    PollsRefusal.CLOSED: "polls are closed for this election",
    PollsRefusal.BALLOTS_STORED: "ballots are already stored on this booth",
    PollsRefusal.SESSIONS_FIXED: "sessions cannot change: polls are closed",
    PollsRefusal.SESSION_CLOSED: "this vote is closed for good and cannot open again",
}


class TransitionRefused(ValueError):
    """A polls change refused from the current state; nothing changed."""

    def __init__(
        self, state: PollsState, action: PollsAction, reason: PollsRefusal, detail: str = ""
    ) -> None:
        super().__init__(detail or _detail(action, reason))
        self.state, self.action, self.reason = state, action, reason


def _detail(action: PollsAction, reason: PollsRefusal) -> str:
    if reason in (PollsRefusal.BALLOTS_STORED, PollsRefusal.SESSIONS_FIXED, PollsRefusal.SESSION_CLOSED):
        return REFUSAL_DETAIL[reason]
    return f"cannot {action.value.replace('_', ' ')}: {REFUSAL_DETAIL[reason]}"


def step(state: PollsState, action: PollsAction) -> PollsState | PollsRefusal:
    """The state after the action, or why the action is refused in this state."""
    match (state, action):
        case (PollsState.NOT_SET_UP, PollsAction.SET_UP):
            return PollsState.READY
        case (PollsState.READY, PollsAction.OPEN):
            return PollsState.OPEN
        case (PollsState.OPEN, PollsAction.PAUSE):
            return PollsState.PAUSED
        case (PollsState.PAUSED, PollsAction.RESUME):
            return PollsState.OPEN
        case (PollsState.OPEN | PollsState.PAUSED, PollsAction.CLOSE):
            return PollsState.CLOSED
    return why_not(state)


def why_not(state: PollsState) -> PollsRefusal:
    """What the current state says against any action it does not allow."""
    match state:
        case PollsState.NOT_SET_UP:
            return PollsRefusal.NOT_SET_UP
        case PollsState.READY:
            return PollsRefusal.NOT_OPEN_YET
        case PollsState.OPEN:
            return PollsRefusal.ALREADY_OPEN
        case PollsState.PAUSED:
            return PollsRefusal.PAUSED
        case PollsState.CLOSED:
            return PollsRefusal.CLOSED
        case _:
            assert_never(state)


def next_state(state: PollsState, action: PollsAction) -> PollsState:
    """The state after the action; TransitionRefused, with its reason, when it is not allowed."""
    after = step(state, action)
    if isinstance(after, PollsRefusal):
        raise TransitionRefused(state, action, after)
    return after


def accepts_votes(state: PollsState) -> bool:
    return state is PollsState.OPEN


def may_change_sessions(state: PollsState) -> bool:
    """Sessions are activated as the chair announces them: before opening or while voting."""
    return state in (PollsState.READY, PollsState.OPEN, PollsState.PAUSED)
