"""The booth takes in an addendum: checked, shown to the poll worker, then applied in one commit.

Where the bytes come from is the caller's business (kiosk/booth/addenda_stick.py reads a stick; the
hall network can hand them over the same way). Checks, before anything changes: the authority's
signature, the package it amends (this booth's), its number (the next one: no addendum skipped,
repeated or out of order), that its changes fit the election as amended so far, and that it changes
the weighting of no vote in which this booth already holds ballots (the officials' desk refuses such
an addendum when it has imported those votes; a booth offline is the first to know). A refusal says
why (AddendumRefusal, translated on the poll worker's screen) and changes nothing but the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from kiosk.ballot.addendum import Addendum, AddendumError, AddendumRefusal, next_in_sequence, parse_addendum
from kiosk.ballot.amendments import Amended, amend
from kiosk.ballot.audit_events import Event
from kiosk.ballot.definition import Weighting
from kiosk.ballot.weights import GroupWeight, SessionWeights, reweighted, session_weights

if TYPE_CHECKING:
    from kiosk.booth.station import Station

ADDENDA = "addenda"  # the ballot box's setting: every addendum taken in, as signed, in order


@dataclass(frozen=True)
class DelegationShown:
    session: str
    delegate: str
    adviser: str
    voted_first: bool  # the delegate already voted here in that session: the delegation is refused


@dataclass(frozen=True)
class WeightingShown:
    """A vote whose weighting this addendum changes: declared, dropped, or its weights recomputed
    because the composition changed (a member added or struck off)."""

    session: str
    weighting: Weighting
    groups: tuple[GroupWeight, ...] = ()  # by group: each group's members and the votes each carries


@dataclass(frozen=True)
class AddendumPreview:
    """What an addendum changes at this booth, for the poll worker to read before accepting it."""

    number: int
    digest: str
    sessions: list[tuple[str, dict[str, str]]]  # (id, title in every language)
    voters_added: list[str] = field(default_factory=list)  # names, of this booth's voters
    delegations: list[DelegationShown] = field(default_factory=list)  # of this booth's voters
    revocations: list[tuple[str, str]] = field(default_factory=list)  # (delegate, session)
    codes_reissued: list[str] = field(default_factory=list)  # names, of this booth's voters
    struck: list[str] = field(default_factory=list)  # names, of this booth's voters
    weightings: list[WeightingShown] = field(default_factory=list)  # votes whose weights change


def preview_addendum(station: Station, data: bytes) -> AddendumPreview:
    """What the addendum would change here, every check made; changes nothing (AddendumError)."""
    addendum, after = _checked(station, data)
    return _preview(station, addendum, after)


def take_in_addendum(station: Station, data: bytes, seen: AddendumPreview, by: str) -> AddendumPreview:
    """Applies the addendum the poll worker read (the same digest), in one commit: the addendum
    kept, the codes of this booth's voters changed, the audit event; then the election is amended.
    Every check is made again: a vote may have been cast since the poll worker read it."""
    addendum, after = _checked(station, data)
    if addendum.digest != seen.digest:
        detail = "this is not the addendum the poll worker read"
        _refuse(station, AddendumError(AddendumRefusal.NOT_THE_ONE_READ, detail))
    preview = _preview(station, addendum, after)
    with station.box.transaction() as c:
        held = station.box.get_setting(c, ADDENDA, [])
        if len(held) != addendum.number - 1:  # another poll worker's screen took one in meanwhile
            raise AddendumError(AddendumRefusal.REPEATED, f"addendum {addendum.number} was already taken in")
        refused = _reweighting_votes_cast(station, addendum, c)  # a vote cast since the preview
        if refused is None:
            _keep(station, c, addendum, after, preview, by)
    if refused is not None:
        _refuse(station, refused)
    station.reload_addenda()
    return preview


def _keep(station: Station, c: Connection, addendum: Addendum, after: Amended, preview: AddendumPreview,
          by: str) -> None:
    held = station.box.get_setting(c, ADDENDA, [])
    station.box.put_setting(c, ADDENDA, [*held, addendum.to_bytes().decode()])
    mine = {v.id for v in after.definition.voters_at(station.station_id)}
    body = addendum.body
    changed = [(x.voter, x.code_hash) for x in body.codes]
    changed += [(x.voter.id, x.code_hash) for x in body.voters]
    for voter_id, code_hash in changed:
        if voter_id in mine:
            station.box.replace_credential(c, voter_id, code_hash)
    for voter_id in body.struck:
        station.box.remove_credential(c, voter_id)
    station.box.append_audit(c, Event.ADDENDUM_TAKEN_IN,
                             {"number": addendum.number, "digest": addendum.digest, "by": by})
    for d in preview.delegations:
        if d.voted_first:
            refused = {"session": d.session, "delegate": d.delegate, "reason": "voted_first"}
            station.box.append_audit(c, Event.DELEGATION_REFUSED, refused)


def _checked(station: Station, data: bytes) -> tuple[Addendum, Amended]:
    state = station.amended_election()  # TransitionRefused on a booth not set up
    base = station.base_package
    assert base is not None
    try:
        addendum = parse_addendum(data, base)
        next_in_sequence(addendum, station.held_addenda())
        after = amend(state, addendum)
        with station.box.read() as reading:
            refused = _reweighting_votes_cast(station, addendum, reading)
        if refused is not None:
            raise refused
        return addendum, after
    except AddendumError as exc:
        _refuse(station, exc)
        raise  # unreachable: _refuse raises


def _reweighting_votes_cast(station: Station, addendum: Addendum, c: Connection) -> AddendumError | None:
    """The refusal of an addendum that changes the weighting of a vote this booth holds ballots of:
    they were cast under the earlier weighting, and would be counted under the new one."""
    for change in reweighted(station.amended_election(), addendum.body):
        cast = station.box.marks_in(change.session, c)
        if cast:
            detail = change.after_votes(cast, "at this booth")
            return AddendumError(AddendumRefusal.VOTES_CAST, detail, (change.session, str(addendum.number)))
    return None


def _refuse(station: Station, exc: AddendumError) -> None:
    with station.box.transaction() as c:
        station.box.append_audit(c, Event.ADDENDUM_REFUSED, {"reason": exc.reason.value})
        if exc.reason is AddendumRefusal.VOTES_CAST:  # which vote, for the officials reading the log
            session, number = exc.names
            station.box.append_audit(c, Event.WEIGHTING_REFUSED,
                                     {"number": int(number), "session": session, "reason": exc.reason.value})
    raise exc


def _preview(station: Station, addendum: Addendum, after: Amended) -> AddendumPreview:
    body = addendum.body
    here = {v.id: v for v in after.definition.voters_at(station.station_id)}
    delegations = [
        DelegationShown(d.session, d.delegate, d.adviser, d.session in station.box.voted_sessions(d.delegate))
        for d in body.delegations if d.delegate in here
    ]
    return AddendumPreview(
        number=addendum.number,
        digest=addendum.digest,
        sessions=[(s.session.id, dict(s.session.title)) for s in body.sessions],
        voters_added=[here[v.voter.id].name for v in body.voters if v.voter.id in here],
        delegations=delegations,
        revocations=[(r.delegate, r.session) for r in body.revocations if r.delegate in here],
        codes_reissued=[here[c.voter].name for c in body.codes if c.voter in here],
        struck=[here[v].name for v in body.struck if v in here],
        weightings=weightings_changed(station.amended_election(), after),
    )


def weightings_changed(before: Amended, after: Amended) -> list[WeightingShown]:
    """Every vote of the election whose weighting or weights differ after the addendum: a weight is
    the election's, not the booth's, so it is shown at every booth."""
    known = {s.id for s in before.definition.sessions}
    shown = []
    for session in after.definition.sessions:
        was = session_weights(before, session.id) if session.id in known else None
        now = session_weights(after, session.id)
        if _weighing(was) == _weighing(now):
            continue
        if now is None:
            shown.append(WeightingShown(session.id, Weighting.NONE))
        else:
            shown.append(WeightingShown(session.id, now.weighting, now.groups))
    return shown


def _weighing(weights: SessionWeights | None) -> object:
    return None if weights is None else (weights.weighting, weights.groups, weights.voters)
