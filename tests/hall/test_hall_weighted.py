"""A weighted committee vote counted at the hall: the desk's `hall tally` weighs it as `tally` does
(issue 17: weights "applied in every outcome"; issue 15: one vote counted alone at the hall)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station_admin.hall.serve import serving
from tests.conference.test_weighted_votes import committee_definition
from tests.hall.conftest import hall_station, unlocked
from tests.hall.test_hall_desk import desk, tally_args
from tests.kit import ElectionKit, make_election


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    root = tmp_path_factory.mktemp("hall-committee")
    path = root / "committee.json"
    path.write_text(json.dumps(committee_definition()), encoding="utf-8")
    return make_election(path, root)


def test_the_hall_counts_a_vote_weighted_by_group_with_its_weights(
    committee: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    with serving(unlocked(committee), hall_db, "127.0.0.1", 0) as hall:
        booth = hall_station(committee, tmp_path / "booth-1", "booth-1", hall.url)
        try:
            for n in range(1, 5):  # 4 Government members for: 4 x 17,020 votes
                booth.cast(f"g{n:03d}", "budget", {"q1": ("yes",)})
            for n in range(1, 6):  # 5 Employer members against: 5 x 13,432 votes
                booth.cast(f"e{n:03d}", "budget", {"q1": ("no",)})
            assert desk(committee, hall_db, "close", "budget").exit_code == 0
            booth.hall_connected()  # hears of the close, seals the vote and sends it
            out = tmp_path / "RESULTS"
            counted = desk(committee, hall_db, "tally", "budget", *tally_args(committee, tmp_path),
                           "--out", str(out))
            assert counted.exit_code == 0, counted.output
        finally:
            booth.close()
    entry = json.loads((out / "results.json").read_text())["sessions"][0]
    votes = {o["id"]: o["votes"] for o in entry["questions"][0]["options"]}
    assert votes["yes"] == 4 * 17_020 and votes["no"] == 5 * 13_432  # adopted; by head count, not
    assert entry["ballot_counts"]["ballots"] == 9 and entry["weights"]["weighting"] == "by-group"
