"""The booth's disk fills up during a cast: a real small filesystem (tmpfs) in a mount namespace."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.devices.sim_card import write_card_file
from tests.kit import ROOT, ElectionKit

CHILD = Path(__file__).with_name("disk_full_booth.py")
# A user namespace maps us to root inside it, so mounting a tmpfs needs no privilege outside.
UNSHARE = ["unshare", "--user", "--map-root-user", "--mount"]


def run_on_small_disk(kit: ElectionKit, tmp_path: Path) -> dict[str, Any]:
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    card = tmp_path / "pw-1.card"
    write_card_file(card, kit.cards["pw-1"], "pw-1")
    command = [*UNSHARE, sys.executable, str(CHILD), str(kit.media["booth-1"]), str(kit.folder.codes_path),
               str(card)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([*command, str(mount)], capture_output=True, text=True, env=env, timeout=300)
    if done.returncode and "unshare" in done.stderr and "Operation not permitted" in done.stderr:
        pytest.skip(f"user namespaces are not allowed here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


def test_a_full_disk_refuses_the_cast_cleanly_and_casting_resumes_once_space_is_freed(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    report = run_on_small_disk(small_election, tmp_path)
    assert report["failed"], "the disk never filled up"
    # The voter is told: the walk shows the failure screen, for storage, not a refusal.
    assert (report["screen"], report["error"]) == ("cast_failed", "storage")
    # Nothing of the failed cast was stored, and the earlier ballots are all there.
    acked_before = [c for c in report["acked"] if c is not None]
    ballots, marks = report["counts_while_full"]
    assert ballots == marks == len(report["stored_while_full"])
    assert set(report["stored_while_full"]) <= set(acked_before)
    assert report["status_while_full"]["budget"] == "open"  # the voter may still vote
    # Once space is freed the same voter, and every one after, casts; the day ends cleanly.
    assert None not in report["acked"]
    assert sorted(report["acked"]) == report["stored_after"]
    assert report["counts_after"] == [len(report["acked"])] * 2
    assert report["sealed_ballots"] == len(report["acked"])
