"""The booth's storage: ballots, "has voted" marks, credentials, polls state and the audit log.

SQLite through SQLAlchemy 2, in WAL mode with synchronous=FULL so that a committed cast survives a
power cut (kiosk/ballot/box_sqlite.py: how the file is kept durable, and secret after a close). A
cast is one transaction: the encrypted ballot, the voter's mark and the audit event are committed
together or not at all. Ballots get random identifiers (the ballots' and checked ballots'
rowid is a random 63-bit number, the others' tables have no rowid), so nothing in storage follows
the cast order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from kiosk.ballot.audit import GENESIS, AuditEntry, entry_hash
from kiosk.ballot.audit_events import Event, check_event
from kiosk.ballot.box_sqlite import StorageError, forget_cast_order, open_engine
from kiosk.ballot.box_tables import (
    DATABASE_NAME,
    audit_log,
    ballots,
    checked,
    credentials,
    marks,
    metadata,
    random_rowid,
    settings,
)
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.times import iso, parse_iso

__all__ = ["DATABASE_NAME", "AlreadyVoted", "BallotBox", "StorageError", "has_mark", "voted_sessions"]


class AlreadyVoted(ValueError):
    pass


class BallotBox:
    def __init__(self, path: Path, clock: Callable[[], datetime]) -> None:
        self.path = path
        self._clock = clock
        self.engine: Engine = open_engine(path)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic write; any storage failure becomes StorageError with nothing changed."""
        try:
            with self.engine.connect() as connection:
                connection.execution_options(isoloir_write=True)
                with connection.begin():
                    yield connection
        except OperationalError as exc:
            raise StorageError(str(exc.orig)) from None

    def read(self) -> Connection:
        return self.engine.connect()

    # --- audit log -------------------------------------------------------------------------------
    def append_audit(self, connection: Connection, kind: Event, data: dict[str, Any] | None = None) -> str:
        body = data or {}
        check_event(kind, body)  # before anything is written: a wrong field is a programming error
        last = connection.execute(
            select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
        ).first()
        seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
        time = self._clock()
        digest = entry_hash(prev, seq, time, kind.value, body)
        connection.execute(
            audit_log.insert().values(
                seq=seq,
                time=iso(time),
                event=kind.value,
                data=json.dumps(body, sort_keys=True),
                prev=prev,
                hash=digest,
            )
        )
        return digest

    def log(self, kind: Event, data: dict[str, Any] | None = None) -> None:
        with self.transaction() as connection:
            self.append_audit(connection, kind, data)

    def audit_entries(self, since: int = 0) -> list[AuditEntry]:
        with self.read() as connection:
            rows = connection.execute(
                select(audit_log).where(audit_log.c.seq > since).order_by(audit_log.c.seq)
            ).all()
        return [AuditEntry(r.seq, parse_iso(r.time), r.event, json.loads(r.data), r.prev, r.hash)
                for r in rows]

    def audit_head(self) -> str:
        with self.read() as connection:
            head = connection.execute(
                select(audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
            ).scalar()
        return head or GENESIS

    # --- settings (polls state, active sessions, locks) ------------------------------------------
    def get_setting(self, connection: Connection, key: str, default: Any = None) -> Any:
        value = connection.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return default if value is None else json.loads(value)

    def put_setting(self, connection: Connection, key: str, value: Any) -> None:
        encoded = json.dumps(value, sort_keys=True)
        updated = connection.execute(settings.update().where(settings.c.key == key).values(value=encoded))
        if updated.rowcount == 0:
            connection.execute(settings.insert().values(key=key, value=encoded))

    # --- the cast --------------------------------------------------------------------------------
    def store_ballot(
        self, connection: Connection, session_id: SessionId, voter_id: VoterId, ciphertext: bytes,
        tracking: str,
    ) -> None:
        """Ballot, mark and audit event in the caller's transaction."""
        if has_mark(connection, voter_id, session_id):
            raise AlreadyVoted(session_id)
        try:
            connection.execute(
                ballots.insert().values(
                    id=random_rowid(),
                    session_id=session_id,
                    tracking_code=tracking,
                    ciphertext=ciphertext,
                )
            )
        except IntegrityError:  # two ciphertexts with one 60-bit digest: practically never
            raise StorageError("tracking code collision; cast again") from None
        connection.execute(marks.insert().values(voter_id=voter_id, session_id=session_id))
        self.append_audit(connection, Event.BALLOT_CAST, {"session": session_id})

    def store_checked(
        self, connection: Connection, session_id: SessionId, code: str, nonce: str, line: bytes
    ) -> None:
        """A checked ballot and its audit event in the caller's transaction; no mark, no voter."""
        try:
            connection.execute(
                checked.insert().values(
                    id=random_rowid(), session_id=session_id, code=code, nonce=nonce, line=line
                )
            )
        except IntegrityError:  # a code or nonce seen before: the booth drew the same ξ_B twice
            raise StorageError("this ballot was already checked; seal again") from None
        self.append_audit(connection, Event.BALLOT_CHECKED, {"session": session_id})

    def nonce_revealed(self, nonce: str) -> bool:
        """Whether a checked slip already published this ξ_B (hex): then it must not seal a ballot."""
        with self.read() as connection:
            found = connection.execute(select(checked.c.id).where(checked.c.nonce == nonce)).first()
        return found is not None

    def all_checked(self) -> list[tuple[str, SessionId, bytes]]:
        """(code hex, session, checked line), sorted by code: no trace of the order of checks."""
        with self.read() as connection:
            rows = connection.execute(
                select(checked.c.code, checked.c.session_id, checked.c.line).order_by(checked.c.code)
            ).all()
        return [(code, SessionId(session), bytes(line)) for code, session, line in rows]

    # --- voting codes (stored only as hashes) ---------------------------------------------------
    def add_credentials(self, connection: Connection, code_hashes: dict[str, str]) -> None:
        """The set-up's codes, voter id -> code hash, in the caller's transaction."""
        for voter_id, code_hash in code_hashes.items():
            connection.execute(
                credentials.insert().values(voter_id=voter_id, code_hash=code_hash, generation=0)
            )

    def replace_credential(self, connection: Connection, voter_id: VoterId, code_hash: str) -> None:
        """A reissued code: the old hash is gone in the same transaction, so the old code stops at once."""
        updated = connection.execute(
            credentials.update()
            .where(credentials.c.voter_id == voter_id)
            .values(code_hash=code_hash, generation=credentials.c.generation + 1)
        )
        if updated.rowcount == 0:
            connection.execute(
                credentials.insert().values(voter_id=voter_id, code_hash=code_hash, generation=1)
            )

    def remove_credential(self, connection: Connection, voter_id: VoterId) -> None:
        """A voter struck off the roll: their code stops working in the caller's transaction."""
        connection.execute(credentials.delete().where(credentials.c.voter_id == voter_id))

    def voter_with_code(self, code_hash: str) -> VoterId | None:
        with self.read() as connection:
            found = connection.execute(
                select(credentials.c.voter_id).where(credentials.c.code_hash == code_hash)
            ).scalar()
        return None if found is None else VoterId(str(found))

    def voted_sessions(self, voter_id: VoterId) -> set[str]:
        with self.read() as connection:
            return voted_sessions(connection, voter_id)

    # --- counts and exports ----------------------------------------------------------------------
    def counts(self) -> dict[str, tuple[int, int]]:
        """Per session: (ballots, marks)."""
        with self.read() as connection:
            b: dict[str, int] = dict(
                connection.execute(select(ballots.c.session_id, func.count()).group_by(ballots.c.session_id))
                .all()
            )
            m: dict[str, int] = dict(
                connection.execute(select(marks.c.session_id, func.count()).group_by(marks.c.session_id))
                .all()
            )
        return {s: (b.get(s, 0), m.get(s, 0)) for s in sorted(set(b) | set(m))}

    def ballot_count(self, connection: Connection | None = None) -> int:
        """All ballots stored; inside the caller's transaction when one is given."""
        if connection is not None:
            return int(connection.execute(select(func.count()).select_from(ballots)).scalar() or 0)
        with self.read() as reading:
            return self.ballot_count(reading)

    def marks_in(self, session_id: SessionId, connection: Connection | None = None) -> int:
        """The voters marked as having voted in that session; inside the caller's transaction when given."""
        if connection is not None:
            found = connection.execute(select(func.count()).where(marks.c.session_id == session_id)).scalar()
            return int(found or 0)
        with self.read() as reading:
            return self.marks_in(session_id, reading)

    def all_ballots(self) -> list[tuple[str, SessionId, bytes]]:
        """(tracking code, session, ciphertext), sorted by tracking code: no trace of cast order."""
        with self.read() as connection:
            rows = (
                connection.execute(
                    select(ballots.c.tracking_code, ballots.c.session_id, ballots.c.ciphertext).order_by(
                        ballots.c.tracking_code
                    )
                )
                .all()
            )
        return [(t, SessionId(s), bytes(c)) for t, s, c in rows]

    def all_marks(self) -> list[tuple[SessionId, VoterId]]:
        """(session, voter), sorted."""
        with self.read() as connection:
            rows = (
                connection.execute(
                    select(marks.c.session_id, marks.c.voter_id).order_by(
                        marks.c.session_id, marks.c.voter_id
                    )
                )
                .all()
            )
        return [(SessionId(s), VoterId(v)) for s, v in rows]


    # --- secrecy after a close -------------------------------------------------------------------
    def forget_cast_order(self) -> None:
        """Nothing left in the database's files that follows the order of casts (box_sqlite.py)."""
        forget_cast_order(self.engine)


def has_mark(connection: Connection, voter_id: VoterId, session_id: SessionId) -> bool:
    found = connection.execute(
        select(marks.c.voter_id).where(marks.c.voter_id == voter_id, marks.c.session_id == session_id)
    ).first()
    return found is not None


def voted_sessions(connection: Connection, voter_id: VoterId) -> set[str]:
    rows = connection.execute(select(marks.c.session_id).where(marks.c.voter_id == voter_id)).scalars()
    return set(rows)
