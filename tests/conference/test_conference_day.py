"""A whole conference day in `kiosk simulate`: a vote added (a show of hands), two delegations (one
used; one refused at the booth because the delegate voted first), imported and tallied."""

from __future__ import annotations

import json
import random

from click.testing import CliRunner

from kiosk.cli import main as kiosk
from tests.conference.kit import Officials
from tests.conference.test_added_vote import add_the_vote, tally

BEFORE = 10  # voters who vote before the poll worker takes the addenda in


def seed_where_only_the_second_delegate_votes_first(officials: Officials) -> int:
    """A seed whose order of voters (kiosk simulate's own draw) brings s001-3 before the addenda
    and s001-1 after them."""
    roll = [v.id for v in officials.kit.definition.voters_at("booth-1")]
    for seed in range(1, 1000):
        order = [v for v in random.Random(seed).sample(roll, len(roll)) if not v.startswith("a")]
        if "s001-3" in order[:BEFORE] and "s001-1" not in order[:BEFORE]:
            return seed
    raise AssertionError("no seed orders the delegates as the test needs")


def test_a_conference_day_with_a_vote_added_and_two_delegations(officials: Officials) -> None:
    card = officials.root / "pw-1.card"
    # The shared kit provisioned its booths with its own cards; this day registers a simulated card
    # first and provisions booth-1 anew, as officials do for a rehearsal.
    (officials.election / "provisioned.txt").unlink()
    assert officials.signed("cards", "simulate", "--holder", "pw-1", "--out", str(card)).exit_code == 0
    media = officials.root / "MEDIA"
    assert officials.admin("station", "provision", "--station", "booth-1", "--out", str(media)).exit_code == 0
    add_the_vote(officials)  # the show of hands, added to the day
    for delegate, adviser in (("s001-1", "a001-3"), ("s001-3", "a001-5")):
        result = officials.signed("voters", "delegate", "--from", delegate, "--to", adviser,
                                  "--session", "budget")
        assert result.exit_code == 0, result.output
    stick = officials.stick()
    seed = seed_where_only_the_second_delegate_votes_first(officials)
    out = officials.root / "OUT"
    day = CliRunner().invoke(kiosk, [
        "simulate", "--station", str(media), "--worker-card", str(card), "--voters", "100",
        "--seed", str(seed), "--export", str(out), "--data", str(officials.root / "booth"),
        "--codes", str(officials.election / "codes" / "voter-codes.csv"),
        "--addenda", str(stick), "--addenda-after", str(BEFORE),
    ])  # fmt: skip
    assert day.exit_code == 0, day.output
    cast = json.loads(day.stdout)
    (sealed,) = out.iterdir()
    assert officials.admin("import", str(sealed)).exit_code == 0
    results = tally(officials)
    fates = {d["delegate"]: d["status"] for d in results["delegations"]}
    assert fates == {"s001-1": "used", "s001-3": "voted_first"}
    show = next(s for s in results["sessions"] if s["id"] == "amendment-7")
    assert show["kind"] == "show-of-hands" and len(show["groups"]) == 3
    assert sum(g["ballots"] for g in show["groups"]) == show["ballots"] > 0
    added = next(s for s in cast["sessions"] if s["id"] == "amendment-7")
    assert added["ballots"] == show["ballots"]  # what the booth cast is what was counted
    budget = next(s for s in results["sessions"] if s["id"] == "budget")
    assert budget["turnout"]["voted"] == budget["ballots"]
    assert results["booths"][0]["addenda"] == [1, 2, 3]
