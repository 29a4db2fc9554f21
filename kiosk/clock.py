"""Time as the booth sees it: UTC, to the second, injectable for tests of clock jumps. Its text
form at the edges is kiosk/ballot/times.py's (iso, parse_iso)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# The wall clock may drift this far from the monotonic clock between two looks without it being a
# jump: above an NTP slew and second rounding, below a time-zone slip or a hand-set clock.
CLOCK_JUMP_SECONDS = 120


class ClockWatch:
    """Tells when the wall clock jumps, by comparing how far it moved with how far the monotonic
    clock (which no one can set) moved since the last look."""

    def __init__(self, clock: Clock, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._monotonic = monotonic
        self._wall, self._mono = clock(), monotonic()

    def jump(self) -> int:
        """Seconds the wall clock jumped (negative: backwards) since the last look, 0 for none."""
        wall, mono = self._clock(), self._monotonic()
        expected = self._wall + timedelta(seconds=mono - self._mono)
        self._wall, self._mono = wall, mono
        drift = round((wall - expected).total_seconds())
        return drift if abs(drift) > CLOCK_JUMP_SECONDS else 0
