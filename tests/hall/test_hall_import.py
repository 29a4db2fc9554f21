"""The USB stick of a booth of the hall imports: its delegates came from every booth's roll.
The stick stays the fallback and the audit copy of the hall's casts (issue 15)."""

from __future__ import annotations

from pathlib import Path

from kiosk.booth.station import Station
from station_admin.importer import import_file
from station_admin.tally_db import open_db
from tests.hall.conftest import BoothMaker
from tests.kit import POLL_WORKER, ElectionKit

ANSWERS = {"q1": ("yes",)}


def _sealed(booth: Station, out: Path) -> Path:
    booth.close_polls(POLL_WORKER)
    out.mkdir()
    return booth.export(out)


def test_a_hall_booths_stick_with_delegates_of_other_rolls_imports(
    hall_booth: BoothMaker, small_election: ElectionKit, tmp_path: Path
) -> None:
    booth = hall_booth("booth-1")
    strangers = [v.id for v in small_election.definition.voters if v.station != "booth-1"][:2]
    own = next(v.id for v in small_election.definition.voters if v.station == "booth-1")
    for voter in [*strangers, own]:
        booth.cast(voter, "budget", ANSWERS)
    sealed = _sealed(booth, tmp_path / "STICK")
    engine = open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    result = import_file(engine, small_election.folder.package(), sealed)
    assert result.status == "imported", result.reason


def test_a_mark_two_hall_booths_both_hold_is_refused_at_the_import(
    hall_booth: BoothMaker, small_election: ElectionKit, tmp_path: Path
) -> None:
    """Threat: whoever holds a booth's disk runs its software past the hall and casts again for a
    delegate who voted at another booth (the hall is not asked at the import): that booth's stick is
    refused, naming the double vote."""
    voter = next(v.id for v in small_election.definition.voters if v.station == "booth-2")
    one, two = hall_booth("booth-1"), hall_booth("booth-2")
    one.cast(voter, "budget", ANSWERS)
    own = next(v.id for v in small_election.definition.voters if v.station == "booth-1")
    two.cast(own, "budget", ANSWERS)
    engine = open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    package = small_election.folder.package()
    assert import_file(engine, package, _sealed(one, tmp_path / "STICK-1")).status == "imported"
    two.caster.hall = None  # booth-2's software run past the hall, as whoever holds its disk could
    two.cast(voter, "budget", ANSWERS)
    result = import_file(engine, package, _sealed(two, tmp_path / "STICK-2"))
    assert result.status == "refused" and "already voted" in (result.reason or ""), result.reason
