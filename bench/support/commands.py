"""The officials', trustees' and observers' real commands, run as a person runs them (a process
each), timed in wall seconds and in the CPU seconds of the process and every worker it started."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent  # the venv's console scripts: station-admin, isoloir-verify


@dataclass(frozen=True)
class Timed:
    wall_s: float
    cpu_s: float  # user + system, of the command and of the pool workers it waited for

    def figures(self, name: str, ballots: int) -> dict[str, float]:
        """name_s, name_cpu_s and both per ballot in ms: the wall figure shows the machine's load,
        the CPU figure what the work costs whatever else runs beside it."""
        return {
            f"{name}_s": round(self.wall_s, 2),
            f"{name}_cpu_s": round(self.cpu_s, 2),
            f"{name}_ms_per_ballot": round(1000 * self.wall_s / ballots, 3),
            f"{name}_cpu_ms_per_ballot": round(1000 * self.cpu_s / ballots, 3),
        }

    def __add__(self, other: Timed) -> Timed:
        return Timed(self.wall_s + other.wall_s, self.cpu_s + other.cpu_s)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(program: str, *args: str | Path) -> Timed:
    """Runs BIN/program with args; a failure raises with what the command said."""
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run([str(BIN / program), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "200"})  # fmt: skip
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{program} {' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}")
    return Timed(wall, _children_cpu() - cpu)


def load_average() -> float:
    return round(os.getloadavg()[0], 2)
