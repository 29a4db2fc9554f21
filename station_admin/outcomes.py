"""A question's outcome under its rule, from its counts.

Votes cast are the yes and no votes, plus the abstentions when the rule counts them; blank ballots
are never votes cast. Simple majority: yes is more than half the votes cast (without abstentions,
more yes than no). Two-thirds: yes is at least two thirds of the votes cast. Quorum, as the
International Labour Conference counts it: the vote is valid only if the votes cast reach the share
of the base (the session's eligible voters, or the number attending entered at tally time); a vote
without quorum is neither adopted nor rejected. All arithmetic is exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from kiosk.ballot.definition import Majority, OptionRole, QuorumBase, Rule


@dataclass(frozen=True)
class RoleVotes:
    yes: int
    no: int
    abstain: int


@dataclass(frozen=True)
class Outcome:
    outcome: str  # adopted | rejected | no quorum | counted
    votes_cast: int
    quorum: dict[str, Any] | None = None  # {"base", "base_count", "required", "reached"}

    def as_dict(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"outcome": self.outcome, "votes_cast": self.votes_cast}
        if self.quorum is not None:
            entry["quorum"] = self.quorum
        return entry


def decide(rule: Rule, votes: RoleVotes, eligible: int, attending: int | None) -> Outcome:
    """`attending` is what officials entered for the session; without it the base is the eligible."""
    cast = votes.yes + votes.no + (votes.abstain if rule.count_abstentions else 0)
    quorum = None
    if rule.quorum is not None:
        entered = rule.quorum.base is QuorumBase.ATTENDING and attending is not None
        base = attending if entered and attending is not None else eligible
        share = Fraction(str(rule.quorum.share))
        required = -(-share.numerator * base // share.denominator)  # the smallest whole number >= share*base
        quorum = {
            "base": "attending" if entered else "eligible",
            "base_count": base,
            "share": rule.quorum.share,
            "required": required,
            "reached": cast >= required,
        }
        if not quorum["reached"]:
            return Outcome("no quorum", cast, quorum)
    if rule.majority is Majority.SIMPLE:
        adopted = 2 * votes.yes > cast
    elif rule.majority is Majority.TWO_THIRDS:
        adopted = cast > 0 and 3 * votes.yes >= 2 * cast
    else:
        return Outcome("counted", cast, quorum)
    return Outcome("adopted" if adopted else "rejected", cast, quorum)


def plurality_winners(votes: dict[str, int], places: int) -> tuple[list[str], bool]:
    """The `places` options with the most votes, and whether a tie at the last place left it open."""
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if not ranked or places <= 0:
        return [], False
    winners = [option for option, count in ranked[:places] if count > 0]
    if len(ranked) > places and ranked[places][1] == ranked[places - 1][1] and ranked[places][1] > 0:
        return winners, True
    return winners, False


def role_votes(roles: dict[str, OptionRole], votes: dict[str, int]) -> RoleVotes:
    def total(role: OptionRole) -> int:
        return sum(votes.get(option, 0) for option, r in roles.items() if r is role)

    return RoleVotes(total(OptionRole.YES), total(OptionRole.NO), total(OptionRole.ABSTAIN))
