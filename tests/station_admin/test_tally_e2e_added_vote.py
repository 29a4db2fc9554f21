"""End-to-end ballots in a vote added to the day by addendum, and in a show of hands.

`station-admin election amend --add-session` adds a show-of-hands vote after the booths were set up:
the booth takes the addendum in, delegates cast end-to-end ballots in it, and the officials aggregate,
the trustees decrypt, the tally counts and isoloir-verify accepts the record. A show of hands
publishes its counts per group always (as the ILC does): its ballots carry the voter's group (spec
§5), so each group's aggregate is decrypted and the per-group counts come out, small groups included.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conference.kit import officials_of
from tests.conference.test_added_vote import add_the_vote, vote_on_amendment
from tests.kit import SMALL_ELECTION
from tests.station_admin.e2e_kit import E2EKit
from tests.station_admin.weighted_e2e_kit import (
    ballot_lines,
    count,
    election_of,
    make_e2e_booth_election,
    seal_day,
    verify,
)


@pytest.fixture(scope="module")
def conference(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    return make_e2e_booth_election(SMALL_ELECTION, tmp_path_factory.mktemp("conference-e2e"))


@pytest.fixture(scope="module")
def hands(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    """The small election whose budget vote is a show of hands, in the package itself."""
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    budget = next(s for s in data["sessions"] if s["id"] == "budget")
    budget["mode"], budget["counts_by_group"] = "show-of-hands", False
    return election_of(data, tmp_path_factory.mktemp("hands-e2e"), "hands.json")


def _groups(entry: dict[str, Any]) -> dict[str, tuple[int, list[int]]]:
    return {
        g["id"]: (g["ballots"], [o["votes"] for o in g["questions"][0]["options"]]) for g in entry["groups"]
    }


def _ballot_groups(record: Path, session: str) -> set[str]:
    return {line["group"] for line in ballot_lines(record, session)}


def test_an_e2e_vote_added_by_addendum_is_counted_per_group_and_its_record_verifies(
    conference: E2EKit, tmp_path: Path
) -> None:
    officials = officials_of(conference.kit, tmp_path)
    add_the_vote(officials)  # amendment-7, a show of hands, for the budget's voters
    sealed = vote_on_amendment(officials, tmp_path / "booth", officials.stick())  # v01..v08 yes, v09..v12 no
    counted = count(conference, officials, sealed, "amendment-7")
    added, record = counted.session, counted.record
    assert added["ballots"] == 12 and added["kind"] == "show-of-hands"
    assert [o["votes"] for o in added["questions"][0]["options"]] == [8, 4]
    # v01..v12: government v01 v04 v05 v08 v09 v12, employers v02 v06, workers v03 v07 v11 (v10: see roll)
    roll = {v.id: v.group for v in conference.kit.definition.voters}
    voters = [f"v{n:02d}" for n in range(1, 13)]
    expected = {}
    for group in ("government", "employers", "workers"):
        members = [v for v in voters if roll[v] == group]
        yes = sum(1 for v in members if int(v[1:]) <= 8)
        expected[group] = (len(members), [yes, len(members) - yes])
    assert _groups(added) == expected
    assert _ballot_groups(record, "amendment-7") == {g for g, (n, _) in expected.items() if n}
    assert (record / "addenda" / "addendum-0001.json").exists()
    verified = verify(conference, record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout


def test_a_show_of_hands_with_e2e_ballots_publishes_each_group_s_count_even_a_small_one(
    hands: E2EKit, tmp_path: Path
) -> None:
    officials = officials_of(hands.kit, tmp_path)
    votes = {"v01": "yes", "v04": "yes", "v05": "no", "v02": "no", "v03": "yes"}  # 3 government, 1 + 1
    counted = count(hands, officials, seal_day(hands, officials, "budget", votes), "budget")
    budget, record = counted.session, counted.record
    options = [o["id"] for o in budget["questions"][0]["options"]]

    def votes_of(*chosen: str) -> list[int]:
        return [chosen.count(o) for o in options]

    # one Employer and one Worker ballot: under the secrecy floor, yet a show of hands publishes them
    expected = {"government": (3, votes_of("yes", "yes", "no")), "employers": (1, votes_of("no")),
                "workers": (1, votes_of("yes"))}  # fmt: skip
    assert _groups(budget) == expected
    assert "groups_withheld" not in budget
    tally = json.loads((record / "tally" / "budget.json").read_text(encoding="utf-8"))
    assert [a["group"] for a in tally["questions"][0]["aggregates"]] == ["employers", "government", "workers"]
    verified = verify(hands, record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
