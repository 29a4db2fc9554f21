"""The polls as the booth stores them: each change checked by the machine (kiosk.booth.polls),
committed with what goes with it, and logged from one place, refusals included."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NoReturn

from sqlalchemy import Connection

from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.times import iso, parse_iso
from kiosk.ballot.values import Mode
from kiosk.booth.polls import (
    PollsAction,
    PollsRefusal,
    PollsState,
    TransitionRefused,
    may_change_sessions,
    next_state,
    step,
)
from kiosk.clock import Clock

POLLS, MODE, ACTIVE, OPENED_AT, CLOSED_AT = "polls", "mode", "active_sessions", "opened_at", "closed_at"
CLOSED_SESSIONS = "closed_sessions"  # votes closed for good while polls stay open (session_close.py)

# What the log says of each transition; its data is filled in by the change that makes it.
TRANSITION_EVENT: dict[PollsAction, Event] = {
    PollsAction.SET_UP: Event.STATION_SET_UP,
    PollsAction.OPEN: Event.POLLS_OPENED,
    PollsAction.PAUSE: Event.POLLS_PAUSED,
    PollsAction.RESUME: Event.POLLS_RESUMED,
    PollsAction.CLOSE: Event.POLLS_CLOSED,
}


def polls_state(box: BallotBox, connection: Connection) -> PollsState:
    return PollsState(box.get_setting(connection, POLLS, PollsState.NOT_SET_UP.value))


class PollsDesk:
    def __init__(self, box: BallotBox, clock: Clock, before_change: Callable[[], None]) -> None:
        self.box, self.clock = box, clock
        self._before_change = before_change  # the clock watch: a jump is logged before the change

    # --- what the polls are ----------------------------------------------------------------------
    def state(self) -> PollsState:
        with self.box.read() as c:
            return polls_state(self.box, c)

    def mode(self) -> Mode:
        with self.box.read() as c:
            mode: Mode = self.box.get_setting(c, MODE, "official")
            return mode

    def opened_at(self) -> datetime | None:
        """When the polls opened; None before."""
        return self._moment(OPENED_AT)

    def closed_at(self) -> datetime | None:
        return self._moment(CLOSED_AT)

    def _moment(self, key: str) -> datetime | None:
        with self.box.read() as c:
            text = self.box.get_setting(c, key, None)
        return None if text is None else parse_iso(text)

    def active_sessions(self) -> list[str]:
        with self.box.read() as c:
            return list(self.box.get_setting(c, ACTIVE, []))

    # --- changing them ---------------------------------------------------------------------------
    def open(self, by: str) -> None:
        if self.box.ballot_count():  # a booth that already holds ballots must not open again
            self.refuse(PollsAction.OPEN, PollsRefusal.BALLOTS_STORED)
        with self.changing(PollsAction.OPEN, {"mode": self.mode(), "by": by}) as c:
            self.box.put_setting(c, OPENED_AT, iso(self.clock()))

    def pause(self, by: str) -> None:
        with self.changing(PollsAction.PAUSE, {"by": by}):
            pass

    def resume(self, by: str) -> None:
        with self.changing(PollsAction.RESUME, {"by": by}):
            pass

    def close(self, by: str) -> None:
        data: dict[str, Any] = {"by": by}
        with self.changing(PollsAction.CLOSE, data) as c:
            self.box.put_setting(c, CLOSED_AT, iso(self.clock()))
            self.box.put_setting(c, ACTIVE, [])
            data["ballots"] = self.box.ballot_count(c)

    def set_session_active(self, order: Sequence[str], session_id: str, active: bool, by: str) -> None:
        """order: the election's sessions, so the active ones are kept in the definition's order."""
        self._before_change()
        try:
            with self.box.transaction() as c:
                state = polls_state(self.box, c)
                if not may_change_sessions(state):
                    raise TransitionRefused(state, PollsAction.OPEN, PollsRefusal.SESSIONS_FIXED)
                if active and session_id in self.box.get_setting(c, CLOSED_SESSIONS, []):
                    raise TransitionRefused(state, PollsAction.OPEN, PollsRefusal.SESSION_CLOSED)
                current = set(self.box.get_setting(c, ACTIVE, []))
                changed = (current | {session_id}) if active else (current - {session_id})
                if changed == current:
                    return
                self.box.put_setting(c, ACTIVE, [s for s in order if s in changed])
                kind = Event.SESSION_ACTIVATED if active else Event.SESSION_DEACTIVATED
                self.box.append_audit(c, kind, {"session": session_id, "by": by})
        except TransitionRefused as exc:
            self._log_refusal(exc)
            raise

    @contextmanager
    def changing(self, action: PollsAction, data: dict[str, Any]) -> Iterator[Connection]:
        """A polls transition and what goes with it, in one commit, logged with data (which the
        caller may complete inside the block); a refusal is logged apart, and nothing changes."""
        self._before_change()
        try:
            with self.box.transaction() as c:
                self.box.put_setting(c, POLLS, next_state(polls_state(self.box, c), action).value)
                yield c
                self.box.append_audit(c, TRANSITION_EVENT[action], data)
        except TransitionRefused as exc:
            self._log_refusal(exc)
            raise

    def refuse(self, action: PollsAction, reason: PollsRefusal | None = None) -> NoReturn:
        """Refuses the action before any change: for the machine's reason, or the one given."""
        state = self.state()
        refusal = reason or step(state, action)
        assert isinstance(refusal, PollsRefusal), f"{action} is allowed from {state}"
        exc = TransitionRefused(state, action, refusal)
        self._log_refusal(exc)
        raise exc

    def _log_refusal(self, exc: TransitionRefused) -> None:
        self.box.log(
            Event.TRANSITION_REFUSED,
            {"state": exc.state.value, "action": exc.action.value, "reason": str(exc)},
        )
