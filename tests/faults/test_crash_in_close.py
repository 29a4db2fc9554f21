"""A booth killed (SIGKILL) while closing the polls and exporting the sealed file: on restart it is
either still open or closed, never in between; a file under the final name is always complete; and
exporting again gives a file that verifies."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.ballot.audit import verify_chain
from kiosk.ballot.sealed_file import SUFFIX, read_sealed_file
from kiosk.booth.polls import PollsState
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated
from kiosk.simulate import random_selections
from tests.kit import POLL_WORKER, ElectionKit, make_crowd

ROUNDS = 20
VOTERS = 300  # enough ballots that the export takes long enough to be killed in its middle

CLOSER = r"""
import sys
from pathlib import Path
from kiosk.booth.station import Station
station = Station(Path(sys.argv[1]))
print("GO", flush=True)
station.close_polls("pw-1")
print("CLOSED", flush=True)
station.export(Path(sys.argv[2]))
print("EXPORTED", flush=True)
"""


@pytest.fixture(scope="module")
def full_booth(tmp_path_factory: pytest.TempPathFactory) -> tuple[ElectionKit, Path]:
    """An election whose booth-1 holds VOTERS ballots, polls open; closed cleanly so it can be copied."""
    voters = [{"id": f"d{i:04d}", "name": f"Delegate {i}", "group": "workers", "sessions": ["budget"],
               "station": "booth-1"} for i in range(VOTERS)]
    root = tmp_path_factory.mktemp("closing")
    kit = make_crowd(root, voters)
    booth = root / "booth"
    station = Station(booth)
    station.set_up(kit.media["booth-1"], kit.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    rng = random.Random(7)
    for code in kit.codes().values():
        outcome = station.authenticate_code(code)
        assert isinstance(outcome, Authenticated)
        station.cast(outcome.voter_id, "budget", random_selections(station.election.session("budget"), rng))
    station.close()
    return kit, booth


def test_sigkill_while_closing_and_exporting_leaves_open_or_closed_never_between(
    full_booth: tuple[ElectionKit, Path], tmp_path: Path
) -> None:
    kit, booth = full_booth
    rng = random.Random(2027)
    span = _close_and_export_seconds(booth, tmp_path / "timing")
    seen: set[str] = set()
    for round_ in range(ROUNDS):
        data, stick = tmp_path / f"round-{round_}", tmp_path / f"stick-{round_}"
        shutil.copytree(booth, data)
        stick.mkdir()
        seen.add(_kill_while_closing(data, stick, rng.random() * span * 1.2))
        _check_open_or_closed_with_complete_file(kit, data, stick)
    assert len(seen) > 1, f"the kills did not land at different moments: {seen}"


def _close_and_export_seconds(booth: Path, where: Path) -> float:
    shutil.copytree(booth, where / "data")
    (where / "stick").mkdir()
    child = _start_closer(where / "data", where / "stick")
    started = time.monotonic()
    assert child.stdout is not None and child.stdout.read().split()[-1] == "EXPORTED"
    assert child.wait() == 0
    return time.monotonic() - started


def _start_closer(data: Path, stick: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CLOSER, str(data), str(stick)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline() == "GO\n"
    return child


def _kill_while_closing(data: Path, stick: Path, after: float) -> str:
    """Runs the closer, kills it `after` seconds past its start; returns the last step it reported."""
    child = _start_closer(data, stick)
    assert child.stdout is not None
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read().split()
    child.wait()
    return rest[-1] if rest else "GO"


def _check_open_or_closed_with_complete_file(kit: ElectionKit, data: Path, stick: Path) -> None:
    finished = sorted(stick.glob(f"*{SUFFIX}"))  # final names only; a cut write is a hidden .partial
    for path in finished:
        read_sealed_file(path, kit.package)  # a file under its final name is complete and verifies
    station = Station(data)
    try:
        state = station.state
        assert state in (PollsState.OPEN, PollsState.CLOSED)
        ballots, marks = station.counts()["budget"]
        assert ballots == marks == VOTERS
        verify_chain(station.box.audit_entries())
        if state is PollsState.OPEN:
            assert not finished, "a sealed file exists for a booth that is still open"
            station.close_polls(POLL_WORKER)
        again = station.export(stick)
        sealed = read_sealed_file(again, kit.package)
        assert len(sealed.ballots) == VOTERS
        assert [p.read_bytes() for p in finished] in ([], [again.read_bytes()])
    finally:
        station.close()
