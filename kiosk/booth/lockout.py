"""Rate limiting of code entry: after repeated failures the booth locks for a growing delay.

The count and the lock live in the ballot box, so switching the booth off and on does not clear
them; a poll worker can.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kiosk.ballot.times import iso

FAILURES_BEFORE_LOCK = 5  # the voter's walk asks for a lock after 5 failures in a row
FIRST_LOCK_SECONDS = 30  # long enough to stop guessing, short enough not to block a queue
MAX_LOCK_SECONDS = 15 * 60  # the delay doubles with each lock up to this


@dataclass(frozen=True)
class LockState:
    failures: int = 0  # failures in a row since the last success or unlock
    locks: int = 0  # locks since the last success or unlock
    locked_until: datetime | None = None  # aware; stored as iso() text, rounded up to the second

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def seconds_left(self, now: datetime) -> int:
        if self.locked_until is None:
            return 0
        return max(0, int((self.locked_until - now).total_seconds() + 0.999))

    def after_failure(self, now: datetime) -> LockState:
        failures = self.failures + 1
        if failures < FAILURES_BEFORE_LOCK:
            return LockState(failures, self.locks, self.locked_until)
        seconds = min(FIRST_LOCK_SECONDS * 2**self.locks, MAX_LOCK_SECONDS)
        return LockState(0, self.locks + 1, _whole_second_after(now + timedelta(seconds=seconds)))

    def shifted(self, seconds: int) -> LockState:
        """The same lock moved by `seconds` (a jump of the wall clock)."""
        if self.locked_until is None:
            return self
        return LockState(self.failures, self.locks, self.locked_until + timedelta(seconds=seconds))

    def as_dict(self) -> dict[str, object]:
        until = None if self.locked_until is None else iso(self.locked_until)
        return {"failures": self.failures, "locks": self.locks, "locked_until": until}

    @staticmethod
    def from_dict(value: dict[str, object] | None) -> LockState:
        if not value:
            return LockState()
        until = value.get("locked_until")
        return LockState(
            int(str(value.get("failures", 0))), int(str(value.get("locks", 0))), _read_until(until)
        )


def _whole_second_after(moment: datetime) -> datetime:
    """Rounded up, so the stored text (to the second) never shortens a lock."""
    whole = moment.replace(microsecond=0)
    return whole if whole == moment else whole + timedelta(seconds=1)


def _read_until(value: object) -> datetime | None:
    """Reads iso() text, and the `isoformat()` text booths stored before (with +00:00 and fractions)."""
    if not value:
        return None
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
