"""The booth's wall clock jumps backwards and forwards during the day: voting goes on, the sealed
file verifies, and the audit log says when and by how much the clock jumped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.ballot.audit import verify_chain
from kiosk.ballot.sealed_file import read_sealed_file
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from tests.kit import POLL_WORKER, ElectionKit


class Clocks:
    """A settable wall clock and the monotonic clock that no one can set."""

    def __init__(self) -> None:
        self.wall = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
        self.mono = 1000.0

    def wait(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds

    def jump(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)


def open_booth(kit: ElectionKit, data: Path, clocks: Clocks) -> Station:
    station = Station(data, clock=lambda: clocks.wall, monotonic=lambda: clocks.mono)
    station.set_up(kit.media["booth-1"], kit.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    return station


def vote(station: Station, code: str) -> None:
    outcome = station.authenticate_code(code)
    assert isinstance(outcome, Authenticated), outcome
    station.cast(outcome.voter_id, "budget", {"q1": ("yes",)})


def jumps(station: Station) -> list[int]:
    return [e.data["seconds"] for e in station.box.audit_entries() if e.event == "clock_jump"]


def test_clock_jumps_during_the_day_are_logged_and_voting_goes_on(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    clocks = Clocks()
    station = open_booth(small_election, tmp_path / "data", clocks)
    codes = small_election.codes()
    voters = [f"v{i:02d}" for i in range(1, 10)]
    for index, voter in enumerate(voters):
        clocks.wait(45)
        if index == 3:
            clocks.jump(-2 * 3600)  # a battery-less clock reset, or a wrong time zone
        if index == 6:
            clocks.jump(3 * 3600 + 30)
        vote(station, codes[voter])
    clocks.wait(60)
    station.close_polls(POLL_WORKER)
    (tmp_path / "stick").mkdir()
    sealed = read_sealed_file(station.export(tmp_path / "stick"), small_election.package)
    station.close()
    assert jumps(station) == [-2 * 3600, 3 * 3600 + 30]
    assert len(sealed.ballots) == len(voters) == len(sealed.marks)
    verify_chain(sealed.audit)


def test_slow_drift_and_real_waiting_are_not_jumps(small_election: ElectionKit, tmp_path: Path) -> None:
    clocks = Clocks()
    station = open_booth(small_election, tmp_path / "data", clocks)
    for voter in ("v01", "v02", "v03"):
        clocks.wait(3600)
        clocks.jump(30)  # an NTP correction
        vote(station, small_election.codes()[voter])
    station.close()
    assert jumps(station) == []


def test_a_code_entry_lock_keeps_its_length_when_the_clock_goes_back(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    clocks = Clocks()
    station = open_booth(small_election, tmp_path / "data", clocks)
    for _ in range(5):
        last = station.authenticate_code("A" * 24)
    assert isinstance(last, CodeRefused) and last.reason is CodeRefusal.LOCKED
    clocks.jump(-3600)
    clocks.wait(last.locked_seconds + 1)
    outcome = station.authenticate_code(small_election.codes()["v01"])
    station.close()
    assert isinstance(outcome, Authenticated), outcome
    assert jumps(station) == [-3600]
