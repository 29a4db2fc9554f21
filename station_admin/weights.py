"""Weighted votes in the results: each weighted session's counts become votes, before any outcome.

The ballots are counted as always (how many ballots chose each option, per group); then, for a
session weighted by group, every group's counts are multiplied by the votes each of its members
carries (kiosk/ballot/weights.py: equality of strength, as the ILC's committees vote), and for a
session weighted per voter every recorded ballot counts its voter's mandates. The options' "votes",
the blanks and so the majority, the quorum (whose base becomes the votes of every member entitled
to vote), the report, the board and the PDF all read the weighted numbers; the ballots' own counts
stay beside them ("ballot_counts"), with the weights and the composition they came from.
"""

from __future__ import annotations

import copy
from typing import Any

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.amendments import Amended, amend_all
from kiosk.ballot.definition import ElectionDefinition, VotingSession, Weighting
from kiosk.ballot.weights import SessionWeights, session_weights, weights_history


class WeightsError(ValueError):
    """The weighted counts cannot be made; nothing is reported."""


def apply_weights(results: dict[str, Any], base: ElectionDefinition, addenda: list[Addendum]) -> None:
    final = amend_all(base, addenda)
    for entry in results["sessions"]:
        current = session_weights(final, entry["id"])
        if current is None:
            continue
        session = final.definition.session(entry["id"])
        history = weights_history(base, addenda, session.id)
        current = history[-1] if history else current  # "as of" the addendum that last recomputed them
        entry["ballot_counts"] = {"ballots": entry["ballots"], "questions": copy.deepcopy(entry["questions"])}
        if current.weighting is Weighting.BY_GROUP:
            _weigh_by_group(entry, session, current)
        else:
            _weigh_per_voter(entry, current, final)
        entry["weights"] = {**current.as_dict(), "history": [h.as_dict() for h in history]}


def _weigh_by_group(entry: dict[str, Any], session: VotingSession, weights: SessionWeights) -> None:
    groups = entry.get("groups", [])
    grouped = sum(g["ballots"] for g in groups)
    if grouped != entry["ballots"]:
        raise WeightsError(
            f"session {session.id!r}: {entry['ballots'] - grouped} ballot(s) carry no group, so their "
            "votes cannot be weighted (the session was declared weighted by group after they were cast); "
            "a weighting must be declared before the vote opens"
        )
    entry["weighted_ballots"] = sum(weights.of_group(g["id"]) * g["ballots"] for g in groups)
    for question in entry["questions"]:
        qid = question["id"]
        per_group = [(weights.of_group(g["id"]), g["ballots"], _options_of(g, qid)) for g in groups]
        for option in question["options"]:
            option["votes"] = sum(w * votes.get(option["id"], 0) for w, _, votes in per_group)
        # one choice per ballot (definition.py refuses several): a group's blanks are its other ballots
        question["blank"] = sum(w * (ballots - sum(votes.values())) for w, ballots, votes in per_group)


def _options_of(group: dict[str, Any], question_id: str) -> dict[str, int]:
    for question in group["questions"]:
        if question["id"] == question_id:
            return {o["id"]: o["votes"] for o in question["options"]}
    return {}


def _weigh_per_voter(entry: dict[str, Any], weights: SessionWeights, state: Amended) -> None:
    rows = entry.get("recorded_votes", [])
    if len(rows) != entry["ballots"]:
        raise WeightsError(f"session {entry['id']!r}: {entry['ballots']} ballots, {len(rows)} named: "
                           "a vote weighted per voter counts named ballots only")
    # an adviser's ballot carries the mandates of the delegate whose vote it is
    carried = [(weights.of_voter(state.cast_for.get((entry["id"], r["voter"]), r["voter"])), r) for r in rows]
    entry["weighted_ballots"] = sum(w for w, _ in carried)
    for question in entry["questions"]:
        for option in question["options"]:
            chose = option["id"]
            option["votes"] = sum(w for w, r in carried if chose in r["answers"].get(question["id"], []))
        question["blank"] = sum(w for w, r in carried if not r["answers"].get(question["id"]))


def quorum_base(entry: dict[str, Any]) -> int | None:
    """A weighted vote's quorum counts votes: its base is every entitled member's votes."""
    weights = entry.get("weights")
    return None if weights is None else int(weights["total"])
