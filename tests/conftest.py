"""Fixtures shared by the whole suite: one test election per session, booths set up from it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.booth.station import Station
from tests.kit import POLL_WORKER, SMALL_ELECTION, ElectionKit, make_election


@pytest.fixture(scope="session")
def small_election(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    return make_election(SMALL_ELECTION, tmp_path_factory.mktemp("small-election"))


@pytest.fixture(scope="session")
def e2e_election(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    """The small election whose package carries the trustees' end-to-end key."""
    return make_election(SMALL_ELECTION, tmp_path_factory.mktemp("e2e-election"), e2e=True)


@pytest.fixture
def e2e_booth(e2e_election: ElectionKit, tmp_path: Path) -> Iterator[Station]:
    """booth-1 of the end-to-end election, set up, polls open, every session active."""
    station = Station(tmp_path / "booth-data")
    station.set_up(e2e_election.media["booth-1"], e2e_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    for session in e2e_election.definition.sessions:
        station.set_session_active(session.id, True, POLL_WORKER)
    yield station
    station.close()


@pytest.fixture
def booth(small_election: ElectionKit, tmp_path: Path) -> Iterator[Station]:
    """booth-1 of the small election, set up, polls open, every session active."""
    station = Station(tmp_path / "booth-data")
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    for session in small_election.definition.sessions:
        station.set_session_active(session.id, True, POLL_WORKER)
    yield station
    station.close()


@pytest.fixture
def fresh_media(small_election: ElectionKit, tmp_path: Path) -> Path:
    """A private copy of booth-1's provisioning media."""
    copy = tmp_path / "media-copy"
    shutil.copytree(small_election.media["booth-1"], copy)
    return copy
