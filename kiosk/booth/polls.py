"""The polls as a closed state machine: not set up -> ready -> open <-> paused -> closed.

One function decides the next state from the current one and an action; every other pair is
refused. The station service logs each transition and each refusal.
"""

from __future__ import annotations

from enum import StrEnum


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


class TransitionRefused(ValueError):
    def __init__(self, state: PollsState, action: PollsAction, reason: str) -> None:
        super().__init__(reason)
        self.state = state
        self.action = action


_TRANSITIONS: dict[tuple[PollsState, PollsAction], PollsState] = {
    (PollsState.NOT_SET_UP, PollsAction.SET_UP): PollsState.READY,
    (PollsState.READY, PollsAction.OPEN): PollsState.OPEN,
    (PollsState.OPEN, PollsAction.PAUSE): PollsState.PAUSED,
    (PollsState.PAUSED, PollsAction.RESUME): PollsState.OPEN,
    (PollsState.OPEN, PollsAction.CLOSE): PollsState.CLOSED,
    (PollsState.PAUSED, PollsAction.CLOSE): PollsState.CLOSED,
}

_WHY_NOT = {
    PollsState.NOT_SET_UP: "the booth is not set up with an election yet",
    PollsState.READY: "polls are not open yet",
    PollsState.OPEN: "polls are open",
    PollsState.PAUSED: "polls are paused",
    PollsState.CLOSED: "polls are closed for this election",
}


def next_state(state: PollsState, action: PollsAction) -> PollsState:
    try:
        return _TRANSITIONS[(state, action)]
    except KeyError:
        raise TransitionRefused(
            state, action, f"cannot {action.value.replace('_', ' ')}: {_WHY_NOT[state]}"
        ) from None


def accepts_votes(state: PollsState) -> bool:
    return state is PollsState.OPEN


def may_change_sessions(state: PollsState) -> bool:
    """Sessions are activated as the chair announces them: before opening or while voting."""
    return state in (PollsState.READY, PollsState.OPEN, PollsState.PAUSED)
