"""Taking an imported file out of the count, and importing the one that replaces it, on the record.

The first file imported for a booth holds its place: a different file for the same booth is refused.
When officials find that the first one was wrong (a forgery, a rehearsal's, a second booth set up
as the same station), `station-admin import --replace BOOTH --reason ... --by ...` quarantines it and
imports the new one in one transaction: if the new file is refused, nothing changes. The quarantine
stays in the tally database (who, when, why, which file replaced it), the results name it, and the
quarantined file is refused if it is brought again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from kiosk.ballot.ids import ElectionId, StationId
from kiosk.ballot.sealed_file import Refusal, SealedFileError
from kiosk.ballot.times import iso
from kiosk.clock import utc_now
from station_admin import tally_db as db
from station_admin.import_checks import AnySealed


@dataclass(frozen=True)
class Replacement:
    station: StationId
    reason: str
    by: str


def check_not_quarantined(connection: Connection, sealed: AnySealed, election_id: ElectionId) -> None:
    row = connection.execute(
        select(db.quarantined).where(
            (db.quarantined.c.file_sha256 == sealed.sha256) & (db.quarantined.c.election_id == election_id)
        )
    ).first()
    if row is not None:
        raise SealedFileError(
            Refusal.QUARANTINED,
            f"this file was taken out of the count on {row.quarantined_at} by {row.by}: {row.reason}",
        )


def quarantine(connection: Connection, file_sha256: str, replacement: Replacement, new_sha256: str) -> None:
    """Moves an imported file's record to the quarantine and removes its ballots, marks and log."""
    row = connection.execute(select(db.imports).where(db.imports.c.file_sha256 == file_sha256)).one()
    connection.execute(
        db.quarantined.insert().values(
            file_sha256=file_sha256,
            election_id=row.election_id,
            station=row.station,
            ballots=row.ballots,
            audit_head=row.audit_head,
            booth_public_key=row.booth_public_key,
            imported_at=row.imported_at,
            quarantined_at=iso(utc_now()),
            reason=replacement.reason,
            by=replacement.by,
            replaced_by=new_sha256,
        )
    )
    for table in (
        db.ballots,
        db.e2e_ballots,
        db.e2e_checked,
        db.e2e_alphas,
        db.e2e_seals,
        db.marks,
        db.audit_logs,
    ):
        connection.execute(table.delete().where(table.c.import_sha256 == file_sha256))
    connection.execute(db.imports.delete().where(db.imports.c.file_sha256 == file_sha256))


def quarantined_files(engine: Engine, election_id: ElectionId) -> list[dict[str, Any]]:
    """What the results say was taken out of the count, and why."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(db.quarantined)
            .where(db.quarantined.c.election_id == election_id)
            .order_by(db.quarantined.c.quarantined_at)
        ).mappings()
        return [{k: v for k, v in row.items() if k != "election_id"} for row in rows]
