"""The election as amended by its addenda: the definition with sessions and voters added, the
delegations in force, the voters struck off and the codes replaced.

The booth, the hall and station-admin all compute it with this one function, from the package and
the addenda in their order, so that each sees the same election at the same addendum. Voters and
sessions are only ever appended: a record vote's ballot names its voter by position in the roll, and
those positions must not move between the booth that cast it and the tally that reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.ballot.addendum import Addendum, AddendumBody, AddendumError, AddendumRefusal, Delegation
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.package import ElectionPackage


@dataclass(frozen=True)
class Amended:
    definition: ElectionDefinition
    # (session, delegate) -> adviser
    delegations: dict[tuple[SessionId, VoterId], VoterId] = field(default_factory=dict)
    struck: frozenset[VoterId] = frozenset()
    codes: dict[VoterId, str] = field(default_factory=dict)  # voter -> code hash, from the addenda
    held: tuple[Addendum, ...] = ()
    # (session, adviser) -> delegate, for every delegation ever in force: a record vote's ballot
    # names the adviser who cast it, and the published list says whom they voted for.
    cast_for: dict[tuple[SessionId, VoterId], VoterId] = field(default_factory=dict)

    def acting_for(self, adviser: VoterId, session_id: SessionId) -> VoterId | None:
        """The delegate whose vote the adviser casts in that session, if a delegation is in force."""
        for (session, delegate), holder in self.delegations.items():
            if session == session_id and holder == adviser:
                return delegate
        return None

    def delegated(self, delegate: VoterId, session_id: SessionId) -> VoterId | None:
        """The adviser who holds the delegate's vote in that session, if any."""
        return self.delegations.get((session_id, delegate))

    def sessions_of(self, voter_id: VoterId) -> list[SessionId]:
        """The sessions in which this person may cast a ballot: their own (unless delegated away)
        and those delegated to them; none once struck off."""
        if voter_id in self.struck:
            return []
        voter = self.definition.voter(voter_id)
        own = [s for s in voter.sessions if (s, voter_id) not in self.delegations]
        theirs = {s for (s, _), adviser in self.delegations.items() if adviser == voter_id}
        return [s.id for s in self.definition.sessions if s.id in own or s.id in theirs]


def unamended(definition: ElectionDefinition) -> Amended:
    return Amended(definition)


def amend(state: Amended, addendum: Addendum) -> Amended:
    """The election after this addendum; AddendumError (DOES_NOT_FIT) if its changes do not fit."""
    body = addendum.body
    problems = content_problems(state, body)
    if problems:
        raise AddendumError(AddendumRefusal.DOES_NOT_FIT, "; ".join(problems))
    definition = _amended_definition(state.definition, body)
    delegations = dict(state.delegations)
    for revocation in body.revocations:
        del delegations[(revocation.session, revocation.delegate)]
    cast_for = dict(state.cast_for)
    for d in body.delegations:
        delegations[(d.session, d.delegate)] = d.adviser
        cast_for[(d.session, d.adviser)] = d.delegate
    codes = {**state.codes, **{c.voter: c.code_hash for c in body.codes}}
    codes.update({v.voter.id: v.code_hash for v in body.voters})
    return Amended(definition, delegations, state.struck | set(body.struck), codes,
                   (*state.held, addendum), cast_for)


def amend_all(definition: ElectionDefinition, addenda: list[Addendum]) -> Amended:
    state = unamended(definition)
    for addendum in addenda:
        state = amend(state, addendum)
    return state


def amended_package(package: ElectionPackage, state: Amended) -> ElectionPackage:
    """The package as amended: the same fingerprint and signature (booths' certificates bind them),
    the amended definition inside."""
    body = package.body.model_copy(update={"definition": state.definition})
    return ElectionPackage(body, package.raw_body, package.signature, amends=package)


def _amended_definition(definition: ElectionDefinition, body: AddendumBody) -> ElectionDefinition:
    if not body.sessions and not body.voters and not body.weightings:
        return definition
    raw: dict[str, Any] = definition.model_dump(mode="json")
    weighted = {w.session: w.weighting.value for w in body.weightings}
    for session in raw["sessions"]:
        session["weighting"] = weighted.get(session["id"], session["weighting"])
    raw["voters"] += [v.voter.model_dump(mode="json") for v in body.voters]
    for added in body.sessions:
        raw["sessions"].append(added.session.model_dump(mode="json"))
        eligible = set(added.voters)
        for voter in raw["voters"]:
            if voter["id"] in eligible:
                voter["sessions"].append(added.session.id)
    try:
        return ElectionDefinition.model_validate(raw)
    except ValueError as exc:  # e.g. a new session without a title in one of the languages
        raise AddendumError(AddendumRefusal.DOES_NOT_FIT, str(exc)) from None


def content_problems(state: Amended, body: AddendumBody) -> list[str]:
    """Each change of the addendum that does not fit the election as amended so far."""
    definition = state.definition
    voters = {v.id: v for v in definition.voters}
    sessions = {s.id for s in definition.sessions}
    stations = {s.id for s in definition.stations}
    problems: list[str] = []
    for added in body.sessions:
        if added.session.id in sessions:
            problems.append(f"session {added.session.id!r} already exists")
        new_ids = {v.voter.id for v in body.voters}
        problems += [f"session {added.session.id!r}: no voter {v!r}" for v in added.voters
                     if v not in voters and v not in new_ids]
    for new in body.voters:
        if new.voter.id in voters:
            problems.append(f"voter {new.voter.id!r} already exists")
        if new.voter.station not in stations:
            problems.append(f"voter {new.voter.id!r}: no station {new.voter.station!r}")
        unknown = [s for s in new.voter.sessions if s not in sessions]
        problems += [f"voter {new.voter.id!r}: no session {s!r}" for s in unknown]
    problems += [f"no session {w.session!r} to weight" for w in body.weightings if w.session not in sessions]
    for voter_id in [c.voter for c in body.codes] + list(body.struck):
        if voter_id not in voters:
            problems.append(f"no voter {voter_id!r}")
    for revocation in body.revocations:
        if (revocation.session, revocation.delegate) not in state.delegations:
            problems.append(f"{revocation.delegate!r} has delegated no vote in {revocation.session!r}")
    revoked = {(r.session, r.delegate) for r in body.revocations}
    for delegation in body.delegations:
        problems += delegation_problems(state, delegation, revoked)
    return problems


def delegation_problems(
    state: Amended, d: Delegation, revoked: set[tuple[SessionId, VoterId]] | None = None
) -> list[str]:
    """Why this delegation cannot be made: the ILO Constitution (article 3, paragraph 8) lets a
    delegate appoint one of *their* advisers as deputy, so both belong to one delegation and group."""
    voters = {v.id: v for v in state.definition.voters}
    delegate, adviser = voters.get(d.delegate), voters.get(d.adviser)
    if delegate is None or adviser is None:
        return [f"no voter {(d.adviser if delegate else d.delegate)!r}"]
    if d.session not in {s.id for s in state.definition.sessions}:
        return [f"no session {d.session!r}"]
    problems = []
    if d.session not in delegate.sessions:
        problems.append(f"{d.delegate!r} does not vote in {d.session!r}")
    if d.session in adviser.sessions:
        problems.append(f"{d.adviser!r} votes in {d.session!r} in their own right")
    same = (delegate.delegation, delegate.group) == (adviser.delegation, adviser.group)
    if delegate.delegation is None or not same:
        problems.append(f"{d.adviser!r} is not an adviser of {d.delegate!r}'s delegation and group")
    if delegate.station != adviser.station:
        # until the hall network keeps one roll for every booth, the delegate's booth alone knows
        # whether the delegate voted, so the adviser votes there too
        problems.append(f"{d.adviser!r} votes at {adviser.station!r}, {d.delegate!r} at {delegate.station!r}")
    key = (d.session, d.delegate)
    if key in state.delegations and key not in (revoked or set()):
        problems.append(f"{d.delegate!r} already delegated their vote in {d.session!r}")
    holding = state.acting_for(d.adviser, d.session)
    if holding is not None and (d.session, holding) not in (revoked or set()):
        problems.append(f"{d.adviser!r} already votes for {holding!r} in {d.session!r}")
    if d.delegate in state.struck or d.adviser in state.struck:
        problems.append("a voter struck off the roll can neither delegate nor hold a vote")
    return problems
