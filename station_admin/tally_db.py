"""The officials' tally database: imported sealed files, their ballots and marks.

SQLite by default, PostgreSQL through the same SQLAlchemy URL (`--db`). An import is one transaction.
A file's `file_sha256` is its identity: the digest of its signed manifest (kiosk.ballot.sealed_file).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
)

metadata = MetaData()
imports = Table(
    "imports",
    metadata,
    Column("file_sha256", String(64), primary_key=True),
    Column("election_id", String, nullable=False),
    Column("station", String, nullable=False),
    Column("mode", String, nullable=False),
    Column("opened_at", String, nullable=False),
    Column("closed_at", String, nullable=False),
    Column("audit_head", String, nullable=False),
    Column("booth_public_key", String, nullable=False),
    Column("ballots", Integer, nullable=False),
    Column("imported_at", String, nullable=False),
    UniqueConstraint("election_id", "station", name="one_file_per_booth"),
)
ballots = Table(
    "ballots",
    metadata,
    Column("tracking_code", String, primary_key=True),
    Column("session_id", String, nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("import_sha256", String(64), ForeignKey("imports.file_sha256"), nullable=False),
)
marks = Table(
    "marks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String, nullable=False),
    # Indexed: every import looks its voters up here for marks by two booths; a scan grew with the election.
    Column("voter_id", String, nullable=False, index=True),
    Column("import_sha256", String(64), ForeignKey("imports.file_sha256"), nullable=False),
)
audit_logs = Table(
    "audit_logs",
    metadata,
    Column("import_sha256", String(64), ForeignKey("imports.file_sha256"), primary_key=True),
    Column("entries", Text, nullable=False),
)


# A file the officials took out of the count (`station-admin import --replace`): who, when, why,
# and which file replaced it. Its ballots and marks are gone from the tables above; this row stays,
# and the same file is refused if it is brought again.
quarantined = Table(
    "quarantined",
    metadata,
    Column("file_sha256", String(64), primary_key=True),
    Column("election_id", String, nullable=False),
    Column("station", String, nullable=False),
    Column("ballots", Integer, nullable=False),
    Column("audit_head", String, nullable=False),
    Column("booth_public_key", String, nullable=False),
    Column("imported_at", String, nullable=False),
    Column("quarantined_at", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("by", String, nullable=False),
    Column("replaced_by", String(64), nullable=False),
)


def open_db(url: str) -> Engine:
    engine = create_engine(url)
    metadata.create_all(engine)
    return engine
