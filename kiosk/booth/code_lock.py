"""The code-entry lock as the booth stores it: wrong codes counted, locks that grow, a poll worker's
clearing, and a backwards clock jump that must not lengthen a lock. Every change is logged."""

from __future__ import annotations

from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.booth.lockout import FAILURES_BEFORE_LOCK, LockState
from kiosk.booth.voter_auth import CodeRefusal, CodeRefused
from kiosk.clock import Clock

SETTING = "code_lock"


class CodeLock:
    def __init__(self, box: BallotBox, clock: Clock) -> None:
        self.box, self.clock = box, clock

    def state(self) -> LockState:
        with self.box.read() as c:
            return LockState.from_dict(self.box.get_setting(c, SETTING))

    def failed(self, refusal: CodeRefused, lock: LockState) -> CodeRefused:
        """Counts a wrong code; the refusal says how many tries are left, or how long the lock lasts."""
        now = self.clock()
        after = lock.after_failure(now)
        with self.box.transaction() as c:
            self.box.put_setting(c, SETTING, after.as_dict())
            self.box.append_audit(c, Event.CODE_REFUSED, {"reason": refusal.reason.value})
            if after.locked_at(now):
                seconds = after.seconds_left(now)
                self.box.append_audit(
                    c, Event.CODE_ENTRY_LOCKED, {"failures": FAILURES_BEFORE_LOCK, "seconds": seconds}
                )
                return CodeRefused(CodeRefusal.LOCKED, refusal.groups_to_check, refusal.wrong_length, seconds)
        left = FAILURES_BEFORE_LOCK - after.failures
        return CodeRefused(refusal.reason, refusal.groups_to_check, refusal.wrong_length, 0, left)

    def succeeded(self, lock: LockState) -> None:
        """A right code: the failures start again from zero, the locks so far still count."""
        with self.box.transaction() as c:
            self.box.put_setting(c, SETTING, LockState(locks=lock.locks).as_dict())
            self.box.append_audit(c, Event.VOTER_AUTHENTICATED, {"method": "code"})

    def clear(self, by: str) -> None:
        with self.box.transaction() as c:
            self.box.put_setting(c, SETTING, LockState().as_dict())
            self.box.append_audit(c, Event.CODE_ENTRY_UNLOCKED, {"by": by})

    def clock_jumped(self, seconds: int) -> None:
        """Logs a jump of the wall clock; a lock keeps its length across a backwards jump instead of
        lasting as long as the clock went back."""
        with self.box.transaction() as c:
            lock = LockState.from_dict(self.box.get_setting(c, SETTING))
            if seconds < 0 and lock.locked_until is not None:
                self.box.put_setting(c, SETTING, lock.shifted(seconds).as_dict())
            self.box.append_audit(c, Event.CLOCK_JUMP, {"seconds": seconds})
