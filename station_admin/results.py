"""From counts to results: each question's outcome, each list's seats, turnout, and the counts per
group only where they keep the ballot secret.

Adds fields beside the documented shape and never changes it:
{"sessions": [{"id", "ballots", "questions": [{"id", "blank", "options": [{"id", "votes"}]}]}]}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kiosk.ballot.definition import (
    BallotMode,
    ElectionDefinition,
    ListChoice,
    Majority,
    MultipleChoice,
    OptionRole,
    SingleChoice,
    VotingSession,
    Weighting,
)
from kiosk.ballot.ids import SessionId
from station_admin.outcomes import decide, plurality_winners, role_votes
from station_admin.seats import ListVotes, allocate
from station_admin.weights import quorum_base

# A group's counts are published only if every group of the session cast at least this many ballots:
# with fewer, a delegation's choice could be read off (with one ballot it is plain). Ten is the
# smallest group that still hides one delegate among several in the ILC's three groups.
MIN_GROUP_BALLOTS = 10


class ResultsError(ValueError):
    pass


@dataclass(frozen=True)
class TallyInputs:
    """What officials enter at tally time."""

    attending: dict[str, int] = field(default_factory=dict)  # session -> delegates attending
    lot_seed: str | None = None  # for ties the definition breaks by lot


def check_attending(definition: ElectionDefinition, attending: dict[str, int]) -> None:
    for given, count in attending.items():
        session_id = SessionId(given)  # a name the official typed (--attending)
        try:
            eligible = definition.eligible_count(definition.session(session_id).id)
        except KeyError:
            known = ", ".join(s.id for s in definition.sessions)
            raise ResultsError(f"--attending: no session {session_id!r}; sessions: {known}") from None
        if definition.session(session_id).weighting is not Weighting.NONE:
            raise ResultsError(
                f"--attending {session_id}: a weighted vote's quorum counts the votes of every member "
                "entitled to vote, from the roll; no attending number is entered for it"
            )
        if not 0 <= count <= eligible:
            raise ResultsError(
                f"--attending {session_id}={count}: must be between 0 and the {eligible} eligible voters"
            )


def with_outcomes(
    results: dict[str, Any],
    definition: ElectionDefinition,
    marks: Iterable[tuple[str, str]],
    inputs: TallyInputs,
) -> dict[str, Any]:
    voted: dict[str, set[str]] = {}
    for session_id, voter_id in marks:
        voted.setdefault(session_id, set()).add(voter_id)
    for entry in results["sessions"]:
        session = definition.session(entry["id"])
        attending = inputs.attending.get(session.id)
        weighted = quorum_base(entry)
        eligible = definition.eligible_count(session.id) if weighted is None else weighted
        if attending is not None:
            entry["attending"] = attending
        entry["kind"] = session.mode.value
        entry["turnout"] = _turnout(definition, session, voted.get(session.id, set()))
        for question_entry in entry["questions"]:
            question = session.question(question_entry["id"])
            _decide(question, question_entry, eligible, attending, inputs.lot_seed)
        _keep_groups_secret(entry)
    return results


def _decide(
    question: SingleChoice | MultipleChoice | ListChoice,
    entry: dict[str, Any],
    eligible: int,
    attending: int | None,
    lot_seed: str | None,
) -> None:
    votes = {o["id"]: o["votes"] for o in entry["options"]}
    if isinstance(question, ListChoice):
        seats = allocate(
            [ListVotes(lst.id, votes[lst.id]) for lst in question.lists],
            question.seats.seats,
            question.seats.method,
            question.seats.tie_break,
            lot_seed,
        )
        for option in entry["options"]:
            option["seats"] = seats[option["id"]]
        entry["outcome"] = "seats allocated" if any(seats.values()) else "no votes"
        entry["seats"] = question.seats.seats
        entry["method"] = question.seats.method.value
        return
    roles = {o.id: o.role for o in question.options}
    has_yes = OptionRole.YES in roles.values()
    if question.rule.majority in (Majority.SIMPLE, Majority.TWO_THIRDS) and has_yes:
        entry.update(decide(question.rule, role_votes(roles, votes), eligible, attending).as_dict())
        entry["majority"] = question.rule.majority.value
        return
    if question.rule.majority is Majority.NONE:
        entry["outcome"] = "counted"
        return
    winners, tied = plurality_winners(votes, question.max_choices)
    entry["outcome"] = "tie" if tied else "decided"
    entry["winners"] = winners
    entry["majority"] = Majority.PLURALITY.value


def _turnout(definition: ElectionDefinition, session: VotingSession, voted: set[str]) -> dict[str, Any]:
    eligible = [v for v in definition.voters if session.id in v.sessions]
    groups = []
    for group in definition.groups:
        members = [v.id for v in eligible if v.group == group.id]
        if members:
            count = sum(1 for v in members if v in voted)
            groups.append({"id": group.id, "eligible": len(members), "voted": count})
    return {
        "eligible": len(eligible),
        "voted": len(voted),
        "share": round(len(voted) / len(eligible), 4) if eligible else 0.0,
        "groups": groups,
    }


def _keep_groups_secret(entry: dict[str, Any]) -> None:
    """A secret ballot's group counts only above the floor; a show of hands publishes them always,
    as the ILC does (its record names no one: only the groups' numbers)."""
    groups = entry.get("groups")
    if groups is None or entry.get("kind") == BallotMode.SHOW_OF_HANDS.value:
        return
    if entry.get("weights", {}).get("weighting") == Weighting.BY_GROUP.value:
        # the weighted totals give each group's count back (17,020 a, 13,432 b, 13,505 c is one
        # number per (a, b, c)): withholding the groups would hide nothing, so they are published
        return
    small = [g["id"] for g in groups if 0 < g["ballots"] < MIN_GROUP_BALLOTS]  # none cast reveals nothing
    if small:
        del entry["groups"]
        entry["groups_withheld"] = (
            f"counts per group are not published: {', '.join(small)} cast fewer than "
            f"{MIN_GROUP_BALLOTS} ballots, so their choices could be read off"
        )
