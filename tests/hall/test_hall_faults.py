"""The hall's network and database failing for real in the middle of casts: never a double vote,
never a lost accepted ballot, and the booth resumes by itself."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.booth.cast import CastRefusal
from kiosk.booth.hall_cast import STEP_HELD
from kiosk.booth.station import CastRefused, Station
from kiosk.booth.voter_auth import CodeRefusal, CodeRefused
from station_admin.hall import local_postgres
from station_admin.hall.serve import serving
from tests.hall.conftest import hall_station, unlocked
from tests.hall.proxy import CuttableProxy
from tests.kit import ElectionKit

ANSWERS = {"q1": ("yes",)}


def refused(station: Station, voter: str) -> CastRefusal:
    with pytest.raises(CastRefused) as caught:
        station.cast(voter, "budget", ANSWERS)
    return caught.value.reason


@pytest.fixture
def private_postgres() -> Iterator[Path]:
    """The hall's own PostgreSQL, as `hall serve` starts it without --db, for this test alone."""
    folder = Path(tempfile.mkdtemp(prefix="isoloir-hall-pg-"))  # as root: a folder postgres can reach
    local_postgres.start(folder)
    yield folder
    local_postgres.stop(folder, "immediate")


def test_the_hall_database_stopped_mid_cast_and_restarted_loses_no_ballot_and_doubles_none(
    small_election: ElectionKit, private_postgres: Path, tmp_path: Path
) -> None:
    with serving(unlocked(small_election), local_postgres.url_of(private_postgres), "127.0.0.1", 0) as hall:
        booth = hall_station(small_election, tmp_path / "booth-1", "booth-1", hall.url)
        assert booth.hall is not None
        booth.cast("v01", "budget", ANSWERS)

        def stop_the_database(step: str) -> None:
            if step == STEP_HELD:  # the ballot is committed here; the hall is not told it yet
                local_postgres.stop(private_postgres, "immediate")

        booth.hall.on_step = stop_the_database
        receipt = booth.cast("v02", "budget", ANSWERS)  # accepted: both sides hold it (hall: reserved)
        booth.hall.on_step = lambda _step: None
        assert receipt.tracking_code and booth.hall.unsettled() == 1
        # With the database down, new voters are sent to another booth and nothing is stored.
        assert refused(booth, "v04") is CastRefusal.HALL_UNREACHABLE
        code = small_election.codes()["v05"]
        assert booth.authenticate_code(code) == CodeRefused(CodeRefusal.HALL_UNREACHABLE)
        assert booth.hall_connected() is False
        assert booth.counts()["budget"] == (2, 2)

        local_postgres.start(private_postgres)
        assert booth.hall_connected() is True  # and the unfinished casts are settled
        assert booth.hall.unsettled() == 0
        booth.cast("v04", "budget", ANSWERS)
        marks = {m.voter_id: m.state for m in hall.service.store.marks()}
        assert marks == {"v01": "confirmed", "v02": "confirmed", "v04": "confirmed"}
        assert booth.counts()["budget"] == (3, 3)
        booth.close()


def test_a_dropped_connection_after_the_hall_reserved_sends_the_voter_elsewhere_without_a_double_vote(
    small_election: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    """The booth's connection is reset after the hall reserved the mark and before its answer."""
    with serving(unlocked(small_election), hall_db, "127.0.0.1", 0) as hall:
        proxy = CuttableProxy(("127.0.0.1", hall.server_address[1]))
        one = hall_station(small_election, tmp_path / "booth-1", "booth-1", proxy.url)
        two = hall_station(small_election, tmp_path / "booth-2", "booth-2", hall.url)
        assert one.hall is not None
        proxy.cut.set()
        assert refused(one, "v06") is CastRefusal.HALL_UNREACHABLE  # booth-1 cannot know; stores nothing
        assert one.counts()["budget"] == (0, 0)
        # The hall holds booth-1's reservation: booth-2 refuses the same delegate meanwhile.
        assert refused(two, "v06") is CastRefusal.CAST_PENDING
        proxy.cut.clear()
        assert one.hall_connected() is True  # booth-1's reservation is aborted at the hall
        assert one.hall.unsettled() == 0
        two.cast("v06", "budget", ANSWERS)
        assert [(m.voter_id, m.station) for m in hall.service.store.marks()] == [("v06", "booth-2")]
        assert one.counts()["budget"][0] + two.counts()["budget"][0] == 1
        one.close()
        two.close()
        proxy.close()
