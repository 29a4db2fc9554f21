"""How many votes each ballot of a weighted session carries.

Weighted by group, as the International Labour Conference's committees vote: "to achieve equality
of strength", each Government, Employer and Worker member entitled to vote is allotted a number of
votes such that the three groups' totals are equal (Standing Orders of the International Labour
Conference, Part II, Section H, "Committees of the Conference", the article on votes in committees;
each committee's report states it, e.g. the 2018 Standard-Setting Committee on Violence and
Harassment, ILC107/PR8B(Rev.), paragraph 1: "initially composed of 515 members (146 Government
members, 185 Employer members and 184 Worker members). To achieve equality of strength, each
Government member entitled to vote was allotted ... votes, each Employer member ... and each Worker
member ...; the composition of the Committee was modified eight times during the session and the
number of votes attributed to each member adjusted accordingly"). The numbers are the smallest whole
numbers that make the group totals equal: with n_g members entitled to vote in group g and
L = lcm(n_g), each member of g carries L / n_g votes (146, 185, 184 give 17,020, 13,432, 13,505, each
group 2,484,920). docs/weights.md says where this rule was read and what could not be checked.

Weighted per voter (a union congress, each delegate carrying their mandates): the roll's `weight`.

The members entitled to vote are the session's voters in the election as amended, less those struck
off: a voter added or struck by an addendum changes the composition, and the weights with it. The
weighting itself (none, by group, per voter) is declared before the vote opens: an addendum that
changes it once ballots are cast in that vote would count them under another weighting than the one
they were cast under (`reweighted`), and the desk, the booth and the tally refuse it.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import lcm

from kiosk.ballot.addendum import Addendum, AddendumBody
from kiosk.ballot.amendments import Amended, amend
from kiosk.ballot.definition import ElectionDefinition, Weighting
from kiosk.ballot.ids import SessionId, VoterId

STANDING_ORDERS = (
    "ILC Standing Orders, Section H (Committees of the Conference), votes in committees: "
    "equality of strength between the Government, Employer and Worker members entitled to vote"
)


@dataclass(frozen=True)
class GroupWeight:
    group: str
    members: int  # entitled to vote in the session
    weight: int  # votes each member's ballot carries


@dataclass(frozen=True)
class SessionWeights:
    session: SessionId
    weighting: Weighting
    groups: tuple[GroupWeight, ...] = ()  # by group
    voters: tuple[tuple[VoterId, int], ...] = ()  # per voter: (voter, weight)
    as_of_addendum: int = 0  # the composition is the election's as amended by this many addenda

    def of_group(self, group: str | None) -> int:
        for g in self.groups:
            if g.group == group:
                return g.weight
        return 0

    def of_voter(self, voter: VoterId) -> int:
        return dict(self.voters).get(voter, 0)

    @property
    def total(self) -> int:
        """The votes of every member entitled to vote: a quorum's base in a weighted vote."""
        if self.weighting is Weighting.BY_GROUP:
            return sum(g.members * g.weight for g in self.groups)
        return sum(w for _, w in self.voters)

    def as_dict(self) -> dict[str, object]:
        entry: dict[str, object] = {"weighting": self.weighting.value, "as_of_addendum": self.as_of_addendum,
                                    "total": self.total}
        if self.weighting is Weighting.BY_GROUP:
            entry["rule"] = STANDING_ORDERS
            entry["groups"] = [{"id": g.group, "members": g.members, "weight": g.weight} for g in self.groups]
        else:
            entry["voters"] = [{"id": v, "weight": w} for v, w in self.voters]
        return entry


def equal_strength(members: dict[str, int]) -> dict[str, int]:
    """Votes per member of each group so that every group with members weighs the same: the
    smallest whole numbers, L / n_g with L the least common multiple of the group sizes. A group
    with no member entitled to vote carries nothing (there is no one to give votes to)."""
    present = {g: n for g, n in members.items() if n > 0}
    if not present:
        return {g: 0 for g in members}
    common = lcm(*present.values())
    return {g: common // n if n > 0 else 0 for g, n in members.items()}


def session_weights(state: Amended, session_id: SessionId) -> SessionWeights | None:
    """The weights of a session in the election as amended; None when it is not weighted."""
    definition = state.definition
    session = definition.session(session_id)
    if session.weighting is Weighting.NONE:
        return None
    entitled = [v for v in definition.voters if session_id in v.sessions and v.id not in state.struck]
    as_of = len(state.held)
    if session.weighting is Weighting.PER_VOTER:
        return SessionWeights(session_id, session.weighting, voters=tuple((v.id, v.weight) for v in entitled),
                              as_of_addendum=as_of)
    members = {g.id: sum(1 for v in entitled if v.group == g.id) for g in definition.groups}
    weights = equal_strength(members)
    groups = tuple(GroupWeight(g, members[g], weights[g]) for g in members)
    return SessionWeights(session_id, session.weighting, groups, as_of_addendum=as_of)


def weights_history(
    base: ElectionDefinition, addenda: list[Addendum], session_id: SessionId
) -> list[SessionWeights]:
    """Each recomputation of a session's weights: at the package, then at every addendum that
    changed its composition (a voter added or struck off) or its weighting. The last one applies."""
    state = Amended(base)
    history: list[SessionWeights] = []
    for step in range(len(addenda) + 1):
        if step:
            state = amend(state, addenda[step - 1])
        if session_id not in {s.id for s in state.definition.sessions}:
            continue
        weights = session_weights(state, session_id)
        last = history[-1] if history else None
        if weights is None:
            continue
        if last is None or (last.groups, last.voters, last.weighting) != (weights.groups, weights.voters,
                                                                            weights.weighting):
            history.append(weights)
    return history


@dataclass(frozen=True)
class Reweighting:
    """A vote whose weighting an addendum changes: from `was` to `now`."""

    session: SessionId
    was: Weighting
    now: Weighting

    def after_votes(self, cast: int, where: str) -> str:
        """Why such an addendum is refused, for the officials and the logs (English)."""
        return (f"{cast} vote(s) were already cast in session {self.session!r} {where} under its weighting "
                f"{self.was.value!r}: an addendum cannot count them as {self.now.value!r}. A weighting is "
                "declared before the vote opens; to vote under another, add a new vote")


def reweighted(state: Amended, body: AddendumBody) -> list[Reweighting]:
    """The votes of the election as amended so far whose weighting this addendum changes."""
    sessions = {s.id: s for s in state.definition.sessions}
    return [Reweighting(w.session, sessions[w.session].weighting, w.weighting) for w in body.weightings
            if w.session in sessions and sessions[w.session].weighting is not w.weighting]


def weighting_at(base: ElectionDefinition, addenda: list[Addendum]) -> list[dict[SessionId, Weighting]]:
    """Each vote's weighting at the package (index 0) and after each addendum (index n)."""
    state = Amended(base)
    steps = [{s.id: s.weighting for s in base.sessions}]
    for addendum in addenda:
        state = amend(state, addendum)
        steps.append({s.id: s.weighting for s in state.definition.sessions})
    return steps
