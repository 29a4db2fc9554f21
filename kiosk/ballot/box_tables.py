"""The ballot box's tables, as SQLite holds them.

Ballots get random identifiers (the ballots' and checked ballots' rowid is a random 63-bit number,
the other tables have no rowid), so nothing in storage follows the cast order.
"""

from __future__ import annotations

import secrets

from sqlalchemy import Column, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()
ballots = Table(
    "ballots",
    metadata,
    # A random rowid, so the table's order is meaningless. A rowid table, not WITHOUT ROWID: an end-to-end
    # ballot is a 20 KB row, and a WITHOUT ROWID table keeps whole rows as B-tree keys (interior pages
    # included), so its inserts slowed as the box filled (5 -> 8 ms over 1,500 rows, measured here).
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("session_id", String, nullable=False, index=True),
    Column("tracking_code", String, nullable=False, unique=True),
    Column("ciphertext", LargeBinary, nullable=False),
)
checked = Table(
    "checked",  # challenged ballots: opened by their nonce, never counted (docs/e2e-spec.md §7.6)
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # a random rowid, as the ballots'
    Column("session_id", String, nullable=False),
    Column("code", String, nullable=False, unique=True),  # hex: sorts as the code's bytes
    Column("nonce", String, nullable=False, unique=True),  # a revealed ξ_B is never drawn again
    Column("line", LargeBinary, nullable=False),  # the record's checked line (e2e_record.py)
)
marks = Table(
    "marks",
    metadata,
    Column("voter_id", String, primary_key=True),
    Column("session_id", String, primary_key=True),
    sqlite_with_rowid=False,
)
credentials = Table(
    "credentials",
    metadata,
    Column("voter_id", String, primary_key=True),
    Column("code_hash", String, nullable=False, unique=True),
    Column("generation", Integer, nullable=False),
    sqlite_with_rowid=False,
)
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("time", String, nullable=False),
    Column("event", String, nullable=False),
    Column("data", Text, nullable=False),
    Column("prev", String, nullable=False),
    Column("hash", String, nullable=False),
)
settings = Table(
    "settings",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

DATABASE_NAME = "ballot-box.sqlite"


ROWID_BITS = 63  # SQLite's rowid is a signed 64-bit integer: a random non-negative one


def random_rowid() -> int:
    return secrets.randbits(ROWID_BITS)
