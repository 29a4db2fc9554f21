"""Waiting for an event that gives no signal of its own (a screen painted by another process, a
daemon's socket, a port opening): look often, stop as soon as it is there, and fail with a reason
after a generous bound. Tests never wait a fixed time (issue 11): a busy machine is slow, not wrong.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# Generous: a quiet machine sees these events in well under a second, a loaded CI machine in a few.
EVENT_TIMEOUT_SECONDS = 60.0
POLL_SECONDS = 0.05  # how often to look: short against the events' own time


def wait_until(look: Callable[[], T | None], what: str, timeout: float = EVENT_TIMEOUT_SECONDS) -> T:
    """Calls `look` until it returns something other than None or False, and returns that; fails
    saying `what` did not happen once `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        seen = look()
        if seen is not None and seen is not False:
            return seen
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(POLL_SECONDS)
