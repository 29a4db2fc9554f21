"""The end-to-end half of an import (sealed file /2): read, check every proof, and store the lines.

The producer's own checks (kiosk.ballot) run here, not the independent verifier's: the import refuses a
bad file before anything is stored, and `isoloir-verify` later checks the published record on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Connection, func, select

from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.e2e_ballot import short_code
from kiosk.ballot.ids import SessionId
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
    path: Path, package: ElectionPackage, e2e: E2EElection | None, jobs: int, proofs_checked: bool = False
) -> SealedFile | SealedE2E:
    """The file read and wholly checked (proofs included, unless the hall checked these very bytes'
    proofs when it took them: proofs_checked) under the election's kind, or refused."""
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
    # Each element is validated once, by the proof worker that computes with it: the parse here only
    # compares and stores their encodings (α unique, codes), and nothing is stored unless every
    # worker has decoded its ballots from these same lines and checked them. A file the hall took
    # (`proofs_checked`) had every element and proof checked there before it was stored.
    sealed = parse_sealed_e2e(data, package, e2e.election, check_points=False)
    if not proofs_checked:
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


def _alphas(sealed: SealedE2E) -> dict[bytes, tuple[SessionId, bytes]]:
    """Each cast ciphertext's α, with the session and code of its ballot (unique: the proofs' check
    refused a file holding one twice)."""
    return {
        ct.alpha.encode(): (session, bytes(ballot.code))
        for session, cast in sealed.ballots.items()
        for ballot in cast
        for question in ballot.questions
        for ct in question.ciphertexts
    }


def check_alphas_unseen(connection: Connection, sealed: SealedE2E) -> None:
    """No ciphertext of this file is in a file already imported (V6 at the desk): a booth that knows
    a ballot's nonces can prove its α afresh under its own context, so its proofs and code pass and
    only the repeated α shows the copy. Both files are named."""
    alphas = _alphas(sealed)
    keys = sorted(alphas)
    for start in range(0, len(keys), _IN_CHUNK):
        found = connection.execute(
            select(db.e2e_alphas.c.alpha, db.imports.c.station, db.imports.c.file_sha256)
            .join(db.imports, db.imports.c.file_sha256 == db.e2e_alphas.c.import_sha256)
            .where(db.e2e_alphas.c.alpha.in_(keys[start : start + _IN_CHUNK]))
            .limit(1)
        ).first()
        if found is not None:
            session, code = alphas[bytes(found.alpha)]
            raise SealedFileError(
                Refusal.INVALID_BALLOT,
                f"ballot {short_code(Digest(code))} of {session!r} in this file of booth "
                f"{sealed.station!r} ({sealed.sha256[:16]}) repeats a ciphertext of the file of booth "
                f"{found.station!r} ({found.file_sha256[:16]}) imported before: a ballot copied from one "
                "booth's file into another's, or replayed",
            )


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
    alphas = [{"alpha": alpha, "import_sha256": sealed.sha256} for alpha in _alphas(sealed)]
    if alphas:
        connection.execute(db.e2e_alphas.insert(), alphas)
    manifest = json.dumps(sealed.manifest.signed(), ensure_ascii=False)
    signature = sealed.members["manifest.sig"].decode("ascii")
    connection.execute(
        db.e2e_seals.insert().values(import_sha256=sealed.sha256, manifest=manifest, signature=signature)
    )
