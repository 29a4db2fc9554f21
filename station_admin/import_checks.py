"""What the import checks beyond the signatures: that a sealed file tells one consistent story.

A booth's key signs whatever its database holds, so a booth whose storage was edited (or a booth key
in the wrong hands) can sign a file that verifies and still lies. These checks refuse such a file:
marks for voters the booth does not serve or who already voted elsewhere, and ballots or marks that
the booth's own hash-chained audit log does not account for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from kiosk.ballot.audit_events import Event, serves_the_hall
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import SealedE2E
from kiosk.ballot.sealed_file import Refusal, SealedFile, SealedFileError
from station_admin import tally_db as db

AnySealed = SealedFile | SealedE2E  # version 1 (HPKE ballots) or 2 (end-to-end)


def check_voters_served(sealed: SealedFile, package: ElectionPackage) -> None:
    """A booth only lets in the voters of its own roll: a mark for anyone else was not made by it.
    A booth of a hall (its signed set-up event says so) serves every delegate; a mark another
    booth's file also holds is then refused by check_no_double_vote."""
    station = sealed.manifest.station
    voters = (
        package.definition.voters if serves_the_hall(sealed.audit) else package.definition.voters_at(station)
    )
    served = {v.id for v in voters}
    strangers = sorted({voter for _, voter in sealed.marks if voter not in served})
    if strangers:
        raise SealedFileError(
            Refusal.NOT_SERVED,
            f"booth {station!r} holds a mark for voter {strangers[0]!r}, who votes at another booth",
        )


def double_marks(connection: Connection, sealed: AnySealed) -> list[tuple[str, str, str]]:
    """(session, voter, other booth) for each mark of this file that another file already holds."""
    mine = set(sealed.marks)
    voters = {voter for _, voter in mine}
    rows: list[tuple[str, str, str]] = []
    ids = sorted(voters)
    for start in range(0, len(ids), 500):  # a bound list of parameters stays under every database's limit
        rows += connection.execute(
            select(db.marks.c.session_id, db.marks.c.voter_id, db.imports.c.station)
            .join(db.imports, db.imports.c.file_sha256 == db.marks.c.import_sha256)
            .where(db.marks.c.voter_id.in_(ids[start : start + 500]))
            .where(db.imports.c.election_id == sealed.manifest.election_id)
        ).all()
    return sorted((s, v, station) for s, v, station in rows if (s, v) in mine)


def check_no_double_vote(connection: Connection, sealed: AnySealed) -> None:
    doubles = double_marks(connection, sealed)
    if doubles:
        session, voter, other = doubles[0]
        raise SealedFileError(
            Refusal.DOUBLE_VOTE,
            f"voter {voter!r} is already marked in session {session!r} by booth {other!r}",
        )


@dataclass
class _Replay:
    """The booth's state as its audit log tells it, event by event."""

    set_up: list[dict[str, Any]] = field(default_factory=list)
    polls: str = "not open"
    active: set[str] = field(default_factory=set)
    cast: Counter[str] = field(default_factory=Counter)
    closed_ballots: int | None = None
    closed_sessions: dict[str, int] = field(default_factory=dict)  # session -> ballots at its close


def check_audit_log(sealed: AnySealed) -> None:
    """Per session, the log's cast events equal the ballots and the marks; each was cast while
    polls were open and its session active; the set-up names this booth and package, the opening
    this mode, and the closing the file's number of ballots."""
    manifest = sealed.manifest
    replay = _replay(sealed)
    for setup in replay.set_up:
        if (setup.get("station"), setup.get("fingerprint"), setup.get("election")) != (
            manifest.station,
            manifest.election_fingerprint,
            manifest.election_id,
        ):
            _mismatch("its set-up event names another booth or election package")
    if not replay.set_up:
        _mismatch("it has no set-up event")
    ballots = _ballot_sessions(sealed)
    only = session_of(sealed)
    if only is not None:  # a session file: its session's close, and nothing of the others
        replay.closed_ballots = replay.closed_sessions.get(only)
        replay.cast = Counter({only: replay.cast[only]})
    if replay.closed_ballots is None:
        _mismatch("it has no closing event")
    if replay.closed_ballots != ballots.total():
        _mismatch(f"polls closed with {replay.closed_ballots} ballots, the file holds {ballots.total()}")
    marks: Counter[str] = Counter(s for s, _ in sealed.marks)
    for session in sorted(set(ballots) | set(marks) | set(replay.cast)):
        if not replay.cast[session] == ballots[session] == marks[session]:
            _mismatch(
                f"session {session!r}: the log shows {replay.cast[session]} ballots cast, the file holds "
                f"{ballots[session]} ballots and {marks[session]} marks"
            )


def session_of(sealed: AnySealed) -> str | None:
    """The one session of a session file (closed at a hall while polls stayed open); None for a
    file of the whole day."""
    return sealed.manifest.session


def _ballot_sessions(sealed: AnySealed) -> Counter[str]:
    if isinstance(sealed, SealedE2E):
        return Counter({session: len(cast) for session, cast in sealed.ballots.items()})
    return Counter(b.session for b in sealed.ballots)


def _replay(sealed: AnySealed) -> _Replay:
    replay = _Replay()
    for entry in sealed.audit:
        data, event = entry.data, entry.event
        if event == Event.STATION_SET_UP:
            replay.set_up.append(data)
        elif event == Event.POLLS_OPENED:
            if data.get("mode") != sealed.manifest.mode:
                _mismatch(f"polls opened in {data.get('mode')!r} mode, the file says {sealed.manifest.mode}")
            replay.polls = "open"
        elif event == Event.POLLS_PAUSED:
            replay.polls = "paused"
        elif event == Event.POLLS_RESUMED:
            replay.polls = "open"
        elif event == Event.SESSION_ACTIVATED:
            replay.active.add(str(data.get("session")))
        elif event == Event.SESSION_DEACTIVATED:
            replay.active.discard(str(data.get("session")))
        elif event == Event.SESSION_CLOSED:
            replay.active.discard(str(data.get("session")))
            ballots = data.get("ballots")
            replay.closed_sessions[str(data.get("session"))] = ballots if isinstance(ballots, int) else -1
        elif event == Event.BALLOT_CAST:
            session = str(data.get("session"))
            if replay.polls != "open" or session not in replay.active:
                _mismatch(f"a ballot was cast in session {session!r} while it was not open for voting")
            replay.cast[session] += 1
        elif event == Event.BALLOT_VOIDED:  # a cast released at the hall: its ballot and mark went
            replay.cast[str(data.get("session"))] -= 1
        elif event == Event.POLLS_CLOSED:
            replay.polls = "closed"
            ballots = data.get("ballots")
            replay.closed_ballots = ballots if isinstance(ballots, int) else -1
    return replay


def _mismatch(detail: str) -> None:
    raise SealedFileError(Refusal.AUDIT_MISMATCH, detail)
