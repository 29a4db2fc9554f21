"""Reading a sealed ballot file (kiosk/ballot/sealed_file.py holds its format and the writer): the
archive's shape, the manifest, the booth's certificate and signature, every member's digest, the
sort orders, the counts and the audit chain are checked before anything is returned.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.ballot.audit import AuditChainError, AuditEntry, verify_chain
from kiosk.ballot.booth_certificate import CertificateError, check_booth_certificate
from kiosk.ballot.canonical import canonical_json, sha256_hex
from kiosk.ballot.encryption import tracking_code
from kiosk.ballot.package import ElectionPackage, InvalidText, load_json_text
from kiosk.ballot.sealed_format import (
    _END_RECORD,
    _END_SIGNATURE,
    _LOCAL_HEADER,
    _METHODS,
    _SHOWN,
    AUDIT,
    BALLOTS,
    MANIFEST,
    MARKS,
    MAX_DATA_MEMBER_BYTES,
    MAX_FILE_BYTES,
    MAX_MEMBER_BYTES,
    MEMBERS,
    SEALED_DOMAIN,
    SIGNATURE,
    Manifest,
    Refusal,
    SealedBallot,
    SealedFile,
    SealedFileError,
)
from kiosk.ballot.signing import SignatureError, verify_json


def read_sealed_file(path: Path, package: ElectionPackage) -> SealedFile:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SealedFileError(Refusal.UNSAFE, f"{size} bytes is larger than any booth writes")
        data = path.read_bytes()
    except OSError as exc:
        raise SealedFileError(Refusal.TRUNCATED, f"cannot be read ({exc.strerror})") from None
    return parse_sealed_bytes(data, package)


def parse_sealed_bytes(data: bytes, package: ElectionPackage) -> SealedFile:
    members = safe_members(data)
    manifest = _checked_manifest(members, package)
    for name in (BALLOTS, MARKS, AUDIT):
        if hashlib.sha256(members[name]).hexdigest() != manifest.members.get(name):
            raise SealedFileError(Refusal.TAMPERED, f"{name} does not match the signed manifest")
    ballots = _parse_ballots(members[BALLOTS])
    marks = _parse_marks(members[MARKS])
    audit = _parse_audit(members[AUDIT], manifest)
    _check_counts(manifest, ballots, marks, package)
    identity = sha256_hex(canonical_json(manifest.model_dump(mode="json")))
    return SealedFile(manifest, ballots, marks, audit, identity)


def safe_members(data: bytes, expected: tuple[str, ...] = MEMBERS) -> dict[str, bytes]:
    """The archive's members, exactly `expected`, each read within its limit; anything else refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):  # damaged, or a later zip
        if data[:4] == b"PK\x03\x04":
            raise SealedFileError(Refusal.TRUNCATED, "the archive is cut short or damaged") from None
        raise SealedFileError(Refusal.NOT_SEALED_FILE, "it is not an archive") from None
    with archive:
        _check_layout(data, archive)
        names = [info.filename for info in archive.infolist()]
        strange = [n for n in names if n not in expected]
        if strange:
            raise SealedFileError(Refusal.UNSAFE, f"unexpected member {shown(strange[0])}")
        if len(set(names)) != len(names):
            raise SealedFileError(Refusal.UNSAFE, "a member appears twice")
        odd = [i.filename for i in archive.infolist() if i.flag_bits & 0x1 or i.compress_type not in _METHODS]
        if odd:  # the booth writes deflated, unencrypted members only
            raise SealedFileError(Refusal.UNSAFE, f"{odd[0]!r} is encrypted or compressed in an odd way")
        missing = [n for n in expected if n not in names]
        if missing:
            raise SealedFileError(Refusal.NOT_SEALED_FILE, f"no {missing[0]} in the archive")
        return {name: _read_member(archive, name) for name in expected}


def _check_layout(data: bytes, archive: zipfile.ZipFile) -> None:
    """Every byte is a member, the directory or its end record, in the booth's order: nothing
    before, between or after them, and no comment. Bytes outside the signed members would travel
    with the file unsigned (a second wrapper for the same ballots, or anything else)."""
    position = 0
    for info in sorted(archive.infolist(), key=lambda i: i.header_offset):
        header = data[position : position + _LOCAL_HEADER]
        if info.header_offset != position or header[:4] != b"PK\x03\x04":
            raise SealedFileError(Refusal.UNSAFE, "it holds bytes outside the signed members")
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        if extra_length or info.extra or info.comment or info.flag_bits & 0x08:
            raise SealedFileError(Refusal.UNSAFE, f"{shown(info.filename)} carries unsigned zip fields")
        position += _LOCAL_HEADER + name_length + info.compress_size
    end = len(data) - _END_RECORD
    directory_size = struct.unpack("<I", data[end + 12 : end + 16])[0] if end >= 0 else -1
    if (
        archive.comment
        or data[end : end + 4] != _END_SIGNATURE
        or archive.start_dir != position
        or position + directory_size != end
    ):
        raise SealedFileError(Refusal.UNSAFE, "it holds bytes outside the signed members")


def shown(text: str) -> str:
    """A string from the file, quoted for a refusal: escaped, and cut short."""
    quoted = ascii(text)
    return quoted if len(quoted) <= _SHOWN else quoted[: _SHOWN - 1] + "…"


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    limit = MAX_MEMBER_BYTES.get(name, MAX_DATA_MEMBER_BYTES)
    if archive.getinfo(name).file_size > limit:
        raise SealedFileError(Refusal.UNSAFE, f"{name} claims to be larger than any booth writes")
    try:
        with archive.open(name) as handle:
            content = handle.read(limit + 1)  # never trust the declared size: stop past the limit
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise SealedFileError(Refusal.TRUNCATED, f"{name} cannot be read ({exc})") from None
    if len(content) > limit:
        raise SealedFileError(Refusal.UNSAFE, f"{name} is larger than any booth writes")
    return content


def _checked_manifest(members: dict[str, bytes], package: ElectionPackage) -> Manifest:
    try:
        raw = load_json_text(members[MANIFEST])
        manifest = Manifest.model_validate(raw)
    except InvalidText as exc:
        raise SealedFileError(Refusal.TAMPERED, f"the manifest is malformed: {exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValidationError):
        raise SealedFileError(Refusal.TAMPERED, "the manifest is malformed") from None
    if manifest.election_id != package.election_id:
        raise SealedFileError(
            Refusal.OTHER_ELECTION, f"it belongs to election {shown(manifest.election_id)}"
        )
    if manifest.election_fingerprint != package.fingerprint:
        raise SealedFileError(
            Refusal.OTHER_ELECTION,
            f"it names election {shown(manifest.election_id)} too, but its package fingerprint "
            f"{manifest.election_fingerprint} differs from this election's {package.fingerprint} "
            "(another election with the same id, or a package signed again after the booth was set up)",
        )
    try:
        check_booth_certificate(manifest.certificate, package)
    except CertificateError as exc:
        raise SealedFileError(Refusal.UNCERTIFIED_BOOTH, str(exc)) from None
    if manifest.certificate.body.station != manifest.station:
        raise SealedFileError(Refusal.UNCERTIFIED_BOOTH, "the certificate is for another booth")
    try:
        verify_json(
            manifest.certificate.body.booth_public_key,
            SEALED_DOMAIN,
            raw,
            members[SIGNATURE].decode("ascii", "replace"),
        )
    except SignatureError:
        raise SealedFileError(Refusal.TAMPERED, "the booth's signature does not match") from None
    return manifest


def _rows(data: bytes, name: str) -> list[dict[str, Any]]:
    try:
        rows = [load_json_text(line) for line in data.splitlines() if line]
    except InvalidText as exc:
        raise SealedFileError(Refusal.TAMPERED, f"{name} is malformed: {exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise SealedFileError(Refusal.TAMPERED, f"{name} is malformed") from None
    if not all(isinstance(row, dict) for row in rows):
        raise SealedFileError(Refusal.TAMPERED, f"{name} is malformed")
    return rows


def _parse_ballots(data: bytes) -> list[SealedBallot]:
    try:
        ballots = [
            SealedBallot(str(r["tracking_code"]), str(r["session"]), base64.b64decode(r["ciphertext"]))
            for r in _rows(data, BALLOTS)
        ]
    except (KeyError, ValueError, TypeError):
        raise SealedFileError(Refusal.TAMPERED, f"{BALLOTS} is malformed") from None
    for ballot in ballots:
        if tracking_code(ballot.ciphertext) != ballot.tracking_code:
            raise SealedFileError(Refusal.TAMPERED, f"ballot {ballot.tracking_code} does not match its code")
    codes = [b.tracking_code for b in ballots]
    if codes != sorted(codes) or len(set(codes)) != len(codes):
        raise SealedFileError(Refusal.TAMPERED, "ballots are not in tracking-code order")
    return ballots


def _parse_marks(data: bytes) -> list[tuple[str, str]]:
    try:
        marks = [(str(r["session"]), str(r["voter"])) for r in _rows(data, MARKS)]
    except KeyError:
        raise SealedFileError(Refusal.TAMPERED, f"{MARKS} is malformed") from None
    if len(set(marks)) != len(marks):
        raise SealedFileError(Refusal.INCONSISTENT, "a voter is marked twice in one session")
    return marks


def _parse_audit(data: bytes, manifest: Manifest) -> list[AuditEntry]:
    try:
        entries = [
            AuditEntry(
                int(r["seq"]),
                str(r["time"]),
                str(r["event"]),
                dict(r["data"]),
                str(r["prev"]),
                str(r["hash"]),
            )
            for r in _rows(data, AUDIT)
        ]
        head = verify_chain(entries)
    except (KeyError, ValueError, TypeError) as exc:
        raise SealedFileError(Refusal.TAMPERED, f"the audit log is broken: {exc}") from None
    except AuditChainError as exc:
        raise SealedFileError(Refusal.TAMPERED, f"the audit log is broken: {exc}") from None
    if head != manifest.audit_head:
        raise SealedFileError(Refusal.TAMPERED, "the audit log does not end at the sealed chain head")
    return entries


def _check_counts(
    manifest: Manifest, ballots: list[SealedBallot], marks: list[tuple[str, str]], package: ElectionPackage
) -> None:
    definition = package.definition
    sessions = {s.id for s in definition.sessions}
    stated = {c.id: (c.ballots, c.marks) for c in manifest.sessions}
    for session_id in {b.session for b in ballots} | {s for s, _ in marks} | set(stated):
        if session_id not in sessions:
            raise SealedFileError(Refusal.INCONSISTENT, f"no session {shown(session_id)} in this election")
        counted = (
            sum(1 for b in ballots if b.session == session_id),
            sum(1 for s, _ in marks if s == session_id),
        )
        if counted != stated.get(session_id, (0, 0)):
            raise SealedFileError(
                Refusal.INCONSISTENT, f"session {session_id!r} holds other counts than stated"
            )
        if counted[0] != counted[1]:
            raise SealedFileError(Refusal.INCONSISTENT, f"session {session_id!r}: ballots differ from marks")
    # Voters of another booth, and voters already marked by another file, are refused by the import
    # (station_admin/import_checks.py), which knows the other files.
    voters = {v.id: v for v in definition.voters}
    for session_id, voter_id in marks:
        voter = voters.get(voter_id)
        if voter is None or session_id not in voter.sessions:
            raise SealedFileError(
                Refusal.INCONSISTENT, f"voter {shown(voter_id)} may not vote in {shown(session_id)}"
            )
