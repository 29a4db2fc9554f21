"""Where a cast's time goes, phase by phase, on both sides of the hall (bench/hall_paced.py).

The booth's side comes from the cast protocol's named steps (kiosk/booth/hall_cast.py): before the
reserve (encryption, the booth's own checks, its intent committed to SQLite), the reserve, the
ballot's commit, the confirm. The hall's side wraps, in the hall's process, its whole answer to a
call, the signature check, the store's operation and each PostgreSQL commit. Garbage-collector
pauses are timed on both sides (gc.callbacks)."""

from __future__ import annotations

import gc
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from kiosk.booth import hall_cast
from support.election import percentile

# The booth's phases, each from one step of the protocol to the next.
BOOTH_PHASES = (
    ("before_reserve", "start", hall_cast.STEP_RESERVING),
    ("reserve", hall_cast.STEP_RESERVING, hall_cast.STEP_RESERVED),
    ("ballot_commit", hall_cast.STEP_RESERVED, hall_cast.STEP_HELD),
    ("confirm", hall_cast.STEP_HELD, hall_cast.STEP_SETTLED),
)


class Steps:
    """A booth's step times for the cast under way (on_step of Station.join_hall)."""

    def __init__(self) -> None:
        self.at: dict[str, float] = {}

    def start(self) -> None:
        self.at = {"start": time.perf_counter()}

    def __call__(self, step: str) -> None:
        self.at.setdefault(step, time.perf_counter())

    def phases_ms(self) -> dict[str, float]:
        return {name: (self.at[b] - self.at[a]) * 1000 for name, a, b in BOOTH_PHASES
                if a in self.at and b in self.at}


class GcPauses:
    """Every collection's pause in this process, in ms, by generation."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float]] = []
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((info["generation"], (time.perf_counter() - self._started) * 1000))


walls: defaultdict[str, list[float]] = defaultdict(list)
cpus: defaultdict[str, float] = defaultdict(float)


def timed(owner: Any, name: str, label: str) -> None:
    """Wraps owner.name to record its wall-clock (and its thread's CPU time) under label."""
    inner: Callable[..., Any] = getattr(owner, name)

    def run(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return inner(*args, **kwargs)
        finally:
            walls[label].append((time.perf_counter() - wall) * 1000)
            cpus[label] += (time.thread_time() - cpu) * 1000

    setattr(owner, name, run)


def p50_p99(values: list[float]) -> list[float]:
    ordered = sorted(values)
    return [round(percentile(ordered, share), 1) for share in (0.5, 0.99)] if ordered else []


def summary(label: str, values: list[float], cpu_total: float | None = None) -> dict[str, object]:
    spread = [*p50_p99(values), round(max(values, default=0), 1)]
    figures: dict[str, object] = {f"{label}_p50_p99_max_ms": spread}
    if cpu_total is not None and values:
        figures[f"{label}_cpu_ms"] = round(cpu_total / len(values), 2)
    return figures
