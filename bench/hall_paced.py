"""The hall at a realistic pace: 750 delegates arriving at random over a 10-minute vote, at 20 booths
(processes) against one hall (real PostgreSQL, fsync on, mutual TLS), the day sped up SPEEDUP times.
Prints casts per second sustained, p50/p99 of the cast, and p50/p99 of the hall's round trips
within it (reserve and confirm, measured around the booth's own calls: what the hall adds).

With --confirm-before-receipt the hall's confirm is sent before the cast returns (as before
2026-12-02's change), to compare in the same minutes; by default it follows the receipt, as the kiosk
does. Also prints each phase on both sides (bench/support/hall_phases.py), GC pauses and CPU time.

Run alone: .venv/bin/python bench/hall_paced.py [SPEEDUP] [--confirm-before-receipt]
(figures: the JSON object on the last line)
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from support.election import SESSION, percentile, report
from support.hall import hall_day, read_order, run_booth_processes
from support.hall_phases import GcPauses, Steps, cpus, summary, timed, walls

from kiosk.booth.hall_cast import HallAnswer
from kiosk.booth.station import Station
from kiosk.hall.client import HallClient
from kiosk.simulate import random_selections

BOOTHS = 20
DELEGATES = 750  # the 24-question session of the issue, voted by the whole conference
VOTE_SECONDS = 600.0  # a vote held open 10 minutes
SPEEDUP = 10.0  # the 10 minutes in 60 s: 12.5 arrivals a second over the hall
GOAL_HALL_P99_MS = 50.0  # issue 15: the hall round trip adds at most 50 ms at p99


class TimedHall(HallClient):
    """The booth's hall client, adding up the time its reserve and confirm calls take while the
    voter waits (on the casting thread); a confirm sent after the receipt adds to after_ms."""

    spent_ms = 0.0
    after_ms = 0.0

    def reserve(self, cast_id: str, voter_id: str, session_id: str) -> HallAnswer:
        return self._timed(super().reserve, cast_id, voter_id, session_id)

    def confirm(self, cast_id: str, voter_id: str, session_id: str) -> HallAnswer:
        return self._timed(super().confirm, cast_id, voter_id, session_id)

    def _timed(self, call: object, *args: str) -> HallAnswer:
        started = time.perf_counter()
        try:
            return call(*args)  # type: ignore[operator,no-any-return]
        finally:
            took = (time.perf_counter() - started) * 1000
            if threading.current_thread() is threading.main_thread():
                self.spent_ms += took
            else:
                self.after_ms += took


def booth_process(data: Path, url: str, confirm_after_receipt: bool) -> None:
    station = Station(data)
    hall = TimedHall(url, station.election_package, station.booth_key)
    steps, pauses = Steps(), GcPauses()
    station.join_hall(hall, on_step=steps, confirm_after_receipt=confirm_after_receipt)
    assert station.hall is not None
    if confirm_after_receipt:  # as the kiosk does (kiosk/app.py); the old way compares without
        gc.freeze()
    assert station.hall_connected()
    order = read_order()
    session, rng, rows = station.election.session(SESSION), random.Random(data.name), []
    for offset, voter in order["arrivals"]:
        time.sleep(max(0.0, order["start"] + offset - time.time()))  # the delegate walks in
        selections = random_selections(session, rng)
        pauses.pauses.clear()
        steps.start()
        hall.spent_ms, hall.after_ms = 0.0, 0.0
        started, cpu = time.perf_counter(), time.process_time()
        station.cast(voter, SESSION, selections)  # returns with the receipt
        cast_ms, cpu_ms = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
        station.hall.wait_confirmed()  # the confirm sent after the receipt, if any
        gc_ms = sum(ms for _, ms in pauses.pauses)
        rows.append((cast_ms, hall.spent_ms, steps.phases_ms(), gc_ms, cpu_ms, hall.after_ms))
    station.close()
    print(json.dumps(rows))


def watch_hall(hall: object) -> GcPauses:
    """The hall's side, phase by phase, in this process (where the hall serves)."""
    from station_admin.hall import service as service_module

    service = hall.service  # type: ignore[attr-defined]
    timed(service, "call", "hall_call")
    timed(service_module, "check_request", "hall_signature_check")
    timed(service_module, "sign_reply", "hall_reply_signature")
    for op in ("reserve", "confirm"):
        timed(service.store, op, f"hall_store_{op}")
    timed(service.store.engine.dialect, "do_commit", "pg_commit")
    return GcPauses()


def phase_figures(results: list[list[list[object]]], hall_gc: GcPauses) -> dict[str, object]:
    figures: dict[str, object] = {}
    rows = [r for booth in results for r in booth]
    for name in ("before_reserve", "reserve", "ballot_commit", "confirm"):
        figures.update(summary(f"booth_{name}", [r[2][name] for r in rows if name in r[2]]))  # type: ignore[index,operator]
    figures.update(summary("booth_gc_per_cast", [float(r[3]) for r in rows]))  # type: ignore[arg-type]
    figures.update(summary("booth_cpu_per_cast", [float(r[4]) for r in rows]))  # type: ignore[arg-type]
    figures.update(summary("booth_confirm_after_receipt", [float(r[5]) for r in rows if r[5]]))  # type: ignore[arg-type]
    for label in sorted(walls):
        figures.update(summary(label, walls[label], cpus[label]))
    figures.update(summary("hall_gc_pause", [ms for _, ms in hall_gc.pauses]))
    figures["hall_gc_pauses_over_10ms"] = sum(1 for _, ms in hall_gc.pauses if ms > 10)
    return figures


def main(speedup: float, confirm_after_receipt: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-hall-paced-") as tmp:
        root = Path(tmp)
        with hall_day(root, BOOTHS, -(-DELEGATES // BOOTHS)) as (election, hall):
            rng = random.Random(15)
            delegates = [v.id for v in election.package.definition.voters][:DELEGATES]
            rng.shuffle(delegates)
            # Arrivals uniform over the vote (a Poisson process), each at whichever booth is free.
            arrivals = sorted((rng.uniform(0, VOTE_SECONDS) / speedup, d) for d in delegates)
            per_booth: list[list[tuple[float, str]]] = [[] for _ in range(BOOTHS)]
            for n, arrival in enumerate(arrivals):
                per_booth[n % BOOTHS].append(arrival)
            start = time.time() + 1.0  # every booth's clock starts the vote together
            orders = [{"start": start, "arrivals": a} for a in per_booth]
            mode = "after" if confirm_after_receipt else "before"
            args = [[str(root / f"booth-{n + 1}"), hall.url, mode] for n in range(BOOTHS)]
            hall_gc = watch_hall(hall)
            cpu_started = os.times()
            results, _ = run_booth_processes(__file__, args, orders)
            cpu = os.times()
            marks = len(hall.service.store.marks())
        first, last = arrivals[0][0], arrivals[-1][0]
    casts = sorted(r[0] for rows in results for r in rows)
    in_hall = sorted(r[1] for rows in results for r in rows)
    figures = {
        "bench": "hall_paced",
        "booths": BOOTHS,
        "casts": len(casts),
        "hall_marks": marks,
        "speedup": speedup,
        "confirm": "after the receipt" if confirm_after_receipt else "before the receipt",
        "casts_per_second": round(len(casts) / (last - first), 1),
        "cast_p50_ms": round(percentile(casts, 0.50), 2),
        "cast_p99_ms": round(percentile(casts, 0.99), 2),
        "hall_round_trip_p50_ms": round(percentile(in_hall, 0.50), 2),
        "hall_round_trip_p99_ms": round(percentile(in_hall, 0.99), 2),
        "goal_hall_p99_ms": GOAL_HALL_P99_MS,
        "load_average_1m": round(os.getloadavg()[0], 1),
        "cpu_s_hall_process": round(cpu.user + cpu.system - cpu_started.user - cpu_started.system, 1),
        "cpu_s_booth_processes": round(cpu.children_user + cpu.children_system
                                       - cpu_started.children_user - cpu_started.children_system, 1),
    }
    figures.update(phase_figures(results, hall_gc))
    figures["meets_goal"] = figures["hall_round_trip_p99_ms"] <= GOAL_HALL_P99_MS  # type: ignore[operator]
    report(figures)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--booth"]:
        booth_process(Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "after")
    else:
        at_once = "--confirm-before-receipt" in sys.argv  # the protocol as it was, to compare
        numbers = [a for a in sys.argv[1:] if not a.startswith("--")]
        main(float(numbers[0]) if numbers else SPEEDUP, not at_once)
