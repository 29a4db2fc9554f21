"""Releasing a delegate stuck "being recorded" at a booth lost for good (`station-admin hall release`).

A booth that vanishes mid-cast leaves its reservation of the delegate's mark in the hall: the hall
never drops one on its own (kiosk/booth/hall_cast.py), so the delegate cannot vote anywhere. Officials
may release it, and only it:
  - only a reservation (a confirmed mark is a vote: never released), held by the booth they name;
  - refused while that booth shows it is at work (it reserved a mark less than BOOTH_AT_WORK_S ago),
    unless forced; a reason is always given;
  - signed with the authority key and kept in the hall's database beside the marks (the audit);
  - its cast id is never confirmed after (HallStore.confirm answers "released"): if the lost booth
    comes back holding a ballot for it, it voids that ballot alone (kiosk/booth/hall_void.py), and
    the import refuses a stick still holding a second mark for the delegate
    (station_admin/import_checks.py), so there is never a double vote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Row, func, insert, select
from sqlalchemy.exc import DBAPIError

from kiosk.ballot.signing import sign_json
from kiosk.ballot.times import iso, parse_iso
from station_admin.hall.store import HallStore, MarkState, StoreUnavailable, hall_marks, hall_releases

RELEASE_DOMAIN = "isoloir hall release/1"
# A booth at work reserves again within a voter's walk to it; two minutes of silence after a
# reservation means its voter was told "cannot reach the hall", or the booth is gone.
BOOTH_AT_WORK_S = 120.0


class ReleaseRefused(ValueError):
    """Nothing was released; says why."""


@dataclass(frozen=True)
class Release:
    voter_id: str
    session_id: str
    station: str
    reason: str
    forced: bool
    released_at: datetime  # signed, and stored, as the booth's one time text (times.iso)


def release(store: HallStore, authority: Ed25519PrivateKey, wanted: Release) -> str:
    """The released cast id; ReleaseRefused (nothing changed) when it may not be released."""
    if not wanted.reason.strip():
        raise ReleaseRefused("give the reason for the release (--reason): it goes in the audit")
    try:
        with store.engine.begin() as c:
            mark = c.execute(select(hall_marks).where(
                hall_marks.c.election_id == store.election_id, hall_marks.c.session_id == wanted.session_id,
                hall_marks.c.voter_id == wanted.voter_id).with_for_update()).first()
            _check(mark, wanted)
            assert mark is not None
            latest = c.execute(select(func.max(hall_marks.c.reserved_at)).where(
                hall_marks.c.election_id == store.election_id,
                hall_marks.c.station == wanted.station)).scalar()
            assert latest is not None  # the station holds this very mark
            _check_quiet(parse_iso(latest), wanted)
            record = {"format": "isoloir-hall-release/1", "election_id": store.election_id,
                      "cast_id": mark.cast_id, **vars(wanted), "released_at": iso(wanted.released_at)}
            c.execute(insert(hall_releases).values(
                election_id=store.election_id, cast_id=mark.cast_id, session_id=wanted.session_id,
                voter_id=wanted.voter_id, station=wanted.station, record=json.dumps(record, sort_keys=True),
                signature=sign_json(authority, RELEASE_DOMAIN, record)))
            c.execute(hall_marks.delete().where(hall_marks.c.cast_id == mark.cast_id))
    except DBAPIError as exc:
        raise StoreUnavailable(str(exc.orig)) from None
    return str(mark.cast_id)


def _check(mark: Row[Any] | None, wanted: Release) -> None:
    if mark is None:
        raise ReleaseRefused(f"{wanted.voter_id} is not being recorded in {wanted.session_id}: "
                             "nothing to release")
    station, state = mark.station, mark.state
    if state == MarkState.CONFIRMED:
        raise ReleaseRefused(f"{wanted.voter_id} voted in {wanted.session_id} at {station}: "
                             "a vote is never released")
    if station != wanted.station:
        raise ReleaseRefused(f"{wanted.voter_id} is being recorded at {station}, not at {wanted.station}")


def _check_quiet(latest: datetime, wanted: Release) -> None:
    quiet = (wanted.released_at - latest).total_seconds()
    if quiet < BOOTH_AT_WORK_S and not wanted.forced:
        raise ReleaseRefused(
            f"{wanted.station} reserved a mark {max(quiet, 0):.0f} s ago: it may still be recording "
            f"{wanted.voter_id}'s ballot. Check that it is lost for good, then add --force")
