"""The ciphertexts (α) of the end-to-end session files the hall took, so that none is taken twice.

A booth that knows a ballot's nonces (its own, or one copied from another booth's file) can prove
its α afresh under its own context: its proofs and code then pass, and only the repeated α shows
the copy (spec §7.5, V6). The hall refuses a session file with an α of a file it already holds,
and stores the file and its α values in one transaction, so two booths racing with one α cannot
both be taken. Each row names the file it came from; no column follows the order of casts.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import Column, Connection, Engine, LargeBinary, MetaData, String, Table, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from kiosk.ballot.times import iso
from kiosk.clock import Clock
from station_admin.hall.close_store import SessionFile, SessionStoreUnavailable
from station_admin.hall.session_tables import hall_session_files

# A 150-ballot maritime file holds 10,800 α: they go to the server in one COPY, then one statement
# claims them all and one finds a clash (a multi-row INSERT of them cost ~13 s a file, its planning).
_INCOMING: Final = "hall_e2e_incoming"
_CLAIM: Final = text(
    f"INSERT INTO hall_e2e_alphas (election_id, alpha, station, session_id, file_sha256) "
    f"SELECT :election_id, alpha, :station, :session_id, :file_sha256 FROM {_INCOMING} "
    "ON CONFLICT DO NOTHING"
)
_HELD_ELSEWHERE: Final = text(
    f"SELECT h.station, h.session_id FROM {_INCOMING} i JOIN hall_e2e_alphas h "
    "ON h.election_id = :election_id AND h.alpha = i.alpha WHERE h.file_sha256 <> :file_sha256 LIMIT 1"
)
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
                self._claim(c, session_id, file, alphas)
        except _Clash as clash:
            return clash.reason  # the transaction rolled back: neither the file nor its α are kept
        except DBAPIError as exc:
            raise SessionStoreUnavailable(str(exc.orig)) from None
        return None

    def _claim(self, c: Connection, session_id: str, file: SessionFile, alphas: list[bytes]) -> None:
        """Claims every α for this file in the transaction; an α another file holds is a _Clash.
        A racing transaction claiming one of them waits on its row, then sees it held."""
        c.exec_driver_sql(f"CREATE TEMPORARY TABLE {_INCOMING} (alpha bytea NOT NULL) ON COMMIT DROP")
        cursor = c.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor, cursor.copy(f"COPY {_INCOMING} (alpha) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["bytea"])
            for alpha in alphas:
                copy.write_row((alpha,))
        names = {"election_id": self.election_id, "file_sha256": file.file_sha256}
        c.execute(_CLAIM, {**names, "station": file.station, "session_id": session_id})
        other = c.execute(_HELD_ELSEWHERE, names).first()
        if other is not None:
            raise _Clash(
                f"it repeats a ciphertext (α) of booth {other.station!r}'s session file of "
                f"{other.session_id!r}, which the hall holds: a ballot copied from one booth's file, "
                "or replayed"
            )
