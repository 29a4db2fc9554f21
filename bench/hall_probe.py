"""Where a hall round trip goes, with one booth (this process) against the hall and its PostgreSQL:
use counts and CPU time, which a machine loaded by others does not bend, beside wall-clock.

Prints per cast: TLS handshakes, PostgreSQL statements, BEGINs, commits and pings (each a round
trip); per call: the hall's and the booth's thread CPU time; p50/p99 wall-clock of a commit and
of each call (those depend on load).

Run alone: .venv/bin/python bench/hall_probe.py [CASTS]   (figures: the JSON object on the last line)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import event
from support.election import SESSION, report
from support.hall import hall_day
from support.hall_phases import cpus, p50_p99, timed, walls

from kiosk.booth.station import Station
from kiosk.hall import tls as booth_tls
from kiosk.hall.client import HallClient
from kiosk.simulate import random_selections

CASTS = 40
PAUSE_S = 0.05  # between voters: the booth's connection idles as it does between delegates

counts: Counter[str] = Counter()


def count_handshakes() -> None:
    connect = booth_tls.HallConnection.connect

    def counted(self: booth_tls.HallConnection) -> None:
        counts["tls_handshakes"] += 1
        connect(self)

    booth_tls.HallConnection.connect = counted  # type: ignore[method-assign]


def count_begins() -> None:
    """psycopg sends BEGIN as a round trip of its own before a transaction's first statement:
    SQLAlchemy's statement events do not see it."""
    start = psycopg.Connection._get_tx_start_command

    def counted(self: psycopg.Connection[Any]) -> bytes:
        counts["pg_begins"] += 1
        return start(self)

    psycopg.Connection._get_tx_start_command = counted  # type: ignore[method-assign,assignment]


def main(casts: int) -> None:
    count_handshakes()
    count_begins()
    with tempfile.TemporaryDirectory(prefix="bench-hall-probe-") as tmp:
        root = Path(tmp)
        with hall_day(root, 1, casts + 5) as (election, hall):
            store = hall.service.store

            @event.listens_for(store.engine, "before_cursor_execute")
            def _statement(*_args: Any) -> None:
                counts["pg_statements"] += 1

            timed(store.engine.dialect, "do_commit", "pg_commit")
            timed(store.engine.dialect, "do_ping", "pg_ping")
            for op in ("reserve", "confirm"):
                timed(store, op, f"hall_store_{op}")
            timed(hall.service, "call", "hall_call")
            station = Station(root / "booth-1")
            client = HallClient(hall.url, station.election_package, station.booth_key)
            station.join_hall(client)
            for op in ("reserve", "confirm"):
                timed(client, op, f"booth_{op}")
            counts.clear()
            walls.clear()  # the set-up's calls are not the day's
            cpus.clear()
            rng = random.Random(1)
            for voter in [v.id for v in election.package.definition.voters][:casts]:
                station.cast(voter, SESSION, random_selections(station.election.session(SESSION), rng))
                time.sleep(PAUSE_S)
            station.close()
    figures: dict[str, object] = {"bench": "hall_probe", "casts": casts}
    for key in ("tls_handshakes", "pg_statements", "pg_begins"):
        figures[f"{key}_per_cast"] = round(counts[key] / casts, 2)
    figures.update({f"{k}_per_cast": round(len(walls[k]) / casts, 2) for k in ("pg_commit", "pg_ping")})
    for label, values in sorted((k, v) for k, v in walls.items() if v):
        figures[f"{label}_cpu_ms"] = round(cpus[label] / len(values), 2)
        figures[f"{label}_wall_p50_p99_ms"] = p50_p99(values)
    report(figures)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else CASTS)
