"""The hall at a realistic pace: 750 delegates arriving at random over a 10-minute vote, at 20 booths
(processes) against one hall (real PostgreSQL, fsync on, mutual TLS), the day sped up SPEEDUP times.
Prints casts per second sustained, p50/p99 of the cast, and p50/p99 of the hall's round trips
within it (reserve and confirm, measured around the booth's own calls: what the hall adds).

Run alone: .venv/bin/python bench/hall_paced.py [SPEEDUP]   (figures: the JSON object on the last line)
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from support.election import SESSION, percentile, report
from support.hall import hall_day, read_order, run_booth_processes

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
    """The booth's hall client, adding up the time its reserve and confirm calls take."""

    spent_ms = 0.0

    def reserve(self, cast_id: str, voter_id: str, session_id: str) -> HallAnswer:
        return self._timed(super().reserve, cast_id, voter_id, session_id)

    def confirm(self, cast_id: str, voter_id: str, session_id: str) -> HallAnswer:
        return self._timed(super().confirm, cast_id, voter_id, session_id)

    def _timed(self, call: object, *args: str) -> HallAnswer:
        started = time.perf_counter()
        try:
            return call(*args)  # type: ignore[operator,no-any-return]
        finally:
            self.spent_ms += (time.perf_counter() - started) * 1000


def booth_process(data: Path, url: str) -> None:
    station = Station(data)
    hall = TimedHall(url, station.election_package, station.booth_key)
    station.join_hall(hall)
    assert station.hall_connected()
    order = read_order()
    session, rng, rows = station.election.session(SESSION), random.Random(data.name), []
    for offset, voter in order["arrivals"]:
        time.sleep(max(0.0, order["start"] + offset - time.time()))  # the delegate walks in
        selections = random_selections(session, rng)
        hall.spent_ms, started = 0.0, time.perf_counter()
        station.cast(voter, SESSION, selections)
        rows.append(((time.perf_counter() - started) * 1000, hall.spent_ms))
    station.close()
    print(json.dumps(rows))


def main(speedup: float) -> None:
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
            args = [[str(root / f"booth-{n + 1}"), hall.url] for n in range(BOOTHS)]
            results, _ = run_booth_processes(__file__, args, orders)
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
        "casts_per_second": round(len(casts) / (last - first), 1),
        "cast_p50_ms": round(percentile(casts, 0.50), 2),
        "cast_p99_ms": round(percentile(casts, 0.99), 2),
        "hall_round_trip_p50_ms": round(percentile(in_hall, 0.50), 2),
        "hall_round_trip_p99_ms": round(percentile(in_hall, 0.99), 2),
        "goal_hall_p99_ms": GOAL_HALL_P99_MS,
    }
    figures["meets_goal"] = figures["hall_round_trip_p99_ms"] <= GOAL_HALL_P99_MS  # type: ignore[operator]
    report(figures)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--booth"]:
        booth_process(Path(sys.argv[2]), sys.argv[3])
    else:
        main(float(sys.argv[1]) if len(sys.argv) > 1 else SPEEDUP)
