"""The end-to-end stick (sealed file /2) of a booth of a hall imports: its delegates came from every
booth's roll, as its signed set-up event (`voters: hall`) says. A mark two files hold is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from kiosk.ballot.sealed_file import Refusal
from station_admin import tally_db as db
from station_admin.importer import ImportResult, import_file
from tests.ballot.sealed_kit import BoothDay, audit_log, booth_day
from tests.station_admin.e2e_kit import E2EKit, make_e2e_election

MIXED = ["v02", "v26", "v30"]  # one of booth-1's roll, two of booth-2's


@pytest.fixture(scope="module")
def e2e(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    return make_e2e_election(tmp_path_factory.mktemp("e2e-hall"))


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")


def _import(engine: Engine, e2e: E2EKit, day: BoothDay, path: Path) -> ImportResult:
    path.write_bytes(day.sealed())
    return import_file(engine, e2e.kit.package, path, e2e=e2e.e2e)


def test_a_hall_booths_end_to_end_stick_with_delegates_of_other_rolls_imports(
    engine: Engine, e2e: E2EKit, tmp_path: Path
) -> None:
    day = booth_day(e2e.kit, e2e.e2e.election, "booth-1", voters=MIXED, hall=True)
    result = _import(engine, e2e, day, tmp_path / "hall-1.isoloir")
    assert (result.status, result.marks) == ("imported", len(day.marks)), result.reason


def test_a_booth_not_of_a_hall_still_may_not_hold_another_rolls_mark(
    engine: Engine, e2e: E2EKit, tmp_path: Path
) -> None:
    # Threat: a booth's key (its disk taken) lets a delegate of booth-2's roll vote at booth-1 as
    # well: without the hall's set-up event its marks must all be its own roll's.
    day = booth_day(e2e.kit, e2e.e2e.election, "booth-1", voters=MIXED, hall=True)
    day.audit[:] = audit_log("booth-1", e2e.kit, [s for s, _ in day.marks])
    result = _import(engine, e2e, day, tmp_path / "not-hall.isoloir")
    assert result.status == "refused" and result.reason.startswith(Refusal.NOT_SERVED.value), result.reason
    assert "'v26'" in result.reason


def test_a_mark_two_hall_booths_end_to_end_sticks_both_hold_is_refused(
    engine: Engine, e2e: E2EKit, tmp_path: Path
) -> None:
    # Threat: whoever holds booth-2's disk runs its software past the hall and casts again for a
    # delegate who already voted at booth-1: both files verify, booth-2's is refused as a double vote.
    one = booth_day(e2e.kit, e2e.e2e.election, "booth-1", voters=MIXED, hall=True)
    two = booth_day(e2e.kit, e2e.e2e.election, "booth-2", voters=["v26", "v27"], hall=True)
    assert _import(engine, e2e, one, tmp_path / "hall-1.isoloir").status == "imported"
    result = _import(engine, e2e, two, tmp_path / "hall-2.isoloir")
    assert result.status == "refused" and result.reason.startswith(Refusal.DOUBLE_VOTE.value), result.reason
    assert "'v26'" in result.reason and "'booth-1'" in result.reason
