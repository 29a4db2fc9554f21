"""A booth process driven line by line on stdin, run inside a network namespace by the partition
test: `cast VOTER` answers `cast` or the refusal's reason, `connected` answers True or False,
`counts` answers the budget session's ballots and marks, `quit` stops. Usage: netns_booth.py DATA URL"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.booth.station import CastRefused, Station
from kiosk.hall.client import HallClient


def main() -> None:
    data, url = sys.argv[1:3]
    station = Station(Path(data))
    station.join_hall(HallClient(url, station.election_package, station.booth_key))
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "cast":
            try:
                station.cast(args[0], "budget", {"q1": ("yes",)})
                print("cast", flush=True)
            except CastRefused as exc:
                print(exc.reason.value, flush=True)
        elif command == "connected":
            print(station.hall_connected(), flush=True)
        elif command == "counts":
            ballots, marks = station.counts()["budget"]
            print(f"{ballots} {marks}", flush=True)
        elif command == "quit":
            break
    station.close()


if __name__ == "__main__":
    main()
