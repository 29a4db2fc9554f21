"""The published election record (`isoloir-record/1`, docs/e2e-spec.md §10): a folder anyone checks
with `isoloir-verify RECORD --authority-key KEY`, needing no secret.

Everything in it is public: the definition's bytes, the election package (so the booth certificates
lead to the authority), the ceremony, each booth's signed sealed manifest, every cast ballot and
checked ballot exactly as its booth sealed it, who voted (no time, sorted), the decrypted sums with
every trustee's proofs, the named votes of recorded sessions, the counts; record.json lists every
file's SHA-256 and the authority signs it (record.sig).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select

from kiosk.ballot.addendum import ADDENDUM_PREFIX, ADDENDUM_SUFFIX
from kiosk.ballot.canonical import canonical_json, sha256_hex
from kiosk.ballot.crypto.base_hashes import parameters_hash
from kiosk.ballot.crypto.group import GENERATOR, ORDER
from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e_blocks import header_line, line_bytes
from station_admin import tally_db as db
from station_admin.e2e_election import E2EElection
from station_admin.e2e_tally import booth_files, imported_lines, write_files
from station_admin.record_results import RecordResultsError, merged_results

RECORD_FORMAT = "isoloir-record/1"
UNINDEXED = ("record.json", "record.sig")


class RecordWriteError(ValueError):
    pass


def write_record(
    package_file: Path,
    package: ElectionPackage,
    e2e: E2EElection,
    engine: Engine,
    results_dirs: Sequence[Path],
    authority: Ed25519PrivateKey,
    out: Path,
) -> Path:
    """The record folder at `out` (replaced if it exists); returns record.json's path. `package`: as
    amended by the addenda. `results_dirs`: one `tally --out` folder, or one `hall tally --out` folder
    per vote counted at the hall."""
    ballots = imported_lines(engine, package.election_id)
    # The sessions as amended (a vote added by addendum is the verifier's too, after the manifest's).
    sessions = package.definition.model_dump(mode="json", by_alias=True)["sessions"]
    try:
        results = merged_results(results_dirs, sessions, {s for s, b in ballots.items() if b})
    except RecordResultsError as exc:
        raise RecordWriteError(str(exc)) from None
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    counts = {
        "format": "isoloir-record/1 results",
        "election": package.election_id,
        "sessions": results.sessions,
    }
    files: dict[str, bytes] = {
        "parameters.json": _json(_parameters()),
        "manifest.json": e2e.manifest,
        "ceremony.json": e2e.ceremony_bytes,
        "package.json": package_file.read_bytes(),
        "results.json": _json(counts),
    }
    files.update(_addenda(package_file.parent / "addenda"))
    files.update(_booths(engine, package.election_id))
    files.update(booth_files("ballots", ballots))
    files.update(booth_files("checked", imported_lines(engine, package.election_id, db.e2e_checked)))
    files.update(_marks(engine, package.election_id))
    files.update(results.files)
    write_files(out, files)
    index = {
        "format": RECORD_FORMAT,
        "group": "ristretto255",
        "hash": "HMAC-SHA-256/512",
        "election": package.election_id,
        "files": [
            {"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
            for p, d in sorted(files.items())
        ],
    }
    text = _json(index)
    (out / "record.json").write_bytes(text)
    (out / "record.sig").write_bytes(authority.sign(text))
    return out / "record.json"


def _json(value: Any) -> bytes:
    return (json.dumps(value, indent=1, ensure_ascii=False) + "\n").encode()


def _parameters() -> dict[str, Any]:
    return {
        "format": "isoloir-record/1 parameters",
        "group": "ristretto255",
        "generator": b64encode(GENERATOR.encode()),
        "order": str(ORDER),
        "h_p": b64encode(parameters_hash()),
    }


def _addenda(folder: Path) -> dict[str, bytes]:
    """Every addendum issued, its exact signed bytes (§10): the composition a weighted vote's weights
    come from, which the verifier recomputes."""
    paths = sorted(folder.glob(f"{ADDENDUM_PREFIX}*{ADDENDUM_SUFFIX}")) if folder.is_dir() else []
    return {f"addenda/{p.name}": p.read_bytes() for p in paths}


def _booths(engine: Engine, election_id: str) -> dict[str, bytes]:
    query = (
        select(db.e2e_seals.c.manifest, db.e2e_seals.c.import_sha256)
        .join(db.imports, db.imports.c.file_sha256 == db.e2e_seals.c.import_sha256)
        .where(db.imports.c.election_id == election_id)
    )
    files = {}
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        signatures = dict(
            connection.execute(select(db.e2e_seals.c.import_sha256, db.e2e_seals.c.signature)).all()
        )
    for manifest_text, sha in rows:
        sealed = json.loads(manifest_text)
        if sha256_hex(canonical_json(sealed)) != sha:
            raise RecordWriteError(f"the stored manifest of file {sha[:16]} is not the one imported")
        booth = {
            "format": "isoloir-record/1 booth",
            "station": sealed["station"],
            "certificate": sealed["certificate"],
            "sealed_sha256": sha,
            "sealed": sealed,
            "signature": signatures[sha],
            "opened": sealed["opened_at"],
            "closed": sealed["closed_at"],
            "audit_head": sealed["audit_head"],
            "roll": sealed["roll"],
            "sessions": [
                {k: s[k] for k in ("session", "cast", "checked", "cast_codes", "checked_codes", "voters")}
                for s in sealed["sessions"]
            ],
        }
        files[f"booths/{sealed['station']}.json"] = _json(booth)
    return files


def _marks(engine: Engine, election_id: str) -> dict[str, bytes]:
    query = (
        select(db.marks.c.session_id, db.imports.c.station, db.marks.c.voter_id)
        .join(db.imports, db.imports.c.file_sha256 == db.marks.c.import_sha256)
        .where(db.imports.c.election_id == election_id)
    )
    grouped: dict[tuple[SessionId, StationId], list[str]] = {}
    with engine.connect() as connection:
        for session, station, voter in connection.execute(query):
            grouped.setdefault((SessionId(session), StationId(station)), []).append(voter)
    files = {}
    for (session, station), voters in sorted(grouped.items()):
        body = b"".join(line_bytes({"voter": v}) + b"\n" for v in sorted(voters, key=lambda v: v.encode()))
        files[f"marks/{session}/{station}.jsonl"] = header_line("marks", session, station) + b"\n" + body
    return files
