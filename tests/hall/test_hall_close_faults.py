"""Closing a vote under real faults: a booth killed while it seals and sends, a booth cut off at the
close, the hall restarted mid-collection. Every case ends with one sealed file per booth at the
hall, the same bytes the booth seals, and ballots == marks (issue 15)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from kiosk.booth.session_close import STEP_FILE_TAKEN, STEP_SESSION_CLOSED
from kiosk.clock import utc_now
from station_admin.hall.close_store import HallSessions
from station_admin.hall.http_server import HallHttpServer
from tests.hall.conftest import hall_station
from tests.hall.proxy import CuttableProxy
from tests.hall.test_hall_serve import STATION_ADMIN, free_port
from tests.kit import ElectionKit, authority_args

CLOSING_BOOTH = Path(__file__).resolve().parent / "closing_booth.py"
RUN_TIMEOUT_S = 120  # a close takes well under a second; this is for a machine loaded by the suite
ANSWERS = {"q1": ("yes",)}


@pytest.mark.parametrize("step", [STEP_SESSION_CLOSED, STEP_FILE_TAKEN])
def test_a_booth_killed_while_it_seals_or_sends_its_session_file_sends_it_once_after_its_restart(
    step: str, small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    data = tmp_path / "booth-1"
    booth = hall_station(small_election, data, "booth-1", hall.url)
    for voter in ("v01", "v02", "v25"):
        booth.cast(voter, "budget", ANSWERS)
    booth.close()
    run = subprocess.run([sys.executable, str(CLOSING_BOOTH), str(data), hall.url, "budget", step],
                         capture_output=True, timeout=RUN_TIMEOUT_S, check=False)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    # The booth starts again and joins: the close is finished by itself, the file sent (once).
    station = hall_station(small_election, data, "booth-1", hall.url, open_polls=False)
    try:
        assert station.sessions.report().unsent == []
        assert hall.service.sessions.closed() == ["budget"]
        files = hall.service.sessions.files("budget")
        assert [(f.station, f.ballots) for f in files] == [("booth-1", 3)]
        assert files[0].data == station.sessions.session_file("budget")[1]
        assert station.counts()["budget"] == (3, 3)
    finally:
        station.close()


def test_a_booth_cut_off_at_the_close_sends_its_file_when_it_comes_back(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    port = hall.server_address[1]
    proxy = CuttableProxy(("127.0.0.1", int(port)))
    one = hall_station(small_election, tmp_path / "booth-1", "booth-1", hall.url)
    two = hall_station(small_election, tmp_path / "booth-2", "booth-2", proxy.url)
    try:
        one.cast("v01", "budget", ANSWERS)
        two.cast("v25", "budget", ANSWERS)
        proxy.cut.set()
        hall.service.sessions.close("budget", "the desk")
        assert one.hall_connected()
        assert not two.hall_connected()  # the poll worker sees the hall cannot be reached
        status = hall.service.sessions.status("budget", sorted(hall.service.store.booths()))
        assert status.reported == {"booth-1": 1} and status.waiting == ["booth-2"]
        proxy.cut.clear()
        assert two.hall_connected()
        status = hall.service.sessions.status("budget", sorted(hall.service.store.booths()))
        assert status.reported == {"booth-1": 1, "booth-2": 1} and status.complete
    finally:
        one.close()
        two.close()
        proxy.close()


def start_hall(kit: ElectionKit, hall_db: str, port: int, tmp_path: Path) -> subprocess.Popen[str]:
    serve = subprocess.Popen(
        [str(STATION_ADMIN), "hall", "serve", "--election", str(kit.folder.root), "--db", hall_db,
         "--listen", f"127.0.0.1:{port}", "--projector-listen", "127.0.0.1:0", *authority_args(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert serve.stdout is not None
    first = serve.stdout.readline()
    assert first.startswith("hall serving"), (first, serve.stderr.read() if serve.poll() else "")
    return serve


def test_the_hall_killed_mid_collection_keeps_what_it_took_and_takes_the_rest_once_restarted(
    small_election: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    port = free_port()
    url = f"https://127.0.0.1:{port}"
    sessions = HallSessions(create_engine(hall_db), small_election.package.election_id, utc_now)
    serve = start_hall(small_election, hall_db, port, tmp_path)
    one = hall_station(small_election, tmp_path / "booth-1", "booth-1", url)
    two = hall_station(small_election, tmp_path / "booth-2", "booth-2", url)
    try:
        one.cast("v01", "budget", ANSWERS)
        two.cast("v25", "budget", ANSWERS)
        two.cast("v26", "budget", ANSWERS)
        sessions.close("budget", "the desk")
        assert one.hall_connected()
        serve.kill()  # the officials' PC loses power in the middle of the collection
        serve.wait(timeout=RUN_TIMEOUT_S)
        assert not two.hall_connected()  # booth-2 keeps its file to send
        assert sessions.status("budget", ["booth-1", "booth-2"]).reported == {"booth-1": 1}
        serve = start_hall(small_election, hall_db, port, tmp_path)  # a new hall key, the same database
        assert two.hall_connected()  # joins the new hall, hears of the close, sends
        # booth-1's first call finds its keep-alive connection dead and the hall's channel gone
        # (the client retries once only): device health asks again, and it sends nothing again.
        assert one.hall_connected() or one.hall_connected()
        status = sessions.status("budget", ["booth-1", "booth-2"])
        assert status.reported == {"booth-1": 1, "booth-2": 2} and status.complete
    finally:
        one.close()
        two.close()
        serve.send_signal(signal.SIGTERM)
        serve.communicate(timeout=RUN_TIMEOUT_S)
