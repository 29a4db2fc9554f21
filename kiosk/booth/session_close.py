"""Votes close one by one: a voting session closed for good while polls stay open for the next.

The officials' desk closes a vote at the hall (`station-admin hall close SESSION`), or a poll worker
closes it at a booth; either way every booth of the hall stops taking ballots for it, seals that
session's ballots, marks and audit log (up to its session_closed event) in a sealed file of the
usual format (sorted by tracking code, signed by the booth key: kiosk/booth/sealing.py; version 2,
with its `session`, for end-to-end ballots) and sends it to the hall. Other sessions go on.

What is stored, so that a booth killed at any moment finishes by itself at its next start:
  - the close is one commit: the session leaves the active ones, joins CLOSED_SESSIONS, and the
    session_closed event records its number of ballots; then the cast order leaves the disk;
  - the session file is a pure function of what that commit froze (the session never takes a ballot
    again), so it is sealed again, to the same bytes, whenever it is still to be sent;
  - SENT_SESSIONS records the sessions the hall took; told_hall, the closes the hall has heard of.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import func, select

from kiosk.ballot.audit_events import Event
from kiosk.ballot.box_tables import ballots as ballots_table
from kiosk.ballot.ids import SessionId
from kiosk.booth.polls import PollsAction, PollsRefusal, TransitionRefused, may_change_sessions
from kiosk.booth.polls_desk import ACTIVE, CLOSED_SESSIONS, polls_state
from kiosk.booth.sealing import CloseSnapshot, read_back, seal

if TYPE_CHECKING:
    from kiosk.booth.station import Station

SENT_SESSIONS = "session_files_sent"  # sessions whose sealed file the hall has taken
TOLD_HALL = "session_closes_told"  # sessions closed here that the hall has heard of
BY_HALL = "hall"  # who closed a vote closed at the officials' desk
# Named steps, for the one place that watches them (tests kill the booth at each).
STEP_SESSION_CLOSED = "session_closed"  # the close is committed here; its file not sent yet
STEP_FILE_TAKEN = "session_file_taken"  # the hall took the file; this booth has not recorded it yet


class SendOutcome(StrEnum):
    """What the hall said of a session file."""

    STORED = "stored"  # taken (now or before: the same bytes are the same file)
    UNSETTLED = "unsettled"  # the hall still holds a reservation of this booth's: settle, send again
    REFUSED = "refused"  # the hall refused the file (a reason comes with it)
    UNREACHABLE = "unreachable"


class SessionCloseTransport(Protocol):
    """The hall's side of closing votes (kiosk/hall/session_calls.py over the network)."""

    def close_session(self, session_id: SessionId) -> bool | None:
        """True once the hall holds the session closed; None when the hall cannot be reached."""
        ...

    def closed_sessions(self) -> list[SessionId] | None: ...

    def send_session_file(self, session_id: SessionId, name: str, data: bytes) -> tuple[SendOutcome, str]: ...


@dataclass(frozen=True)
class SessionsReport:
    """What the poll worker sees of the closed votes."""

    closed: list[SessionId]  # in the definition's order
    unsent: list[SessionId]  # closed here, sealed file not taken by the hall yet


class SessionCloser:
    def __init__(self, station: Station) -> None:
        self.station = station
        self.hall: SessionCloseTransport | None = None
        self.on_step: Callable[[str], None] = lambda _step: None

    # --- the close --------------------------------------------------------------------------------
    def closed(self) -> list[SessionId]:
        return [SessionId(s) for s in self.station.setting(CLOSED_SESSIONS, [])]

    def close(self, session_id: SessionId, by: str) -> bool:
        """Closes the vote here for good: False (nothing changed) when it was closed already.

        KeyError for a session the election does not hold; TransitionRefused when polls are not
        set up or are closed (the end-of-day file then holds every session)."""
        station = self.station
        order = [s.id for s in station.election.sessions]
        station.election.session(session_id)  # KeyError: the caller names an unknown session
        box = station.box
        with box.transaction() as c:
            state = polls_state(box, c)
            if not may_change_sessions(state):
                raise TransitionRefused(state, PollsAction.OPEN, PollsRefusal.SESSIONS_FIXED)
            closed = list(box.get_setting(c, CLOSED_SESSIONS, []))
            if session_id in closed:
                return False
            active = [s for s in box.get_setting(c, ACTIVE, []) if s != session_id]
            box.put_setting(c, ACTIVE, active)
            box.put_setting(c, CLOSED_SESSIONS, [s for s in order if s in {*closed, session_id}])
            ballots = int(c.execute(select(func.count()).select_from(ballots_table)
                                    .where(ballots_table.c.session_id == session_id)).scalar() or 0)
            box.append_audit(c, Event.SESSION_CLOSED, {"session": session_id, "by": by, "ballots": ballots})
        station.forget_cast_order(session_id)  # this session's casts are over: their order leaves the disk
        self.on_step(STEP_SESSION_CLOSED)
        return True

    # --- its sealed file --------------------------------------------------------------------------
    def snapshot(self, session_id: SessionId) -> CloseSnapshot:
        station = self.station
        package = station.election_package()
        certificate, booth_key = station.booth_key()
        audit = station.box.audit_entries()
        closing = next(
            e for e in audit if e.event == Event.SESSION_CLOSED.value and e.data.get("session") == session_id
        )
        return CloseSnapshot(
            package=package, certificate=certificate, booth_key=booth_key, mode=station.mode,
            # a booth that heard of the close before its polls ever opened holds no ballot of it
            opened_at=station.polls.opened_at() or closing.time, closed_at=closing.time,
            counts={session_id: station.counts()[session_id]},
            ballots=[b for b in station.box.all_ballots() if b[1] == session_id],
            marks=[m for m in station.box.all_marks() if m[0] == session_id],
            audit=audit, addenda=tuple((a.number, a.digest) for a in station.held_addenda()),
            checked=[b for b in station.box.all_checked() if b[1] == session_id], session=session_id,
        )  # fmt: skip

    def session_file(self, session_id: SessionId) -> tuple[str, bytes]:
        """The closed session's sealed file, read back as the hall will read it."""
        if session_id not in self.closed():
            raise KeyError(f"session {session_id!r} is not closed on this booth")
        snapshot = self.snapshot(session_id)
        name, data = seal(snapshot)
        read_back(data, snapshot.package)
        return name, data

    def report(self) -> SessionsReport:
        sent = set(self.station.setting(SENT_SESSIONS, []))
        closed = self.closed()
        return SessionsReport(closed, [s for s in closed if s not in sent])

    # --- with the hall ----------------------------------------------------------------------------
    def follow_hall(self) -> SessionsReport:
        """Tells the hall of the closes made here, closes here the ones made at the hall, and sends
        every sealed session file the hall has not taken yet. Safe to call at any moment, again."""
        hall = self.hall
        if hall is None or self.station.package is None:
            return self.report()
        told = set(self.station.setting(TOLD_HALL, []))
        for session_id in self.closed():
            if session_id not in told and hall.close_session(session_id):
                told.add(session_id)
                self._put(TOLD_HALL, sorted(told))
        at_hall = hall.closed_sessions()
        for session_id in at_hall or []:
            if session_id not in self.closed() and self._may_close():
                self.close(session_id, BY_HALL)
                told.add(session_id)
                self._put(TOLD_HALL, sorted(told))
        self._send_unsent(hall)
        return self.report()

    def _may_close(self) -> bool:
        return may_change_sessions(self.station.state)

    def _send_unsent(self, hall: SessionCloseTransport) -> None:
        station = self.station
        if station.hall is not None and station.hall.settle():
            return  # a cast the hall has not settled: its mark would be missing from the hall's side
        for session_id in self.report().unsent:
            name, data = self.session_file(session_id)
            outcome, reason = hall.send_session_file(session_id, name, data)
            if outcome is SendOutcome.STORED:
                self.on_step(STEP_FILE_TAKEN)
                sent = set(station.setting(SENT_SESSIONS, [])) | {session_id}
                self._put(SENT_SESSIONS, sorted(sent))
            elif outcome is SendOutcome.REFUSED:
                station.box.log(Event.SEALED_FILE_FAILED, {"reason": f"the hall refused {name}: {reason}"})
            else:
                return  # unreachable or unsettled: the next call tries again

    def _put(self, key: str, value: list[str]) -> None:
        with self.station.box.transaction() as c:
            self.station.box.put_setting(c, key, value)
