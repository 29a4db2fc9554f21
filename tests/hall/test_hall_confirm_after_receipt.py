"""The hall's confirm sent after the voter's receipt (the kiosk's way, kiosk/booth/hall_cast.py):
only the reservation precedes the receipt; the confirm goes from the booth's durable journal.
Whatever happens between the receipt and the confirm, the ballot the voter was shown stays, the
delegate votes nowhere else, and the booth confirms it by itself."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.booth.cast import CastRefusal
from kiosk.booth.hall_cast import STEP_HELD
from kiosk.booth.station import CastRefused, Station
from kiosk.hall.session_calls import join_hall
from station_admin.hall.http_server import HallHttpServer
from tests.hall.conftest import hall_station
from tests.hall.proxy import CuttableProxy
from tests.kit import ElectionKit

RECEIPT_BOOTH = Path(__file__).resolve().parent / "receipt_booth.py"
RUN_TIMEOUT_S = 120  # a cast takes milliseconds; this is for a machine loaded by the whole suite
ANSWERS = {"q1": ("yes",)}


def refused(station: Station, voter: str) -> CastRefusal:
    with pytest.raises(CastRefused) as caught:
        station.cast(voter, "budget", ANSWERS)
    return caught.value.reason


def test_a_booth_killed_between_the_receipt_and_the_confirm_keeps_the_ballot_and_confirms_it_at_restart(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Fault: the booth's power is cut (SIGKILL) after the voter saw her receipt and before the
    # hall heard the confirm. The receipt must still name a ballot that is counted once.
    data = tmp_path / "booth-1"
    hall_station(small_election, data, "booth-1", hall.url).close()
    booth = subprocess.Popen([sys.executable, str(RECEIPT_BOOTH), str(data), hall.url, "v03", "budget"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert booth.stdout is not None
        line = booth.stdout.readline()  # the voter's receipt: the cast returned
        assert line.startswith("receipt "), booth.stderr.read() if booth.poll() is not None else line
        code = line.split()[1]
        # The hall holds the mark reserved, not confirmed: no other booth takes this delegate.
        assert [(m.voter_id, m.state) for m in hall.service.store.marks()] == [("v03", "reserved")]
        other = hall_station(small_election, tmp_path / "booth-2", "booth-2", hall.url)
        assert refused(other, "v03") is CastRefusal.CAST_PENDING
    finally:
        booth.send_signal(signal.SIGKILL)
        booth.communicate(timeout=RUN_TIMEOUT_S)
    assert booth.returncode == -signal.SIGKILL
    # The booth starts again: the cast is confirmed at once, the ballot on the receipt is there.
    station = hall_station(small_election, data, "booth-1", hall.url, open_polls=False)
    try:
        assert station.hall is not None and station.hall.unsettled() == 0
        assert [(m.voter_id, m.state) for m in hall.service.store.marks()] == [("v03", "confirmed")]
        assert [t for t, _s, _c in station.box.all_ballots()] == [code]
        assert station.counts()["budget"] == (1, 1)
        assert refused(other, "v03") is CastRefusal.ALREADY_VOTED
        assert other.counts()["budget"] == (0, 0)
    finally:
        station.close()
        other.close()


def test_the_confirm_follows_the_receipt_by_itself(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    booth = Station(tmp_path / "booth-1")
    join_hall(booth, hall.url, confirm_after_receipt=True)
    booth.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    booth.open_polls("pw-1")
    booth.set_session_active("budget", True, "pw-1")
    receipt = booth.cast("v01", "budget", ANSWERS)
    assert receipt.tracking_code
    assert booth.hall is not None
    booth.hall.wait_confirmed()  # the confirm's own thread, after the receipt: no later call needed
    assert booth.hall.unsettled() == 0
    assert [(m.voter_id, m.state) for m in hall.service.store.marks()] == [("v01", "confirmed")]
    booth.close()


def test_the_hall_cut_between_the_receipt_and_the_confirm_keeps_the_ballot_and_confirms_it_when_back(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Fault: the booth's link to the hall is reset right after the ballot's commit (the receipt):
    # the confirm sent after it reaches the hall, whose answer never reaches the booth.
    proxy = CuttableProxy(("127.0.0.1", hall.server_address[1]))
    booth = Station(tmp_path / "booth-1")
    join_hall(booth, proxy.url, confirm_after_receipt=True)
    booth.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    booth.open_polls("pw-1")
    booth.set_session_active("budget", True, "pw-1")
    assert booth.hall is not None

    def cut(step: str) -> None:
        if step == STEP_HELD:
            proxy.cut.set()

    booth.hall.on_step = cut
    receipt = booth.cast("v02", "budget", ANSWERS)  # the voter has her receipt
    booth.hall.on_step = lambda _step: None
    booth.hall.wait_confirmed()
    # The booth cannot know the hall confirmed: it keeps the cast to settle, and the ballot.
    assert receipt.tracking_code and booth.hall.unsettled() == 1 and booth.counts()["budget"] == (1, 1)
    assert [m.voter_id for m in hall.service.store.marks()] == ["v02"]
    proxy.cut.clear()
    assert booth.hall_connected() is True  # settles the held cast
    assert booth.hall.unsettled() == 0
    assert [(m.voter_id, m.state) for m in hall.service.store.marks()] == [("v02", "confirmed")]
    booth.close()
    proxy.close()
