"""A booth cut off from the hall by a real network partition (a network namespace whose link to
the hall goes down): it refuses new voters, sends them elsewhere, and resumes by itself."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.booth.station import Station
from station_admin.hall.serve import serving
from tests.hall.conftest import hall_station, unlocked
from tests.kit import ElectionKit

NETNS_BOOTH = Path(__file__).resolve().parent / "netns_booth.py"
ANSWER_TIMEOUT_S = 120  # a refused cast waits out the client's timeouts; a loaded machine is slower


def ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True)


@dataclass(frozen=True)
class Partitionable:
    namespace: str
    hall_side: str  # the veth end in the test's (the hall's) namespace
    hall_address: str

    def cut(self) -> None:
        ip("link", "set", self.hall_side, "down")

    def heal(self) -> None:
        ip("link", "set", self.hall_side, "up")


@pytest.fixture
def network() -> Iterator[Partitionable]:
    """A namespace for the booth, linked to the hall by a veth pair on a subnet of its own."""
    if os.geteuid() != 0 or shutil.which("ip") is None:
        pytest.skip("network namespaces need root and iproute2 (CI runs as root)")
    tag = secrets.token_hex(3)
    namespace, hall_side, booth_side = f"isoloir-{tag}", f"vh{tag}", f"vb{tag}"
    subnet = f"10.{secrets.randbelow(200) + 20}.{secrets.randbelow(250)}"
    try:
        ip("netns", "add", namespace)
    except subprocess.CalledProcessError:
        pytest.skip("this machine does not allow network namespaces")
    try:
        ip("link", "add", hall_side, "type", "veth", "peer", "name", booth_side)
        ip("link", "set", booth_side, "netns", namespace)
        ip("addr", "add", f"{subnet}.1/24", "dev", hall_side)
        ip("link", "set", hall_side, "up")
        ip("netns", "exec", namespace, "ip", "addr", "add", f"{subnet}.2/24", "dev", booth_side)
        ip("netns", "exec", namespace, "ip", "link", "set", booth_side, "up")
        ip("netns", "exec", namespace, "ip", "link", "set", "lo", "up")
        yield Partitionable(namespace, hall_side, f"{subnet}.1")
    finally:
        subprocess.run(["ip", "link", "del", hall_side], capture_output=True, check=False)
        subprocess.run(["ip", "netns", "del", namespace], capture_output=True, check=False)


class BoothProcess:
    def __init__(self, namespace: str, data: Path, url: str) -> None:
        self.process = subprocess.Popen(
            ["ip", "netns", "exec", namespace, sys.executable, str(NETNS_BOOTH), str(data), url],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.read() == "ready"

    def read(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.read()

    def stop(self) -> None:
        self.ask("quit")
        self.process.wait(ANSWER_TIMEOUT_S)


@pytest.mark.timeout(600)
def test_a_partitioned_booth_sends_voters_elsewhere_and_resumes_by_itself_never_doubling_a_vote(
    network: Partitionable, small_election: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    with serving(unlocked(small_election), hall_db, network.hall_address, 0) as hall:
        url = hall.url
        hall_station(small_election, tmp_path / "booth-1", "booth-1", url).close()
        other: Station = hall_station(small_election, tmp_path / "booth-2", "booth-2", url)
        booth = BoothProcess(network.namespace, tmp_path / "booth-1", url)
        assert booth.ask("connected") == "True"
        assert booth.ask("cast v01") == "cast"

        network.cut()
        assert booth.ask("connected") == "False"
        assert booth.ask("cast v02") == "hall_unreachable"  # told to go to another booth
        assert booth.ask("counts") == "1 1"
        other.cast("v02", "budget", {"q1": ("yes",)})  # ...and the other booth takes the delegate
        network.heal()

        assert booth.ask("connected") == "True"  # nothing to do by hand: the next call rejoins
        assert booth.ask("cast v02") == "already_voted"
        assert booth.ask("cast v03") == "cast"
        booth.stop()
        marks = {m.voter_id: m.station for m in hall.service.store.marks()}
        assert marks == {"v01": "booth-1", "v02": "booth-2", "v03": "booth-1"}
        assert other.counts()["budget"] == (1, 1)
        other.close()
