"""The polls as the booth stores them: each change checked by the machine (kiosk.booth.polls),
committed with what goes with it, and logged from one place, refusals included."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from sqlalchemy import Connection

from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.values import Mode
from kiosk.booth.polls import PollsAction, PollsState, TransitionRefused, may_change_sessions, next_state
from kiosk.clock import Clock, iso

POLLS, MODE, ACTIVE, OPENED_AT, CLOSED_AT = "polls", "mode", "active_sessions", "opened_at", "closed_at"


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

    def active_sessions(self) -> list[str]:
        with self.box.read() as c:
            return list(self.box.get_setting(c, ACTIVE, []))

    # --- changing them ---------------------------------------------------------------------------
    def open(self, by: str) -> None:
        if self.box.ballot_count():  # a booth that already holds ballots must not open again
            self.refuse(PollsAction.OPEN, "ballots are already stored on this booth")
        mode = self.mode()
        with self.changing(PollsAction.OPEN) as c:
            self.box.put_setting(c, OPENED_AT, iso(self.clock()))
            self.box.append_audit(c, Event.POLLS_OPENED, {"mode": mode, "by": by})

    def pause(self, by: str) -> None:
        with self.changing(PollsAction.PAUSE) as c:
            self.box.append_audit(c, Event.POLLS_PAUSED, {"by": by})

    def resume(self, by: str) -> None:
        with self.changing(PollsAction.RESUME) as c:
            self.box.append_audit(c, Event.POLLS_RESUMED, {"by": by})

    def close(self, by: str) -> None:
        with self.changing(PollsAction.CLOSE) as c:
            self.box.put_setting(c, CLOSED_AT, iso(self.clock()))
            self.box.put_setting(c, ACTIVE, [])
            count = self.box.ballot_count(c)
            self.box.append_audit(c, Event.POLLS_CLOSED, {"ballots": count, "by": by})

    def set_session_active(self, order: Sequence[str], session_id: str, active: bool, by: str) -> None:
        """order: the election's sessions, so the active ones are kept in the definition's order."""
        self._before_change()
        with self.box.transaction() as c:
            state = polls_state(self.box, c)
            if not may_change_sessions(state):
                raise TransitionRefused(state, PollsAction.OPEN, "sessions cannot change: polls are closed")
            current = set(self.box.get_setting(c, ACTIVE, []))
            changed = (current | {session_id}) if active else (current - {session_id})
            if changed == current:
                return
            self.box.put_setting(c, ACTIVE, [s for s in order if s in changed])
            kind = Event.SESSION_ACTIVATED if active else Event.SESSION_DEACTIVATED
            self.box.append_audit(c, kind, {"session": session_id, "by": by})

    @contextmanager
    def changing(self, action: PollsAction) -> Iterator[Connection]:
        """A polls transition and what goes with it, in one commit; a refusal is logged apart."""
        self._before_change()
        try:
            with self.box.transaction() as c:
                state = polls_state(self.box, c)
                self.box.put_setting(c, POLLS, next_state(state, action).value)
                yield c
        except TransitionRefused as exc:
            self.log_refusal(exc.state, exc.action, str(exc))
            raise

    def refuse(self, action: PollsAction, reason: str | None = None) -> NoReturn:
        state = self.state()
        try:
            next_state(state, action)
        except TransitionRefused as exc:
            reason = reason or str(exc)
        reason = reason or f"cannot {action.value}"
        self.log_refusal(state, action, reason)
        raise TransitionRefused(state, action, reason)

    def log_refusal(self, state: PollsState, action: PollsAction, reason: str = "") -> None:
        self.box.log(
            Event.TRANSITION_REFUSED, {"state": state.value, "action": action.value, "reason": reason}
        )
