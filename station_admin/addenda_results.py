"""The addenda in the results: what each one changed, the delegations, which addenda each booth
held (from its own audit log), and a record vote's ballots cast by an adviser named for the delegate."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.amendments import Amended
from kiosk.ballot.audit_events import Event
from station_admin import tally_db as db


def addenda_entries(addenda: list[Addendum]) -> list[dict[str, Any]]:
    entries = []
    for addendum in addenda:
        body = addendum.body
        entries.append({
            "number": body.number,
            "digest": addendum.digest,
            "issued": body.issued,
            "sessions": [s.session.id for s in body.sessions],
            "voters_added": [v.voter.id for v in body.voters],
            "delegations": [{"session": d.session, "delegate": d.delegate, "adviser": d.adviser}
                            for d in body.delegations],
            "revocations": [{"session": r.session, "delegate": r.delegate} for r in body.revocations],
            "codes_reissued": [c.voter for c in body.codes],
            "struck": list(body.struck),
            "weightings": [{"session": w.session, "weighting": w.weighting.value} for w in body.weightings],
        })
    return entries


def delegations_entries(
    state: Amended, engine: Engine, election_id: str, marks: set[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Every delegation recorded, with what became of it: "used" (the delegate's booth held it and
    their vote was cast: by the adviser, as the delegate could no longer vote there), "voted_first"
    (refused at the booth: the delegate had voted), "revoked", or "in_force" (not used)."""
    refused = _refused_at_booths(engine, election_id)
    held = booth_addenda(engine, election_id)
    rows = []
    for addendum in state.held:
        for d in addendum.body.delegations:
            key = (d.session, d.delegate)
            station = state.definition.voter(d.delegate).station
            if key in refused:
                status = "voted_first"
            elif state.delegations.get(key) != d.adviser:
                status = "revoked"
            elif key in marks and addendum.number in held.get(station, []):
                status = "used"
            else:
                status = "in_force"
            rows.append({"session": d.session, "delegate": d.delegate, "adviser": d.adviser,
                         "addendum": addendum.number, "status": status})
    return rows


def booth_addenda(engine: Engine, election_id: str) -> dict[str, list[int]]:
    """station -> the numbers of the addenda its booth took in, as its sealed audit log says."""
    held: dict[str, list[int]] = {}
    for station, entries in audit_logs(engine, election_id):
        held[station] = [int(e["data"]["number"]) for e in entries if e["event"] == Event.ADDENDUM_TAKEN_IN]
    return held


def name_delegates(
    results: dict[str, Any], state: Amended, delegations: list[dict[str, Any]], e2e: bool
) -> None:
    """A record vote's ballot cast by an adviser is published as the delegate's: "a001-3 for s001-1".

    An HPKE ballot names who cast it, the adviser, and `state.cast_for` gives whose vote it was. An
    end-to-end ballot names whose vote it is, the delegate (docs/e2e-spec.md §5: the marked voter's
    labels), so its caster is the adviser of the delegation that was used there (`delegations`, from
    delegations_entries: the booth held it, the delegate was marked, the delegate had not voted first);
    a delegate whose delegation was refused or never reached the booth voted in person."""
    used = {(d["session"], d["delegate"]): d["adviser"] for d in delegations if d["status"] == "used"}
    for session in results["sessions"]:
        rows = session.get("recorded_votes")
        if not rows:
            continue
        for row in rows:
            if e2e:
                adviser = used.get((session["id"], row["voter"]))
                if adviser is not None:
                    row["cast_by"] = adviser
                continue
            delegate = state.cast_for.get((session["id"], row["voter"]))
            if delegate is not None:
                row["cast_by"], row["voter"] = row["voter"], delegate
        rows.sort(key=lambda r: str(r["voter"]))


def _refused_at_booths(engine: Engine, election_id: str) -> set[tuple[str, str]]:
    refused = set()
    for _station, entries in audit_logs(engine, election_id):
        for e in entries:
            if e["event"] == Event.DELEGATION_REFUSED:
                refused.add((str(e["data"]["session"]), str(e["data"]["delegate"])))
    return refused


def audit_logs(engine: Engine, election_id: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """(station, its sealed audit log's entries in order) for every file imported."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(db.imports.c.station, db.audit_logs.c.entries)
            .join(db.audit_logs, db.audit_logs.c.import_sha256 == db.imports.c.file_sha256)
            .where(db.imports.c.election_id == election_id)
        ).all()
    return [(station, json.loads(entries)) for station, entries in rows]
