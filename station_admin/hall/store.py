"""The hall's store in PostgreSQL: which booths joined, and every delegate's has-voted marks.

A mark's primary key is (election, session, voter): whichever booth's reservation commits first
holds it, and PostgreSQL makes every other booth's insert for that voter wait and then see it. So two
booths racing on one delegate get one "reserved" and one "pending" (or "already voted"), never two.
The hall learns who voted when and at which booth (it must, to refuse a second vote), never a ballot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import ParamSpec, TypeVar

from sqlalchemy import (
    Column,
    ColumnElement,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    and_,
    create_engine,
    delete,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from kiosk.ballot.ids import CastId, ElectionId, SessionId, StationId, VoterId
from kiosk.ballot.times import iso
from kiosk.clock import Clock
from station_admin.hall.session_tables import hall_sessions


class MarkState(StrEnum):
    RESERVED = "reserved"  # a booth is casting: the voter may not vote elsewhere meanwhile
    CONFIRMED = "confirmed"  # the booth committed the ballot and said so

metadata = MetaData()
hall_booths = Table(
    "hall_booths",
    metadata,
    Column("election_id", String, primary_key=True),
    Column("station", String, primary_key=True),
    Column("booth_public_key", String(64), nullable=False),
    Column("certificate", Text, nullable=False),
    Column("joined_at", String, nullable=False),
)
hall_marks = Table(
    "hall_marks",
    metadata,
    Column("election_id", String, primary_key=True),
    Column("session_id", String, primary_key=True),
    Column("voter_id", String, primary_key=True),
    Column("cast_id", String(32), nullable=False, unique=True),
    Column("station", String, nullable=False),
    Column("state", String, nullable=False),
    Column("reserved_at", String, nullable=False),
)
# An official's release of a delegate stuck "being recorded" at a lost booth (station_admin/hall/
# release.py): the cast id released can never be confirmed afterwards, whatever the booth holds.
hall_releases = Table(
    "hall_releases",
    metadata,
    Column("election_id", String, primary_key=True),
    Column("cast_id", String(32), primary_key=True),
    Column("session_id", String, nullable=False),
    Column("voter_id", String, nullable=False),
    Column("station", String, nullable=False),
    Column("record", Text, nullable=False),  # the release as signed: who, why, when, forced or not
    Column("signature", String, nullable=False),  # the authority's
)

# A reserve in one PostgreSQL round trip, its commit included (called in autocommit): the insert,
# then (a new snapshot, as PL/pgSQL takes one per statement) the mark and whether the session is
# closed, and the reservation taken back in a closed session, all in the call's one transaction.
# psycopg would otherwise send BEGIN, the insert, the read and COMMIT as four round trips, each a
# wait for a core on a busy hall PC (bench/hall_paced.py). Versioned: a changed body gets a new name.
RESERVE_FUNCTION = "hall_reserve_v1"
RESERVE_SQL = f"""
CREATE FUNCTION {RESERVE_FUNCTION}(e text, s text, v text, c text, st text, at text,
                                   OUT held_cast text, OUT held_state text, OUT is_closed boolean)
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hall_marks (election_id, session_id, voter_id, cast_id, station, state, reserved_at)
    VALUES (e, s, v, c, st, 'reserved', at) ON CONFLICT DO NOTHING;
  -- After the insert, so a close (which locks the marks) either waited for it or is seen.
  SELECT m.cast_id, m.state,
         EXISTS (SELECT 1 FROM hall_sessions h WHERE h.election_id = e AND h.session_id = s)
    INTO held_cast, held_state, is_closed
    FROM hall_marks m WHERE m.election_id = e AND m.session_id = s AND m.voter_id = v;
  IF held_cast IS NOT NULL AND is_closed THEN
    DELETE FROM hall_marks m WHERE m.cast_id = c AND m.state = 'reserved';
  END IF;
END $$
"""

# The hall waits this long for its database; a stopped server refuses at once, a partitioned one
# would otherwise hold the booth's voter for TCP's own minutes.
CONNECT_TIMEOUT_S = 2


class StoreUnavailable(RuntimeError):
    """The database did not answer or refused: nothing was changed, the booth may ask again."""


class _Dropped(StoreUnavailable):
    """PostgreSQL had dropped the pooled connection (it restarted): a fresh one may well answer."""


def unavailable(exc: DBAPIError) -> StoreUnavailable:
    return (_Dropped if exc.connection_invalidated else StoreUnavailable)(str(exc.orig))


P = ParamSpec("P")
R = TypeVar("R")


def once_more_if_dropped(op: Callable[P, R]) -> Callable[P, R]:
    """Runs a booth's call once more on a fresh connection when the pooled one was dropped.

    Instead of a ping before every call (pool_pre_ping: one more PostgreSQL round trip per call,
    a fifth of a reserve's): every call here is idempotent by cast id, so running it again after a
    dropped connection, even one dropped after its commit, changes nothing."""

    @wraps(op)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return op(*args, **kwargs)
        except _Dropped:
            return op(*args, **kwargs)

    return run


@dataclass(frozen=True)
class Mark:
    session_id: SessionId
    voter_id: VoterId
    station: str
    state: str


class HallStore:
    def __init__(self, url: str, election_id: ElectionId, clock: Clock) -> None:
        self.election_id, self._clock = election_id, clock
        self.engine: Engine = create_engine(
            url, pool_size=20, max_overflow=10,  # no pre-ping: see once_more_if_dropped
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
        )
        try:
            metadata.create_all(self.engine)
            hall_sessions.create(self.engine, checkfirst=True)  # the reserve function reads it
            with self.engine.begin() as c:
                if c.execute(text("SELECT to_regproc(:f)"), {"f": RESERVE_FUNCTION}).scalar() is None:
                    c.execute(text(RESERVE_SQL))
        except SQLAlchemyError as exc:
            raise StoreUnavailable(f"the hall's database cannot be used: {exc}") from None

    def close(self) -> None:
        self.engine.dispose()

    @once_more_if_dropped
    def register_booth(self, station: StationId, public_key: str, certificate: str) -> bool:
        """True when this key is (now) the station's; False when another key joined as it first."""
        try:
            with self.engine.begin() as c:
                c.execute(insert(hall_booths).values(
                    election_id=self.election_id, station=station, booth_public_key=public_key,
                    certificate=certificate, joined_at=iso(self._clock())).on_conflict_do_nothing())
                held = c.execute(select(hall_booths.c.booth_public_key).where(
                    hall_booths.c.election_id == self.election_id, hall_booths.c.station == station)).scalar()
        except DBAPIError as exc:
            raise unavailable(exc) from None
        return held == public_key

    def booths(self) -> dict[StationId, str]:
        """Joined booths: station -> booth public key."""
        with self.engine.connect() as c:
            rows = c.execute(select(hall_booths.c.station, hall_booths.c.booth_public_key).where(
                hall_booths.c.election_id == self.election_id)).all()
        return {StationId(r.station): r.booth_public_key for r in rows}

    @once_more_if_dropped
    def reserve(self, station: StationId, cast_id: CastId, voter_id: VoterId, session_id: SessionId) -> str:
        """reserved (this cast holds the mark), pending or already_voted (another cast holds it),
        session_closed (the vote is closed at the hall: nothing is held for this cast)."""
        call = text(f"SELECT held_cast, held_state, is_closed FROM {RESERVE_FUNCTION}"
                    "(:e, :s, :v, :c, :st, :at)")
        try:
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                row = c.execute(call, {"e": self.election_id, "s": session_id, "v": voter_id, "c": cast_id,
                                       "st": station, "at": iso(self._clock())}).one()
        except DBAPIError as exc:
            raise unavailable(exc) from None
        assert row.held_cast is not None  # inserted, or held by the insert that won
        if row.is_closed:
            return "session_closed"
        if row.held_cast == cast_id:
            return "reserved"
        return "already_voted" if row.held_state == MarkState.CONFIRMED else "pending"

    @once_more_if_dropped
    def confirm(self, station: StationId, cast_id: CastId, voter_id: VoterId, session_id: SessionId) -> str:
        """confirmed; released when officials released this cast (station_admin/hall/release.py: the
        booth voids its ballot); refused when another cast holds this voter's mark (which the
        protocol prevents)."""
        try:
            with self.engine.begin() as c:
                done = c.execute(update(hall_marks).where(
                    hall_marks.c.cast_id == cast_id, hall_marks.c.station == station,
                    hall_marks.c.election_id == self.election_id,
                ).values(state=MarkState.CONFIRMED)).rowcount
                if done:
                    return "confirmed"
                if c.execute(select(hall_releases.c.cast_id).where(
                        hall_releases.c.election_id == self.election_id,
                        hall_releases.c.cast_id == cast_id)).first() is not None:
                    return "released"  # officials released this reservation: its ballot is not a vote
                # The booth holds a ballot the hall has no mark for (its database was restored from
                # an older copy): the booth's ballot box is the durable copy, so the mark comes back.
                c.execute(insert(hall_marks).values(
                    election_id=self.election_id, session_id=session_id, voter_id=voter_id, cast_id=cast_id,
                    station=station, state=MarkState.CONFIRMED, reserved_at=iso(self._clock()),
                ).on_conflict_do_nothing())
                mark = self._mark(session_id, voter_id)
                holder = c.execute(select(hall_marks.c.cast_id).where(mark)).scalar()
        except DBAPIError as exc:
            raise unavailable(exc) from None
        return "confirmed" if holder == cast_id else "refused"

    @once_more_if_dropped
    def abort(self, station: StationId, cast_id: CastId) -> str:
        """aborted (the reservation is gone, or never came); refused for a confirmed cast."""
        try:
            with self.engine.begin() as c:
                c.execute(delete(hall_marks).where(
                    hall_marks.c.cast_id == cast_id, hall_marks.c.station == station,
                    hall_marks.c.election_id == self.election_id, hall_marks.c.state == MarkState.RESERVED))
                left = c.execute(select(hall_marks.c.cast_id).where(hall_marks.c.cast_id == cast_id)).first()
        except DBAPIError as exc:
            raise unavailable(exc) from None
        return "refused" if left is not None else "aborted"

    @once_more_if_dropped
    def voted(self, voter_id: VoterId) -> list[str]:
        """The sessions this voter's mark is held in (reserved or confirmed), at any booth."""
        try:
            with self.engine.connect() as c:
                rows = c.execute(select(hall_marks.c.session_id).where(
                    hall_marks.c.election_id == self.election_id, hall_marks.c.voter_id == voter_id))
                return sorted(rows.scalars())
        except DBAPIError as exc:
            raise unavailable(exc) from None

    @once_more_if_dropped
    def ping(self) -> None:
        try:
            with self.engine.connect() as c:
                c.execute(select(1))
        except DBAPIError as exc:
            raise unavailable(exc) from None

    def marks(self) -> list[Mark]:
        """Every mark, sorted by session and voter (never by the order they came in)."""
        with self.engine.connect() as c:
            rows = c.execute(select(hall_marks).where(hall_marks.c.election_id == self.election_id)
                             .order_by(hall_marks.c.session_id, hall_marks.c.voter_id)).all()
        return [Mark(r.session_id, r.voter_id, r.station, r.state) for r in rows]

    def _mark(self, session_id: SessionId, voter_id: VoterId) -> ColumnElement[bool]:
        return and_(hall_marks.c.election_id == self.election_id, hall_marks.c.session_id == session_id,
                    hall_marks.c.voter_id == voter_id)
