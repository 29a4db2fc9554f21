"""A booth process that casts one ballot through the hall and is killed (SIGKILL) at a named step
of the cast protocol: `python tests/hall/killed_booth.py DATA HALL_URL VOTER SESSION STEP`.

The booth in DATA is already set up, with polls open. It prints "cast" if it ever gets that far."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.booth.station import Station
from kiosk.hall.client import HallClient


def main() -> None:
    data, url, voter, session, kill_at = sys.argv[1:6]
    station = Station(Path(data))

    def step(name: str) -> None:
        if name == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    station.join_hall(HallClient(url, station.election_package, station.booth_key), on_step=step)
    station.cast(voter, session, {"q1": ("yes",)})
    print("cast", flush=True)


if __name__ == "__main__":
    main()
