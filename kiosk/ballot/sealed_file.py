"""The sealed ballot file: what a booth writes to USB media when polls close.

A zip archive with a fixed set of members: the manifest (election fingerprint, booth-key certificate,
per-session counts, audit chain head, opening and closing times, test or official mode, and the
digest of every other member), the booth's signature over the manifest, the ballots sorted by
tracking code, the marks, and the audit log. The reader checks everything before it returns
anything: a file is either wholly verified or refused with a reason.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

from kiosk.ballot.audit import AuditEntry
from kiosk.ballot.sealed_file_reader import parse_sealed_bytes, read_sealed_file, safe_members, shown
from kiosk.ballot.sealed_format import (
    AUDIT,
    BALLOTS,
    MANIFEST,
    MARKS,
    MAX_DATA_MEMBER_BYTES,
    MAX_FILE_BYTES,
    MAX_MEMBER_BYTES,
    MEMBERS,
    SEALED_DOMAIN,
    SEALED_FORMAT,
    SIGNATURE,
    SUFFIX,
    HeldAddendum,
    Manifest,
    Refusal,
    SealedBallot,
    SealedFile,
    SealedFileError,
    SessionCount,
)
from kiosk.ballot.signing import sign_json, signing_key_from_hex

__all__ = [
    "AUDIT",
    "BALLOTS",
    "MANIFEST",
    "MARKS",
    "MAX_DATA_MEMBER_BYTES",
    "MAX_FILE_BYTES",
    "MAX_MEMBER_BYTES",
    "MEMBERS",
    "SEALED_DOMAIN",
    "SEALED_FORMAT",
    "SIGNATURE",
    "SUFFIX",
    "HeldAddendum",
    "Manifest",
    "Refusal",
    "SealedBallot",
    "SealedFile",
    "SealedFileError",
    "SessionCount",
    "build_sealed_bytes",
    "parse_sealed_bytes",
    "read_sealed_file",
    "safe_members",
    "shown",
    "write_atomically",
    "zip_members",
]


# --- writing ----------------------------------------------------------------------------------------
def build_sealed_bytes(
    manifest_fields: dict[str, Any],
    ballots: list[tuple[str, str, bytes]],
    marks: list[tuple[str, str]],
    audit: list[AuditEntry],
    booth_private_key: str,
) -> bytes:
    members = {
        BALLOTS: _jsonl(
            {"tracking_code": t, "session": s, "ciphertext": base64.b64encode(c).decode()}
            for t, s, c in sorted(ballots)
        ),
        MARKS: _jsonl({"session": s, "voter": v} for s, v in sorted(marks)),
        AUDIT: _jsonl(entry.as_dict() for entry in audit),
    }
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    manifest = Manifest.model_validate({**manifest_fields, "members": digests})
    manifest_dict = manifest.model_dump(mode="json")
    signature = sign_json(signing_key_from_hex(booth_private_key), SEALED_DOMAIN, manifest_dict)
    contents = {
        MANIFEST: json.dumps(manifest_dict, indent=1, ensure_ascii=False).encode(),
        SIGNATURE: signature.encode(),
        **members,
    }
    return zip_members(contents)


def zip_members(contents: dict[str, bytes]) -> bytes:
    """The archive the booth writes: deflated members in this order, no extra fields, fixed dates."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in contents.items():
            # A fixed date: the same booth state always gives byte-identical files (and copies).
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def _jsonl(rows: Any) -> bytes:
    return b"".join(json.dumps(row, sort_keys=True).encode() + b"\n" for row in rows)


def write_atomically(directory: Path, name: str, data: bytes) -> Path:
    """Temporary file, fsync, rename, fsync of the folder: a pulled stick never leaves a file that
    looks complete under the final name."""
    final = directory / name
    partial = directory / f".{name}.partial"
    with open(partial, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, final)
    folder = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return final
