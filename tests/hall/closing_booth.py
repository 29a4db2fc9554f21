"""A booth process that closes a vote at the hall and is killed (SIGKILL) at a named step of the
close: `python tests/hall/closing_booth.py DATA HALL_URL SESSION STEP`.

The booth in DATA is already set up, with polls open. It prints "closed" if it ever gets that far."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.booth.station import Station
from kiosk.hall.session_calls import join_hall


def main() -> None:
    data, url, session, kill_at = sys.argv[1:5]
    station = Station(Path(data))

    def step(name: str) -> None:
        if name == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    station.sessions.on_step = step
    join_hall(station, url)
    station.close_session(session, "pw-1")
    print("closed", flush=True)


if __name__ == "__main__":
    main()
