"""The ciphertexts (α) of the end-to-end session files the hall took, so that none is taken twice.

A booth that knows a ballot's nonces (its own, or one copied from another booth's file) can prove
its α afresh under its own context: its proofs and code then pass, and only the repeated α shows
the copy (spec §7.5, V6). The hall refuses a session file with an α of a file it already holds,
and stores the file and its α values in one transaction, so two booths racing with one α cannot
both be taken. Each row names the file it came from; no column follows the order of casts.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import Column, Connection, Engine, LargeBinary, MetaData, String, Table, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from kiosk.ballot.times import iso
from kiosk.clock import Clock
from station_admin.hall.close_store import SessionFile, SessionStoreUnavailable
from station_admin.hall.session_tables import hall_session_files

_CHUNK: Final = 5000  # α values per statement: a 150-ballot maritime file holds 10,800
alpha_metadata = MetaData()
hall_e2e_alphas = Table(
    "hall_e2e_alphas",
    alpha_metadata,
    Column("election_id", String, primary_key=True),
    Column("alpha", LargeBinary, primary_key=True),
    Column("station", String, nullable=False),
    Column("session_id", String, nullable=False),
    Column("file_sha256", String(64), nullable=False),
)


class _Clash(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class HallAlphas:
    def __init__(self, engine: Engine, election_id: str, clock: Clock) -> None:
        self.engine, self.election_id, self._clock = engine, election_id, clock
        try:
            alpha_metadata.create_all(engine)
        except SQLAlchemyError as exc:
            raise SessionStoreUnavailable(f"the hall's database cannot be used: {exc}") from None

    def put_file(self, session_id: str, file: SessionFile, alphas: list[bytes]) -> str | None:
        """None when the hall holds this very file (now or before); else why it was not taken, and
        nothing changed: another file of that booth and vote, or an α another file holds."""
        try:
            with self.engine.begin() as c:
                c.execute(insert(hall_session_files).values(
                    election_id=self.election_id, session_id=session_id, station=file.station,
                    file_sha256=file.file_sha256, name=file.name, data=file.data, ballots=file.ballots,
                    received_at=iso(self._clock())).on_conflict_do_nothing())  # fmt: skip
                files = hall_session_files.c
                held = c.execute(select(files.file_sha256).where(
                    files.election_id == self.election_id, files.session_id == session_id,
                    files.station == file.station)).scalar()  # fmt: skip
                if held != file.file_sha256:
                    return f"the hall holds another session file of booth {file.station!r} for {session_id!r}"
                for start in range(0, len(alphas), _CHUNK):
                    self._claim(c, session_id, file, alphas[start : start + _CHUNK])
        except _Clash as clash:
            return clash.reason  # the transaction rolled back: neither the file nor its α are kept
        except DBAPIError as exc:
            raise SessionStoreUnavailable(str(exc.orig)) from None
        return None

    def _claim(self, c: Connection, session_id: str, file: SessionFile, chunk: list[bytes]) -> None:
        rows = [{"election_id": self.election_id, "alpha": a, "station": file.station,
                 "session_id": session_id, "file_sha256": file.file_sha256} for a in chunk]  # fmt: skip
        c.execute(insert(hall_e2e_alphas).values(rows).on_conflict_do_nothing())
        t = hall_e2e_alphas.c
        other = c.execute(select(t.station, t.session_id).where(
            t.election_id == self.election_id, t.alpha.in_(chunk),
            t.file_sha256 != file.file_sha256).limit(1)).first()  # fmt: skip
        if other is not None:
            raise _Clash(
                f"it repeats a ciphertext (α) of booth {other.station!r}'s session file of "
                f"{other.session_id!r}, which the hall holds: a ballot copied from one booth's file, "
                "or replayed"
            )
