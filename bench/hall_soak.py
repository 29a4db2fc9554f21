"""The hall's soak: 20 booths (processes) against one hall (real PostgreSQL, mutual TLS), 5,000
delegate walks to a booth at random (some delegates come twice, some to two booths at once), each
booth's link to the hall reset at random steps of its casts and healed at random.

Prints the soak's figures: double votes, lost ballots, and whether ballots == marks on every booth
and marks in the hall == the booths' marks (all must be 0, 0, true, true).

Run alone: .venv/bin/python bench/hall_soak.py [WALKS]   (figures: the JSON object on the last line)
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

from support.election import ROOT, SESSION, report
from support.hall import hall_day, read_order, run_booth_processes

from kiosk.booth.station import CastRefused, Station
from kiosk.hall.client import HallClient
from kiosk.simulate import random_selections

sys.path.insert(0, str(ROOT))  # the tests' cuttable proxy: real connections, really reset
from tests.hall.proxy import CuttableProxy

BOOTHS = 20
WALKS = 5_000  # the soak
CUT_SHARE = 0.05  # at each step of a cast, the chance that the booth's link is reset (or healed)


def booth_process(data: Path, hall_port: int) -> None:
    """One booth behind a proxy of its own that chaos cuts; prints its accepted casts and its box."""
    station = Station(data)
    proxy = CuttableProxy(("127.0.0.1", hall_port))
    rng = random.Random(data.name)

    def chaos(_step: str) -> None:
        if rng.random() < CUT_SHARE:
            (proxy.cut.clear if proxy.cut.is_set() else proxy.cut.set)()

    station.join_hall(HallClient(proxy.url, station.election_package, station.booth_key), on_step=chaos)
    assert station.hall is not None
    order = read_order()
    session, accepted, refused = station.election.session(SESSION), [], 0
    for voter in order["voters"]:
        chaos("next voter")  # a link cut stays cut until chaos heals it, also between voters
        try:
            station.cast(voter, SESSION, random_selections(session, rng))
            accepted.append(voter)
        except CastRefused:
            refused += 1
    station.hall.on_step = lambda _step: None
    proxy.cut.clear()
    unsettled = station.hall.settle()
    ballots, marks = station.counts()[SESSION]
    result = {"accepted": accepted, "refused": refused, "unsettled": unsettled, "ballots": ballots,
              "marks": [v for s, v in station.box.all_marks() if s == SESSION]}
    station.close()
    proxy.close()
    print(json.dumps({**result, "ballots_equal_marks": ballots == marks}))


def main(walks: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-hall-soak-") as tmp:
        root = Path(tmp)
        with hall_day(root, BOOTHS, -(-walks // BOOTHS)) as (election, hall):
            rng = random.Random(5000)
            everyone = [v.id for v in election.package.definition.voters]
            walk = walks // BOOTHS
            orders = [{"voters": [rng.choice(everyone) for _ in range(walk)]} for _ in range(BOOTHS)]
            args = [[str(root / f"booth-{n + 1}"), str(hall.server_address[1])] for n in range(BOOTHS)]
            started = time.perf_counter()
            results, _ = run_booth_processes(__file__, args, orders)
            seconds = time.perf_counter() - started
            hall_marks = sorted(m.voter_id for m in hall.service.store.marks() if m.state == "confirmed")
            hall_all = len(hall.service.store.marks())
    accepted = [v for r in results for v in r["accepted"]]
    booth_marks = sorted(v for r in results for v in r["marks"])
    figures = {
        "bench": "hall_soak",
        "booths": BOOTHS,
        "walks": walks,
        "accepted": len(accepted),
        "refused": sum(r["refused"] for r in results),
        "seconds": round(seconds, 1),
        "double_votes": len(accepted) - len(set(accepted)) + len(booth_marks) - len(set(booth_marks)),
        "lost_ballots": len(set(accepted) - set(booth_marks)),
        "ballots_equal_marks_on_every_booth": all(r["ballots_equal_marks"] for r in results),
        "hall_marks_equal_booth_marks": hall_marks == booth_marks and hall_all == len(hall_marks),
        "unsettled": sum(r["unsettled"] for r in results),
    }
    report(figures)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--booth"]:
        booth_process(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else WALKS)
