"""Fixtures of station-admin's tests: a PostgreSQL server, and a fresh database on it per test."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from station_admin.cli import main as admin
from tests.kit import ElectionKit, share_args
from tests.station_admin.polling import day_ballots, polling_day
from tests.station_admin.postgres_server import postgres_server


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture
def postgres_db(postgres_url: str) -> str:
    """The URL of a new, empty database on the test server."""
    name = f"tally_{secrets.token_hex(4)}"
    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return postgres_url.rsplit("/", 1)[0] + f"/{name}"


@dataclass(frozen=True)
class Tallied:
    """The small election after a polling day at booth-1 (tests/station_admin/polling.py), imported
    and tallied with 20 delegates attending the budget session."""

    election: Path
    results: Path  # results.json
    sealed: Path


@pytest.fixture(scope="session")
def tallied(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> Tallied:
    root = tmp_path_factory.mktemp("tallied")
    sealed = polling_day(small_election, root, "booth-1", day_ballots())
    election, db = str(small_election.folder.root), f"sqlite:///{root / 'tally.sqlite'}"
    runner = CliRunner()
    assert runner.invoke(admin, ["import", "--election", election, "--db", db, str(sealed)]).exit_code == 0
    result = runner.invoke(
        admin,
        [
            "tally", "--election", election, "--db", db,
            *share_args({n: small_election.folder.share_path(n) for n in (2, 3)}, root),
            "--attending", "budget=20", "--out", str(root / "RESULTS"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return Tallied(small_election.folder.root, root / "RESULTS" / "results.json", sealed)
