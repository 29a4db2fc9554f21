"""`station-admin hall serve` as officials start it, with its own PostgreSQL, and a booth whose
booth.toml names the hall: it joins at set-up, and the poll worker sees it in device health."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from kiosk.app import booth_station, build_devices, health_rows
from kiosk.booth.station import Station
from kiosk.config import parse_config
from tests.kit import POLL_WORKER, ElectionKit, authority_args

STATION_ADMIN = Path(sys.executable).parent / "station-admin"
START_TIMEOUT_S = 180  # initdb and a first start on a loaded 2-core machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_hall_serves_with_a_private_postgresql_and_a_booth_toml_booth_joins_it(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    port, db_folder = free_port(), Path(tempfile.mkdtemp(prefix="isoloir-hall-serve-"))
    serve = subprocess.Popen(
        [str(STATION_ADMIN), "hall", "serve", "--election", str(small_election.folder.root),
         "--db-folder", str(db_folder), "--listen", f"127.0.0.1:{port}", "--projector-listen",
         "127.0.0.1:0", *authority_args(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert serve.stdout is not None
        first = serve.stdout.readline()
        assert first.startswith("hall serving"), (first, serve.stderr.read() if serve.poll() else "")
        config = parse_config(
            f'station = "booth-2"\nstation_data = "{tmp_path / "booth-2" / "data"}"\n'
            f'[devices]\nmedia = "{small_election.media["booth-2"]}"\n'
            f'[hall]\nurl = "https://127.0.0.1:{port}"\n')
        station: Station = booth_station(config)
        assert station.hall_connected() is False  # not set up yet: it joins at set-up
        station.set_up(small_election.media["booth-2"], small_election.signer("booth-2"))
        connected = station.hall_connected()
        rows = health_rows(build_devices(config), config.station_data, station.clock(), connected)
        assert ("hall", "connected", "") in rows
        station.open_polls(POLL_WORKER)
        station.set_session_active("budget", True, POLL_WORKER)
        station.cast("v01", "budget", {"q1": ("yes",)})  # a delegate of booth-1's roll, at booth-2
        assert station.counts()["budget"] == (1, 1)
        station.close()
    finally:
        serve.send_signal(signal.SIGTERM)
        out, err = serve.communicate(timeout=START_TIMEOUT_S)
    assert serve.returncode == 0, err
    assert "hall stopped" in out
    assert not (db_folder / "data" / "postmaster.pid").exists()  # its PostgreSQL stopped with it
