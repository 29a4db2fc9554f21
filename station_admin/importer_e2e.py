"""The end-to-end half of an import (sealed file /2): read, check every proof, and store the lines.

The producer's own checks (kiosk.ballot) run here, not the independent verifier's: the import refuses a
bad file before anything is stored, and `isoloir-verify` later checks the published record on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Connection, func, select

from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import SealedE2E, parse_sealed_e2e, sealed_version
from kiosk.ballot.sealed_e2e_blocks import BALLOTS, CHECKED, parse_member
from kiosk.ballot.sealed_e2e_proofs import check_proofs
from kiosk.ballot.sealed_file import MAX_FILE_BYTES, Refusal, SealedFile, SealedFileError, parse_sealed_bytes
from station_admin import tally_db as db
from station_admin.e2e_election import E2EElection

_IN_CHUNK = 500  # bound parameters per query: under every database's limit
NO_CEREMONY = (
    "this file holds end-to-end ballots (sealed file /2), and this election folder has no trustees' key "
    "ceremony: station-admin election e2e-key --ceremony ceremony.json --manifest definition.json"
)


def read_any(
    path: Path, package: ElectionPackage, e2e: E2EElection | None, jobs: int
) -> SealedFile | SealedE2E:
    """The file read and wholly checked (proofs included) under the election's kind, or refused."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SealedFileError(Refusal.UNSAFE, f"{size} bytes is larger than any booth writes")
        data = path.read_bytes()
    except OSError as exc:
        raise SealedFileError(Refusal.TRUNCATED, f"cannot be read ({exc.strerror})") from None
    if e2e is None:
        if sealed_version(data) == 2:
            raise SealedFileError(Refusal.OLD_FORMAT, NO_CEREMONY)
        return parse_sealed_bytes(data, package)
    sealed = parse_sealed_e2e(data, package, e2e.election)
    check_proofs(sealed, package, e2e.election, jobs)
    return sealed


def check_codes_unseen(connection: Connection, sealed: SealedE2E) -> None:
    """No cast or checked code of this file is already stored: a ballot copied from another booth's
    file (or a checked ballot made to count elsewhere) is refused."""
    codes = [b64encode(b.code) for cast in sealed.ballots.values() for b in cast]
    codes += [b64encode(c.code) for checked in sealed.checked.values() for c in checked]
    for table in (db.e2e_ballots, db.e2e_checked):
        for start in range(0, len(codes), _IN_CHUNK):
            found = connection.execute(
                select(func.count())
                .select_from(table)
                .where(table.c.code.in_(codes[start : start + _IN_CHUNK]))
            ).scalar()
            if found:
                raise SealedFileError(Refusal.TAMPERED, "it holds ballots already imported from another file")


def store_e2e(connection: Connection, sealed: SealedE2E) -> None:
    """The lines exactly as sealed: the record publishes them, the tally aggregates them."""
    station = sealed.station
    codes = {
        "ballots": {s: [b.code for b in v] for s, v in sealed.ballots.items()},
        "checked": {s: [c.code for c in v] for s, v in sealed.checked.items()},
    }
    for table, name, kind in ((db.e2e_ballots, BALLOTS, "ballots"), (db.e2e_checked, CHECKED, "checked")):
        rows = [
            {
                "code": b64encode(code),
                "session_id": session,
                "station": station,
                "line": line.decode(),
                "import_sha256": sealed.sha256,
            }
            for session, block in parse_member(kind, name, sealed.members[name], station).items()
            for line, code in zip(block.lines, codes[kind][session], strict=True)
        ]
        if rows:
            connection.execute(table.insert(), rows)
    manifest = json.dumps(sealed.manifest.model_dump(mode="json"), ensure_ascii=False)
    signature = sealed.members["manifest.sig"].decode("ascii")
    connection.execute(
        db.e2e_seals.insert().values(import_sha256=sealed.sha256, manifest=manifest, signature=signature)
    )
