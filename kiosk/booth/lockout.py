"""Rate limiting of code entry: after repeated failures the booth locks for a growing delay.

The count and the lock live in the ballot box, so switching the booth off and on does not clear
them; a poll worker can.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

FAILURES_BEFORE_LOCK = 5  # the voter's walk asks for a lock after 5 failures in a row
FIRST_LOCK_SECONDS = 30  # long enough to stop guessing, short enough not to block a queue
MAX_LOCK_SECONDS = 15 * 60  # the delay doubles with each lock up to this


@dataclass(frozen=True)
class LockState:
    failures: int = 0  # failures in a row since the last success or unlock
    locks: int = 0  # locks since the last success or unlock
    locked_until: str | None = None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < datetime.fromisoformat(self.locked_until)

    def seconds_left(self, now: datetime) -> int:
        if self.locked_until is None:
            return 0
        return max(0, int((datetime.fromisoformat(self.locked_until) - now).total_seconds() + 0.999))

    def after_failure(self, now: datetime) -> LockState:
        failures = self.failures + 1
        if failures < FAILURES_BEFORE_LOCK:
            return LockState(failures, self.locks, self.locked_until)
        seconds = min(FIRST_LOCK_SECONDS * 2**self.locks, MAX_LOCK_SECONDS)
        return LockState(0, self.locks + 1, (now + timedelta(seconds=seconds)).isoformat())

    def as_dict(self) -> dict[str, object]:
        return {"failures": self.failures, "locks": self.locks, "locked_until": self.locked_until}

    @staticmethod
    def from_dict(value: dict[str, object] | None) -> LockState:
        if not value:
            return LockState()
        until = value.get("locked_until")
        return LockState(
            int(str(value.get("failures", 0))), int(str(value.get("locks", 0))), str(until) if until else None
        )
