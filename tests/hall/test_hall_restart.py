"""A hall restarted between two calls of a booth: the booth's next call is answered, not refused.

The booth keeps one keep-alive TLS connection to the hall. When officials stop `hall serve` and
start it again, that pooled connection is dead and the new hall has a new booth issuer: the booth's
next call, which may be a voter's cast, must still be answered (kiosk/hall/client.py retries once on
a fresh connection when the pooled one is found dead, then enrols again). Every call is idempotent
by cast id (station_admin/hall/store.py), so a retry can never double a mark."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.booth.hall_cast import HallAnswer
from kiosk.hall.client import HallClient
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.store import MarkState
from tests.hall.conftest import hall_station
from tests.hall.proxy import CuttableProxy
from tests.hall.test_hall_serve import START_TIMEOUT_S, STATION_ADMIN, free_port
from tests.kit import ElectionKit, authority_args

ANSWERS = {"q1": ("yes",)}


@contextmanager
def hall_process(kit: ElectionKit, db: str, port: int, tmp_path: Path) -> Iterator[None]:
    """`station-admin hall serve` as its own process, until it is stopped (SIGTERM) at the end."""
    serve = subprocess.Popen(
        [str(STATION_ADMIN), "hall", "serve", "--election", str(kit.folder.root), "--db", db,
         "--listen", f"127.0.0.1:{port}", "--projector-listen", "127.0.0.1:0", *authority_args(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert serve.stdout is not None
        first = serve.stdout.readline()
        assert first.startswith("hall serving"), (first, serve.stderr.read() if serve.poll() else "")
        yield
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.communicate(timeout=START_TIMEOUT_S)


def test_a_voters_cast_right_after_a_hall_restart_is_answered_by_the_new_hall(
    small_election: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    # Fault: `hall serve` stopped and started again (a new process, the same port) between two
    # calls of a booth: its pooled keep-alive connection is dead, its client certificate is of the
    # old issuer. The first call after it is a delegate's cast: it must not be told "go elsewhere".
    # Between the booth and the hall, a proxy resets the booth's connection when the hall's goes,
    # as the hall's rebooted machine would: the dead connection shows as a reset, not a TLS alert.
    port = free_port()
    proxy = CuttableProxy(("127.0.0.1", port), reset_when_hall_goes=True)
    with hall_process(small_election, hall_db, port, tmp_path):
        booth = hall_station(small_election, tmp_path / "b1", "booth-1", proxy.url)
        booth.cast("v03", "budget", ANSWERS)
    with hall_process(small_election, hall_db, port, tmp_path):
        booth.cast("v05", "budget", ANSWERS)  # CastRefused(hall_unreachable) without the resend
        assert booth.hall is not None and booth.hall.unsettled() == 0  # confirmed at once too
        assert booth.hall.hall.voted("v05") == {"budget"}
    booth.close()
    proxy.close()


def test_a_repeated_reserve_or_confirm_of_one_cast_id_changes_nothing(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Fault: the hall did the work and its answer was lost, so the booth's retry sends the same
    # call again. Threat to guard: a second mark, or a confirm that moves another cast's mark.
    booth = hall_station(small_election, tmp_path / "b1", "booth-1", hall.url)
    assert booth.hall is not None
    client = booth.hall.hall
    assert isinstance(client, HallClient)
    cast_id = "ab" * 16
    assert [client.reserve(cast_id, "v03", "budget") for _ in range(2)] == [HallAnswer.RESERVED] * 2
    assert [client.confirm(cast_id, "v03", "budget") for _ in range(2)] == [HallAnswer.CONFIRMED] * 2
    assert client.reserve(cast_id, "v03", "budget") is HallAnswer.RESERVED  # its own cast: no new mark
    assert client.reserve("cd" * 16, "v03", "budget") is HallAnswer.ALREADY_VOTED
    assert client.abort(cast_id) is HallAnswer.REFUSED  # a confirmed cast is never aborted
    marks = [(m.voter_id, m.state) for m in hall.service.store.marks()]
    assert marks == [("v03", MarkState.CONFIRMED)]
    booth.close()
