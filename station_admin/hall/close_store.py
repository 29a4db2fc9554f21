"""The hall's record of closed votes: which are closed, the sealed session files the booths sent,
the booths officials recorded out of service, and each vote's count (PostgreSQL, beside store.py).

A close takes a SHARE lock on the marks: it waits for every reservation in flight to commit, and
every later reservation sees the close (station_admin/hall/store.py checks it after its insert), so
no mark is reserved in a vote after the hall recorded it closed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from kiosk.ballot.ids import ElectionId, SessionId, StationId
from kiosk.ballot.times import iso, parse_iso
from kiosk.clock import Clock
from station_admin.hall.session_tables import (
    hall_aggregates,
    hall_out_of_service,
    hall_results,
    hall_session_files,
    hall_sessions,
    session_metadata,
)


class SessionStoreUnavailable(RuntimeError):
    """The database did not answer: nothing was changed."""


@dataclass(frozen=True)
class SessionFile:
    station: StationId
    file_sha256: str
    name: str
    data: bytes
    ballots: int


@dataclass(frozen=True)
class VoteStatus:
    """Where a vote stands at the hall: what the officials' desk shows."""

    session_id: SessionId
    closed_at: datetime | None
    booths: list[StationId]  # every booth that joined the hall, sorted
    reported: dict[StationId, int] = field(default_factory=dict)  # station -> ballots in its session file
    out_of_service: dict[StationId, str] = field(default_factory=dict)  # station -> the official's reason
    counted: bool = False

    @property
    def waiting(self) -> list[StationId]:
        return [b for b in self.booths if b not in self.reported and b not in self.out_of_service]

    @property
    def complete(self) -> bool:
        return self.closed_at is not None and not self.waiting


class HallSessions:
    # The moments are aware datetimes here and the booth's one time text (times.iso) in the columns.
    def __init__(self, engine: Engine, election_id: ElectionId, clock: Clock) -> None:
        self.engine, self.election_id, self._clock = engine, election_id, clock
        try:
            session_metadata.create_all(engine)
        except SQLAlchemyError as exc:
            raise SessionStoreUnavailable(f"the hall's database cannot be used: {exc}") from None

    def close(self, session_id: SessionId, by: str) -> bool:
        """True when this call closed the vote; False when it was closed already (nothing changed)."""
        try:
            with self.engine.begin() as c:
                c.execute(text("LOCK TABLE hall_marks IN SHARE MODE"))
                done = c.execute(insert(hall_sessions).values(
                    election_id=self.election_id, session_id=session_id, closed_at=iso(self._clock()),
                    closed_by=by).on_conflict_do_nothing().returning(hall_sessions.c.session_id)).first()
        except DBAPIError as exc:
            raise SessionStoreUnavailable(str(exc.orig)) from None
        return done is not None

    def closed(self) -> list[SessionId]:
        try:
            with self.engine.connect() as c:
                return sorted(SessionId(s) for s in c.execute(select(hall_sessions.c.session_id).where(
                    hall_sessions.c.election_id == self.election_id)).scalars())
        except DBAPIError as exc:
            raise SessionStoreUnavailable(str(exc.orig)) from None

    def put_file(self, session_id: SessionId, file: SessionFile) -> bool:
        """True when the hall holds this very file for the booth and vote (now or before); False
        when it holds another one (nothing changed)."""
        try:
            with self.engine.begin() as c:
                c.execute(insert(hall_session_files).values(
                    election_id=self.election_id, session_id=session_id, station=file.station,
                    file_sha256=file.file_sha256, name=file.name, data=file.data, ballots=file.ballots,
                    received_at=iso(self._clock())).on_conflict_do_nothing())
                held = c.execute(select(hall_session_files.c.file_sha256).where(
                    hall_session_files.c.election_id == self.election_id,
                    hall_session_files.c.session_id == session_id,
                    hall_session_files.c.station == file.station)).scalar()
        except DBAPIError as exc:
            raise SessionStoreUnavailable(str(exc.orig)) from None
        return held == file.file_sha256

    def files(self, session_id: SessionId) -> list[SessionFile]:
        """The vote's session files, by booth."""
        with self.engine.connect() as c:
            rows = c.execute(select(hall_session_files).where(
                hall_session_files.c.election_id == self.election_id,
                hall_session_files.c.session_id == session_id).order_by(hall_session_files.c.station)).all()
        return [SessionFile(StationId(r.station), r.file_sha256, r.name, bytes(r.data), r.ballots)
                for r in rows]

    def file_digests(self, session_id: SessionId) -> dict[StationId, str]:
        """station -> the SHA-256 of the session file the hall holds of the vote (not its bytes)."""
        files = hall_session_files.c
        with self.engine.connect() as c:
            rows = c.execute(select(files.station, files.file_sha256).where(
                files.election_id == self.election_id, files.session_id == session_id)).all()
        return {StationId(station): digest for station, digest in rows}

    def put_aggregate(self, session_id: SessionId, basis: str, sums: str, entries: str) -> None:
        """The vote's last `hall aggregate` (texts of station_admin/hall/kept_aggregate.py); an
        aggregate again replaces it."""
        values = {"basis": basis, "sums": sums, "entries": entries, "aggregated_at": iso(self._clock())}
        try:
            with self.engine.begin() as c:
                row = insert(hall_aggregates).values(election_id=self.election_id, session_id=session_id,
                                                     **values)
                keys = ["election_id", "session_id"]
                c.execute(row.on_conflict_do_update(index_elements=keys, set_=values))
        except DBAPIError as exc:
            raise SessionStoreUnavailable(str(exc.orig)) from None

    def aggregate(self, session_id: SessionId) -> tuple[str, str, str] | None:
        """(basis, sums, entries) of the vote's last `hall aggregate`, or None if none was run."""
        with self.engine.connect() as c:
            row = c.execute(select(hall_aggregates.c.basis, hall_aggregates.c.sums, hall_aggregates.c.entries)
                            .where(hall_aggregates.c.election_id == self.election_id,
                                   hall_aggregates.c.session_id == session_id)).first()
        return None if row is None else (row.basis, row.sums, row.entries)

    def record_out_of_service(self, session_id: SessionId, station: StationId, reason: str, by: str) -> bool:
        """False when that booth was already recorded out of service for this vote."""
        with self.engine.begin() as c:
            return c.execute(insert(hall_out_of_service).values(
                election_id=self.election_id, session_id=session_id, station=station, reason=reason,
                recorded_by=by, recorded_at=iso(self._clock())).on_conflict_do_nothing()
                .returning(hall_out_of_service.c.station)).first() is not None

    def status(self, session_id: SessionId, booths: list[StationId]) -> VoteStatus:
        with self.engine.connect() as c:
            closed_at = c.execute(select(hall_sessions.c.closed_at).where(
                hall_sessions.c.election_id == self.election_id,
                hall_sessions.c.session_id == session_id)).scalar()
            files = hall_session_files.c
            reported = dict(c.execute(select(files.station, files.ballots).where(
                hall_session_files.c.election_id == self.election_id,
                hall_session_files.c.session_id == session_id)).all())
            out = dict(c.execute(select(hall_out_of_service.c.station, hall_out_of_service.c.reason).where(
                hall_out_of_service.c.election_id == self.election_id,
                hall_out_of_service.c.session_id == session_id)).all())
            counted = c.execute(select(hall_results.c.session_id).where(
                hall_results.c.election_id == self.election_id,
                hall_results.c.session_id == session_id)).first() is not None
        closed = None if closed_at is None else parse_iso(closed_at)
        return VoteStatus(session_id, closed, sorted(booths), reported, out, counted)

    def put_results(self, session_id: SessionId, results: dict[str, Any], provisional: bool) -> None:
        """The vote's count; a count again (final after provisional) replaces it."""
        values = {"results": json.dumps(results, ensure_ascii=False), "provisional": provisional,
                  "counted_at": iso(self._clock())}
        with self.engine.begin() as c:
            row = insert(hall_results).values(election_id=self.election_id, session_id=session_id, **values)
            c.execute(row.on_conflict_do_update(index_elements=["election_id", "session_id"], set_=values))

    def results(self) -> list[tuple[SessionId, dict[str, Any], bool, datetime]]:
        """(session, its results entry, provisional, counted at) for every counted vote."""
        with self.engine.connect() as c:
            rows = c.execute(select(hall_results).where(hall_results.c.election_id == self.election_id)
                             .order_by(hall_results.c.session_id)).all()
        return [(SessionId(r.session_id), json.loads(r.results), r.provisional, parse_iso(r.counted_at))
                for r in rows]
