"""How the ballot box's SQLite file is kept: durable before a receipt, secret after a close.

WAL with synchronous=FULL, so that a committed cast survives a power cut; secure_delete, so that no
deleted or moved row lingers; BEGIN IMMEDIATE for writes, so that the audit chain head cannot change
under a cast; and the VACUUM that leaves nothing in the files that follows the order of casts. What
the box stores, and how, is kiosk/ballot/ballot_box.py.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event


class StorageError(RuntimeError):
    """The storage refused a write (disk full, read-only, damaged): nothing was changed."""


def open_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin)
    return engine


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN IMMEDIATE ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # fsync on every commit: durable before the receipt
    cursor.execute("PRAGMA busy_timeout=5000")
    # Freed space is overwritten with zeros, so no deleted or moved row lingers in the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin(connection: Connection) -> None:
    # A write takes the lock at its start, so the audit chain head cannot change under a cast.
    writing = connection.get_execution_options().get("isoloir_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def forget_cast_order(engine: Engine) -> None:
    """Leaves nothing in the database's files that follows the order of casts.

    While polls are open each cast is a WAL frame of its own, holding the new ballot and the
    voter's mark side by side: diffing frames links voters to ballots. This folds the WAL into
    the database, rebuilds every table in key order (VACUUM: ballots by random id, marks by
    voter, no free pages kept) and truncates the WAL to nothing. Called at every close.
    """
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("VACUUM")
        busy, _frames, _done = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        cursor.close()
    except sqlite3.Error as exc:
        raise StorageError(str(exc)) from None
    finally:
        raw.close()
    if busy:  # a reader held the WAL: the frames are still there, the caller must know
        raise StorageError("the ballot box is busy; its journal could not be cleared")
