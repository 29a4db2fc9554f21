"""Counts per group are published only when every group that voted is large enough to hide a vote."""

from __future__ import annotations

from typing import Any

from kiosk.ballot.counting import Tally
from kiosk.ballot.definition import load_definition
from station_admin.results import MIN_GROUP_BALLOTS, TallyInputs, with_outcomes
from tests.kit import SMALL_ELECTION

ELECTION = load_definition(SMALL_ELECTION)


def _budget(per_group: dict[str, int]) -> dict[str, Any]:
    tally = Tally(ELECTION)
    for group, count in per_group.items():
        for _ in range(count):
            tally.add("budget", {"q1": ("yes",)}, group)
    return with_outcomes(tally.as_results(), ELECTION, [], TallyInputs())["sessions"][0]  # type: ignore[no-any-return]


def test_groups_of_ten_or_more_are_published() -> None:
    budget = _budget({"government": 12, "employers": 10, "workers": 10})
    assert [(g["id"], g["ballots"]) for g in budget["groups"]] == [
        ("government", 12),
        ("employers", 10),
        ("workers", 10),
    ]


def test_one_group_below_ten_withholds_every_group() -> None:
    budget = _budget({"government": 12, "employers": 10, "workers": MIN_GROUP_BALLOTS - 1})
    assert "groups" not in budget
    assert "workers" in budget["groups_withheld"]
