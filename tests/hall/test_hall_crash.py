"""A booth killed at any moment of a cast leaves a cast that both the hall and the booth hold, or
none; the booth settles it by itself when it starts again."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.booth.hall_cast import STEP_HELD, STEP_RESERVED, STEP_RESERVING, STEP_SETTLED
from station_admin.hall.http_server import HallHttpServer
from tests.hall.conftest import hall_station
from tests.kit import ElectionKit

KILLED_BOOTH = Path(__file__).resolve().parent / "killed_booth.py"
RUN_TIMEOUT_S = 120  # a cast takes milliseconds; this is for a machine loaded by the whole suite


@pytest.mark.parametrize("step", [STEP_RESERVING, STEP_RESERVED, STEP_HELD, STEP_SETTLED])
def test_a_booth_killed_at_each_step_of_a_cast_leaves_both_sides_agreeing_after_its_restart(
    step: str, small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    data = tmp_path / "booth-1"
    hall_station(small_election, data, "booth-1", hall.url).close()
    run = subprocess.run([sys.executable, str(KILLED_BOOTH), str(data), hall.url, "v03", "budget", step],
                         capture_output=True, timeout=RUN_TIMEOUT_S, check=False)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    # The booth starts again: whatever the step, the cast is settled at once, on both sides alike.
    station = hall_station(small_election, data, "booth-1", hall.url, open_polls=False)
    try:
        assert station.hall is not None and station.hall.unsettled() == 0
        ballots, marks = station.counts()["budget"]
        assert ballots == marks
        hall_marks = [m for m in hall.service.store.marks() if m.voter_id == "v03"]
        assert [m.state for m in hall_marks] == (["confirmed"] * ballots)
        cast = step in (STEP_HELD, STEP_SETTLED)  # the ballot was committed on the booth before the kill
        assert ballots == (1 if cast else 0)
        if not cast:  # nothing was recorded: the delegate is free to vote, at any booth
            other = hall_station(small_election, tmp_path / "booth-2", "booth-2", hall.url)
            other.cast("v03", "budget", {"q1": ("yes",)})
            other.close()
    finally:
        station.close()
