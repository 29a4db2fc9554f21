"""A whole conference day in `kiosk simulate`: a vote added (a show of hands), a committee vote added
weighted by group (equality of strength), two delegations (one used; one refused at the booth because
the delegate voted first), imported, tallied, and the weights on the report."""

from __future__ import annotations

import json
import random

from click.testing import CliRunner

from kiosk.ballot.weights import equal_strength
from kiosk.cli import main as kiosk
from tests.conference.kit import Officials
from tests.conference.test_added_vote import NEW_VOTE, add_the_vote, tally

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
    add_the_weighted_vote(officials)  # a committee's vote, weighted by group
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
    assert results["booths"][0]["addenda"] == [1, 2, 3, 4]
    weighted = next(s for s in results["sessions"] if s["id"] == "committee-1")
    members = {g: sum(1 for v in officials.kit.definition.voters if v.group == g and "budget" in v.sessions)
               for g in ("government", "employers", "workers")}
    assert {g["id"]: g["weight"] for g in weighted["weights"]["groups"]} == equal_strength(members)
    assert weighted["ballots"] == next(s for s in cast["sessions"] if s["id"] == "committee-1")["ballots"]
    weights = {g["id"]: g["weight"] for g in weighted["weights"]["groups"]}
    by_group = {g["id"]: g["questions"][0]["options"][0]["votes"] for g in weighted["groups"]}
    assert weighted["questions"][0]["options"][0]["votes"] == sum(weights[g] * n for g, n in by_group.items())
    report = officials.root / "report.json"
    assert officials.admin("report", "--results", str(officials.root / "RESULTS" / "results.json"),
                           "--format", "json", "--out", str(report)).exit_code == 0
    view = next(s for s in json.loads(report.read_text())["sessions"] if s["id"] == "committee-1")
    assert view["weights"][0].startswith("Votes weighted by group for equality of strength")


def add_the_weighted_vote(officials: Officials) -> None:
    vote = json.loads(json.dumps(NEW_VOTE))
    vote["session"].update(id="committee-1", mode="secret", weighting="by-group")
    vote["session"]["title"] = {"en": "Committee vote 1", "fr": "Vote de commission 1",
                                "es": "Votación de comisión 1"}
    path = officials.root / "committee-vote.json"
    path.write_text(json.dumps(vote), encoding="utf-8")
    result = officials.signed("election", "amend", "--add-session", str(path))
    assert result.exit_code == 0, result.output
