"""A booth process that casts one ballot through the hall with the confirm after the receipt, and
whose confirm never leaves it: `python tests/hall/receipt_booth.py DATA HALL_URL VOTER SESSION`.

It prints "receipt TRACKING_CODE" once the cast returned (what the voter is shown), then waits, its
confirm held back before it is sent, for the test to kill it: the window between the voter's
receipt and the hall's confirm."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.ballot.ids import CastId, SessionId, VoterId
from kiosk.booth.hall_cast import HallAnswer
from kiosk.booth.station import Station
from kiosk.hall.client import HallClient

NEVER = threading.Event()


class HeldBackHall(HallClient):
    """The confirm sent after the receipt (off the casting thread) waits until the process dies."""

    def confirm(self, cast_id: CastId, voter_id: VoterId, session_id: SessionId) -> HallAnswer:
        if threading.current_thread() is not threading.main_thread():
            NEVER.wait()
        return super().confirm(cast_id, voter_id, session_id)


def main() -> None:
    data, url, voter, session = sys.argv[1:5]
    station = Station(Path(data))
    station.join_hall(HeldBackHall(url, station.election_package, station.booth_key),
                      confirm_after_receipt=True)
    receipt = station.cast(VoterId(voter), SessionId(session), {"q1": ("yes",)})
    print(f"receipt {receipt.tracking_code}", flush=True)
    NEVER.wait()


if __name__ == "__main__":
    main()
