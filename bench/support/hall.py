"""A hall day for the benchmarks: a real PostgreSQL, `hall serve`'s own server (mutual TLS), booths
set up and joined, and booth processes started, told "go" together, and read back."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.booth.station import Station
from kiosk.hall.client import HallClient
from station_admin.election_dir import ElectionDir
from station_admin.hall import local_postgres
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.serve import serving
from support.election import AUTHORITY_PASSPHRASE, SESSION, BenchElection, make_bench_election


@contextmanager
def hall_day(
    root: Path, booths: int, voters_per_booth: int
) -> Iterator[tuple[BenchElection, HallHttpServer]]:
    """The election, and its hall serving with every booth set up (data in root/booth-N), polls open."""
    election = make_bench_election(root, booths=booths, voters_per_booth=voters_per_booth)
    folder = ElectionDir(election.folder.root, unlock=lambda: AUTHORITY_PASSPHRASE)
    db = Path(tempfile.mkdtemp(prefix="bench-hall-pg-"))
    with local_postgres.running(db) as db_url, serving(folder, db_url, "127.0.0.1", 0) as hall:
        for n in range(booths):
            booth = f"booth-{n + 1}"
            station = Station(root / booth)
            station.join_hall(HallClient(hall.url, station.election_package, station.booth_key))
            station.set_up(election.media[booth], election.signer(booth))
            station.open_polls("pw-1")
            station.set_session_active(SESSION, True, "pw-1")
            station.close()
        yield election, hall


def run_booth_processes(script: str, args: list[list[str]], orders: list[Any]) -> tuple[list[Any], float]:
    """Starts one booth process per args; once all say "ready", sends each its order (one JSON line)
    at once, and returns what each printed last (JSON) and the seconds from "go" to the last end."""
    processes = [subprocess.Popen([sys.executable, script, "--booth", *a], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True) for a in args]
    for process in processes:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for process, order in zip(processes, orders, strict=True):
        assert process.stdin is not None
        process.stdin.write(json.dumps(order) + "\n")
        process.stdin.flush()
    results = []
    for process in processes:
        out, _ = process.communicate()
        assert process.returncode == 0, out
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results, time.perf_counter() - started


def read_order() -> Any:
    """In a booth process: says ready, then waits for its order."""
    print("ready", flush=True)
    return json.loads(sys.stdin.readline())
