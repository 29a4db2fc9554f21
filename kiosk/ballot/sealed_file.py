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
import struct
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.audit import AuditChainError, AuditEntry, verify_chain
from kiosk.ballot.booth_certificate import BoothKeyCertificate, CertificateError, check_booth_certificate
from kiosk.ballot.canonical import canonical_json, sha256_hex
from kiosk.ballot.encryption import tracking_code
from kiosk.ballot.package import ElectionPackage, InvalidText, load_json_text
from kiosk.ballot.signing import SignatureError, sign_json, signing_key_from_hex, verify_json

SEALED_FORMAT = "isoloir-sealed-ballots/1"
SEALED_DOMAIN = "isoloir sealed ballot file"
SUFFIX = ".isoloir"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
BALLOTS, MARKS, AUDIT = "ballots.jsonl", "marks.jsonl", "audit.jsonl"
MEMBERS = (MANIFEST, SIGNATURE, BALLOTS, MARKS, AUDIT)
# Limits that no genuine booth file reaches (100,000 ballots take ~25 MB): they stop hostile media.
MAX_FILE_BYTES = 1024 * 1024 * 1024
MAX_MEMBER_BYTES = {MANIFEST: 4 * 1024 * 1024, SIGNATURE: 1024}
MAX_DATA_MEMBER_BYTES = 512 * 1024 * 1024
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_LOCAL_HEADER, _END_RECORD = 30, 22  # fixed sizes of a zip member's header and of the end record
_END_SIGNATURE = b"PK\x05\x06"
_SHOWN = 64  # characters of a hostile string quoted in a refusal: enough to recognise, never a flood
_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"


class Refusal(StrEnum):
    NOT_SEALED_FILE = "not a sealed ballot file"
    UNSAFE = "unsafe archive"
    TRUNCATED = "truncated or damaged"
    TAMPERED = "altered after sealing"
    OTHER_ELECTION = "from another election"
    UNCERTIFIED_BOOTH = "booth not certified by the election authority"
    INCONSISTENT = "counts do not match"
    WRONG_MODE = "wrong mode"
    ALREADY_IMPORTED = "already imported"
    SECOND_BOOTH_KEY = "a second booth key for this station"
    NOT_SERVED = "a voter of another booth"
    DOUBLE_VOTE = "a voter who already voted"
    AUDIT_MISMATCH = "the audit log does not match the ballots"
    QUARANTINED = "quarantined"
    ADDENDA_MISMATCH = "not the addenda officials issued"
    INVALID_BALLOT = "a ballot or its proof is not valid"
    CHECK_FAILED = "a checked ballot does not open to its code"
    OLD_FORMAT = "a sealed file of another version"


class SealedFileError(ValueError):
    def __init__(self, refusal: Refusal, detail: str) -> None:
        super().__init__(f"{refusal.value}: {detail}")
        self.refusal = refusal
        self.detail = detail


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SessionCount(_Strict):
    id: str
    ballots: int
    marks: int


class HeldAddendum(_Strict):
    number: int = Field(ge=1)
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")


class Manifest(_Strict):
    format: Literal["isoloir-sealed-ballots/1"] = "isoloir-sealed-ballots/1"
    election_id: str
    election_fingerprint: str = Field(pattern=r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")
    station: str
    certificate: BoothKeyCertificate  # the booth's key, certified by a poll worker's card
    mode: Literal["official", "test"]
    opened_at: str = Field(pattern=_TIME)  # shown in the report: a time, never free text
    closed_at: str = Field(pattern=_TIME)
    sessions: list[SessionCount]
    audit_head: str = Field(pattern=r"^[0-9a-f]{64}$")
    members: dict[str, str]  # member name -> sha256
    addenda: list[HeldAddendum] = Field(default_factory=list)  # the addenda the booth held, in order
    # A session file (a hall's vote closed while polls stay open) holds that one session's ballots,
    # marks and the log up to its session_closed event; None for the end-of-day file.
    session: str | None = None


@dataclass(frozen=True)
class SealedBallot:
    tracking_code: str
    session: str
    ciphertext: bytes


@dataclass(frozen=True)
class SealedFile:
    manifest: Manifest
    ballots: list[SealedBallot]
    marks: list[tuple[str, str]]  # (session, voter)
    audit: list[AuditEntry]
    # The file's identity: the digest of its signed manifest, which names every member's digest.
    # The same sealed contents in another zip wrapper are the same file, not "a different file".
    sha256: str


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


# --- reading ----------------------------------------------------------------------------------------
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
