"""A real hall for the tests: PostgreSQL started by the test setup, the hall's server, booths joined.

Each test gets a database of its own on one server per test session, and its own hall."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kiosk.booth.station import Station
from kiosk.hall.session_calls import join_hall
from station_admin.election_dir import ElectionDir
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.serve import serving
from tests.kit import AUTHORITY_PASSPHRASE, POLL_WORKER, ElectionKit
from tests.station_admin.postgres_server import postgres_server

BoothMaker = Callable[[str], Station]


@pytest.fixture(scope="session")
def hall_postgres() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def hall_db(hall_postgres: str) -> str:
    """The URL of a new, empty database on the test server."""
    name = f"hall_{secrets.token_hex(4)}"
    engine = create_engine(hall_postgres, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return hall_postgres.rsplit("/", 1)[0] + f"/{name}"


def unlocked(kit: ElectionKit) -> ElectionDir:
    return ElectionDir(kit.folder.root, unlock=lambda: AUTHORITY_PASSPHRASE)


@pytest.fixture
def hall(small_election: ElectionKit, hall_db: str) -> Iterator[HallHttpServer]:
    with serving(unlocked(small_election), hall_db, "127.0.0.1", 0) as server:
        yield server


def hall_station(kit: ElectionKit, data: Path, station_id: str, url: str, open_polls: bool = True) -> Station:
    """A booth of the hall: joined, set up, polls open and every session active."""
    station = Station(data)
    join_hall(station, url)
    if station.package is None:
        station.set_up(kit.media[station_id], kit.signer(station_id))
    if open_polls:
        station.open_polls(POLL_WORKER)
        for session in kit.definition.sessions:
            station.set_session_active(session.id, True, POLL_WORKER)
    return station


@pytest.fixture
def hall_booth(small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path) -> Iterator[BoothMaker]:
    made: list[Station] = []

    def make(station_id: str) -> Station:
        station = hall_station(small_election, tmp_path / station_id, station_id, hall.url)
        made.append(station)
        return station

    yield make
    for station in made:
        station.close()
