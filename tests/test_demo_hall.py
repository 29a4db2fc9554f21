"""`make demo HALL=1` without a display: the hall's server, two booths joined to it, delegates at
either booth, a vote closed at the desk, both booths' files collected and the vote counted: with
HPKE ballots from two trustees' shares, and with end-to-end ballots (`make demo-hall E2E=1`) from two
trustees' partial decryptions of the sums."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.hall.test_hall_serve import free_port

ROOT = Path(__file__).resolve().parents[1]
DEMO_TIMEOUT_S = 600  # an election made (Argon2 per trustee), a PostgreSQL started, 24 casts


@pytest.mark.parametrize("e2e", ["", "1"], ids=["hpke", "e2e"])
def test_the_hall_demo_walks_a_vote_from_both_booths_to_its_count(tmp_path: Path, e2e: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"DEMO_OUT": str(tmp_path), "HALL_PORT": str(free_port()), "PROJECTOR_PORT": str(free_port()),
            "DEMO_E2E": e2e}
    run = subprocess.run(["bash", str(ROOT / "scripts" / "demo-hall.sh")], env=env, capture_output=True,
                         text=True, timeout=DEMO_TIMEOUT_S, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "booth-1: reported" in run.stdout and "booth-2: reported" in run.stdout
    assert "24 ballots counted from 2 booth(s)" in run.stdout
    assert (tmp_path / "hall" / "RESULTS" / "results.json").exists()
    assert (tmp_path / "hall" / "RESULTS" / "e2e" / "request.json").exists() == bool(e2e)
