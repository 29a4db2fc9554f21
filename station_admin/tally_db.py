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


# End-to-end ballots (sealed file /2): each cast ballot's record line exactly as the booth sealed it,
# keyed by its code (unpadded base64url of 32 bytes). The tally recomputes its aggregates from these
# lines and the record publishes them byte for byte: nothing decrypted is ever stored.
e2e_ballots = Table(
    "e2e_ballots",
    metadata,
    Column("code", String(43), primary_key=True),
    Column("session_id", String, nullable=False, index=True),
    Column("station", String, nullable=False),
    Column("line", Text, nullable=False),
    Column("import_sha256", String(64), ForeignKey("imports.file_sha256"), nullable=False),
)
# Challenged ballots, opened by their nonce: published, never counted.
e2e_checked = Table(
    "e2e_checked",
    metadata,
    Column("code", String(43), primary_key=True),
    Column("session_id", String, nullable=False),
    Column("station", String, nullable=False),
    Column("line", Text, nullable=False),
    Column("import_sha256", String(64), ForeignKey("imports.file_sha256"), nullable=False),
)
# Every cast ciphertext's α (32-byte encoding) with the file that brought it: α = g^ξ is fresh for every
# honest encryption, so one seen in two files is a ballot copied from one booth into another (or a
# replayed one), refused at import as the verifier's check V6 refuses it in the record.
e2e_alphas = Table(
    "e2e_alphas",
    metadata,
    Column("alpha", LargeBinary(32), primary_key=True),
    Column("import_sha256", String(64), ForeignKey("imports.file_sha256"), nullable=False, index=True),
)
# The signed manifest of each imported /2 file and the booth's signature, for the record's booth files.
e2e_seals = Table(
    "e2e_seals",
    metadata,
    Column("import_sha256", String(64), ForeignKey("imports.file_sha256"), primary_key=True),
    Column("manifest", Text, nullable=False),
    Column("signature", String(128), nullable=False),
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
