"""A casting process killed with SIGKILL at random moments loses no acknowledged ballot."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.ballot.audit import verify_chain
from kiosk.booth.station import Station
from tests.kit import POLL_WORKER, ElectionKit, make_crowd

ROUNDS = 20
VOTERS = 1200  # enough fresh voters for every round

CASTER = r"""
import csv, sys
from pathlib import Path
from kiosk.booth.station import Station
data, codes_file, start = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
with codes_file.open() as handle:
    rows = [r for r in csv.DictReader(handle) if r["station"] == "booth-1"]
station = Station(data)
for index in range(start, len(rows)):
    voter = rows[index]["voter_id"]
    print("TRY", index, flush=True)
    station.authenticate_code(rows[index]["code"])
    receipt = station.cast(voter, "budget", {"q1": ("yes", "no", "abstain")[index % 3:index % 3 + 1]})
    print("ACK", index, receipt.tracking_code, flush=True)
"""


@pytest.fixture(scope="module")
def crowded_election(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    voters = [{"id": f"d{i:04d}", "name": f"Delegate {i}", "group": "workers", "sessions": ["budget"],
               "station": "booth-1"} for i in range(VOTERS)]
    return make_crowd(tmp_path_factory.mktemp("crowded"), voters)


def test_sigkill_during_casting_keeps_every_acknowledged_ballot(
    crowded_election: ElectionKit, tmp_path: Path
) -> None:
    data = tmp_path / "booth"
    station = Station(data)
    station.set_up(crowded_election.media["booth-1"], crowded_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    station.close()
    rng = random.Random(2026)
    acknowledged: set[str] = set()
    start = 0
    for _ in range(ROUNDS):
        tried, acked = _cast_until_killed(data, crowded_election, start, rng)
        acknowledged |= acked
        start = tried + 1
        _check_consistent(data, acknowledged)
    assert len(acknowledged) >= ROUNDS  # every round got casts through before its kill


def _cast_until_killed(
    data: Path, election: ElectionKit, start: int, rng: random.Random
) -> tuple[int, set[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", CASTER, str(data), str(election.folder.codes_path), str(start)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    wanted, seen, tried, acked = rng.randint(1, 25), 0, start, set()
    for line in child.stdout:
        kind, index, *rest = line.split()
        tried = int(index)
        if kind == "ACK":
            acked.add(rest[0])
            seen += 1
            if seen >= wanted:
                time.sleep(rng.random() * 0.01)  # land the kill anywhere inside the next cast
                child.send_signal(signal.SIGKILL)
                break
    for line in child.stdout:  # lines already written before the kill were acknowledged too
        if not line.endswith("\n"):
            break  # the kill cut this line short: the caster never finished saying it
        kind, index, *rest = line.split()
        tried = int(index)
        if kind == "ACK":
            acked.add(rest[0])
    child.wait()
    assert child.returncode == -signal.SIGKILL, "the caster ended before it was killed"
    return tried, acked


def _check_consistent(data: Path, acknowledged: set[str]) -> None:
    station = Station(data)
    try:
        stored = {code for code, _, _ in station.box.all_ballots()}
        assert acknowledged <= stored, "an acknowledged ballot was lost"
        ballots, marks = station.counts()["budget"]
        assert ballots == marks == len(stored)
        entries = station.box.audit_entries()
        verify_chain(entries)
        assert sum(1 for e in entries if e.event == "ballot_cast") == ballots
    finally:
        station.close()
