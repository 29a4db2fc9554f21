"""Importing sealed ballot files: verify everything, then store it in one transaction.

A file that is damaged, altered, from another election, from an uncertified booth, of the wrong mode
or already imported is refused with a reason and changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Engine, func, select

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.ids import StationId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import SealedE2E
from kiosk.ballot.sealed_file import Refusal, SealedFile, SealedFileError
from kiosk.ballot.times import iso
from kiosk.ballot.values import Mode
from kiosk.clock import utc_now
from station_admin import tally_db as db
from station_admin.booth_keys import check_booth_key
from station_admin.e2e_election import E2EElection
from station_admin.import_addenda import check_addenda
from station_admin.import_checks import AnySealed, check_audit_log, check_no_double_vote, check_voters_served
from station_admin.importer_e2e import check_alphas_unseen, check_codes_unseen, read_any, store_e2e
from station_admin.quarantine import Replacement, check_not_quarantined, quarantine

NO_STATION = StationId("")  # a refused file's result names no booth


@dataclass
class ImportResult:
    path: Path
    status: Literal["imported", "refused", "already imported"]
    station: StationId = NO_STATION
    ballots: int = 0
    marks: int = 0
    reason: str = ""
    replaced: str = ""  # the identity of the file this one replaced (quarantined), if any


def import_file(
    engine: Engine,
    package: ElectionPackage,
    path: Path,
    mode: Mode = "official",
    replace: Replacement | None = None,
    e2e: E2EElection | None = None,
    jobs: int = 1,
    addenda: tuple[ElectionDefinition, list[Addendum]] | None = None,
    proofs_checked: bool = False,
) -> ImportResult:
    """`package` is the election as amended by every addendum officials issued; `addenda` is the
    definition as first signed and those addenda, to check the ones the file's booth held.
    e2e: the election's end-to-end key when it has one (then only sealed files /2 import, every
    proof checked over `jobs` processes); None for an election of HPKE ballots (files /1).
    proofs_checked: only for the hall's own session files, whose proofs it checked when it took
    them (station_admin/hall/e2e_collect.py): every other check runs again."""
    replaced = ""
    try:
        sealed = read_any(path, package, e2e, jobs, proofs_checked)
        check_addenda(sealed, *(addenda or (package.definition, [])))
        _check_mode(sealed, mode)
        if isinstance(sealed, SealedFile):
            check_voters_served(sealed, package)  # the /2 reader checks it per session
        check_audit_log(sealed)
        with engine.begin() as connection:
            check_not_quarantined(connection, sealed, package.election_id)
            # Replacing a station on purpose: the quarantine below takes the old file's key out with
            # it, so the one-key check runs after it (officials chose this booth as the genuine one).
            replacing = replace is not None and replace.station == sealed.manifest.station
            if not replacing:
                check_booth_key(connection, package, sealed)
            previous = connection.execute(
                select(db.imports.c.file_sha256, db.imports.c.station).where(
                    (db.imports.c.file_sha256 == sealed.sha256)
                    | (
                        (db.imports.c.election_id == package.election_id)
                        & (db.imports.c.station == sealed.manifest.station)
                    )
                )
            ).first()
            if previous is not None and previous.file_sha256 == sealed.sha256:
                return ImportResult(
                    path,
                    "already imported",
                    sealed.manifest.station,
                    reason="this file was imported before; nothing changed",
                )
            if previous is not None and replace is not None and replace.station == previous.station:
                quarantine(connection, previous.file_sha256, replace, sealed.sha256)
                replaced = previous.file_sha256
            elif previous is not None:
                raise SealedFileError(
                    Refusal.ALREADY_IMPORTED,
                    f"a different file from booth {previous.station!r} was already imported; if that "
                    f"one is wrong: station-admin import --replace {previous.station} --reason ... --by ...",
                )
            if replacing:
                check_booth_key(connection, package, sealed)
            if isinstance(sealed, SealedE2E):
                check_codes_unseen(connection, sealed)
                check_alphas_unseen(connection, sealed)
            else:
                _check_tracking_codes(connection, sealed)
            check_no_double_vote(connection, sealed)
            _store(connection, package, sealed)
    except SealedFileError as exc:
        return ImportResult(path, "refused", reason=str(exc))
    return ImportResult(
        path,
        "imported",
        sealed.manifest.station,
        _cast(sealed),
        len(sealed.marks),
        replaced=replaced,
    )


def _cast(sealed: AnySealed) -> int:
    return sealed.cast_count() if isinstance(sealed, SealedE2E) else len(sealed.ballots)


def _check_mode(sealed: AnySealed, mode: Mode) -> None:
    if sealed.manifest.mode != mode:
        raise SealedFileError(
            Refusal.WRONG_MODE,
            (f"the booth ran in {sealed.manifest.mode} mode; this import takes {mode} files only"),
        )


def _check_tracking_codes(connection: Connection, sealed: SealedFile) -> None:
    codes = [b.tracking_code for b in sealed.ballots]
    for start in range(0, len(codes), 500):
        chunk = codes[start : start + 500]
        found = connection.execute(
            select(func.count()).select_from(db.ballots).where(db.ballots.c.tracking_code.in_(chunk))
        ).scalar()
        if found:
            raise SealedFileError(Refusal.TAMPERED, "it holds ballots already imported from another file")


def _store(connection: Connection, package: ElectionPackage, sealed: AnySealed) -> None:
    manifest = sealed.manifest
    execute = connection.execute
    execute(
        db.imports.insert().values(
            file_sha256=sealed.sha256,
            election_id=package.election_id,
            station=manifest.station,
            mode=manifest.mode,
            opened_at=manifest.opened_at,
            closed_at=manifest.closed_at,
            audit_head=manifest.audit_head,
            booth_public_key=manifest.certificate.body.booth_public_key,
            ballots=_cast(sealed),
            imported_at=iso(utc_now()),
        )
    )
    if isinstance(sealed, SealedE2E):
        store_e2e(connection, sealed)
    elif sealed.ballots:
        execute(
            db.ballots.insert(),
            [
                {
                    "tracking_code": b.tracking_code,
                    "session_id": b.session,
                    "ciphertext": b.ciphertext,
                    "import_sha256": sealed.sha256,
                }
                for b in sealed.ballots
            ],
        )
    if sealed.marks:
        execute(
            db.marks.insert(),
            [{"session_id": s, "voter_id": v, "import_sha256": sealed.sha256} for s, v in sealed.marks],
        )
    execute(
        db.audit_logs.insert().values(
            import_sha256=sealed.sha256, entries=json.dumps([e.as_dict() for e in sealed.audit])
        )
    )
