"""The hall's count of one vote is `station-admin tally`'s count of the same ballots, weighted or not:
what the projector shows is what the report prints (issue 13: one count, not two; a hall's copy of
the count once forgot the weights)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from kiosk.booth.station import Station
from station_admin.cli import main
from station_admin.hall.serve import serving
from tests.hall.conftest import BoothMaker, hall_station, unlocked
from tests.hall.test_hall_desk import desk, tally_args
from tests.hall.test_hall_weighted import committee  # noqa: F401 (the weighted election's fixture)
from tests.kit import POLL_WORKER, ElectionKit

YES, NO = {"q1": ("yes",)}, {"q1": ("no",)}


def counted_both_ways(
    kit: ElectionKit, booth: Station, session_id: str, hall_db: str, tmp_path: Path
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The vote closed and counted at the hall, then the booth's day stick imported and tallied at
    the desk: the session's entry of each results.json."""
    assert desk(kit, hall_db, "close", session_id).exit_code == 0
    booth.hall_connected()  # hears of the close, seals the vote and sends it
    at_hall = tmp_path / "HALL"
    hall = desk(kit, hall_db, "tally", session_id, *tally_args(kit, tmp_path), "--out", str(at_hall))
    assert hall.exit_code == 0, hall.output
    booth.close_polls(POLL_WORKER)
    (tmp_path / "STICK").mkdir()
    stick = booth.export(tmp_path / "STICK")
    election, db = ["--election", str(kit.folder.root)], ["--db", f"sqlite:///{tmp_path / 'tally.sqlite'}"]
    imported = CliRunner().invoke(main, ["import", *election, *db, str(stick)])
    assert imported.exit_code == 0, imported.output
    at_desk = tmp_path / "DESK"
    shares = tally_args(kit, tmp_path)
    tallied = CliRunner().invoke(main, ["tally", *election, *db, *shares, "--out", str(at_desk)])
    assert tallied.exit_code == 0, tallied.output
    (hall_entry,) = json.loads((at_hall / "results.json").read_text())["sessions"]
    desk_entry = next(s for s in json.loads((at_desk / "results.json").read_text())["sessions"]
                      if s["id"] == session_id)
    return hall_entry, desk_entry


def test_the_hall_counts_a_vote_as_the_tally_counts_the_same_ballots(
    hall_booth: BoothMaker, small_election: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    booth = hall_booth("booth-1")
    for voter in ("v01", "v02", "v25"):
        booth.cast(voter, "budget", YES)
    booth.cast("v03", "budget", NO)
    hall_entry, desk_entry = counted_both_ways(small_election, booth, "budget", hall_db, tmp_path)
    assert hall_entry == desk_entry
    votes = {o["id"]: o["votes"] for o in hall_entry["questions"][0]["options"]}
    assert votes == {"yes": 3, "no": 1, "abstain": 0}


def test_the_hall_weighs_a_weighted_vote_as_the_tally_weighs_the_same_ballots(
    committee: ElectionKit, hall_db: str, tmp_path: Path  # noqa: F811 (the fixture imported above)
) -> None:
    with serving(unlocked(committee), hall_db, "127.0.0.1", 0) as hall:
        booth = hall_station(committee, tmp_path / "booth-1", "booth-1", hall.url)
        try:
            for n in range(1, 5):
                booth.cast(f"g{n:03d}", "budget", YES)
            for n in range(1, 6):
                booth.cast(f"e{n:03d}", "budget", NO)
            hall_entry, desk_entry = counted_both_ways(committee, booth, "budget", hall_db, tmp_path)
        finally:
            booth.close()
    assert hall_entry == desk_entry
    assert hall_entry["weights"]["weighting"] == "by-group" and hall_entry["ballot_counts"]["ballots"] == 9
