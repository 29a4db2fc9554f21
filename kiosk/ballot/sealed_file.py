"""The sealed ballot file, version 1: what a booth writes to USB media when polls close.

A zip archive (kiosk/ballot/sealed_archive.py) with a fixed set of members: the manifest (election
fingerprint, booth-key certificate, per-session counts, audit chain head, opening and closing times,
test or official mode, and the digest of every other member), the booth's signature over the
manifest, the ballots sorted by tracking code, the marks, and the audit log. The reader checks
everything before it returns anything: a file is either wholly verified or refused with a reason
(kiosk/ballot/sealed_refusals.py). Names used by both versions are re-exported from here.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.audit import AuditChainError, AuditEntry, verify_chain
from kiosk.ballot.booth_certificate import BoothKeyCertificate, CertificateError, check_booth_certificate
from kiosk.ballot.canonical import canonical_json, sha256_hex
from kiosk.ballot.definition import Voter
from kiosk.ballot.encryption import tracking_code
from kiosk.ballot.ids import ElectionId, SessionId, StationId, VoterId
from kiosk.ballot.package import ElectionPackage, InvalidText, load_json_text
from kiosk.ballot.sealed_archive import MANIFEST as MANIFEST
from kiosk.ballot.sealed_archive import MAX_FILE_BYTES as MAX_FILE_BYTES
from kiosk.ballot.sealed_archive import SIGNATURE as SIGNATURE
from kiosk.ballot.sealed_archive import safe_members as safe_members
from kiosk.ballot.sealed_archive import zip_members as zip_members
from kiosk.ballot.sealed_refusals import Refusal as Refusal
from kiosk.ballot.sealed_refusals import SealedFileError as SealedFileError
from kiosk.ballot.sealed_refusals import shown as shown
from kiosk.ballot.signing import SignatureError, sign_json, signing_key_from_hex, verify_json
from kiosk.ballot.times import parse_iso

SEALED_FORMAT = "isoloir-sealed-ballots/1"
SEALED_DOMAIN = "isoloir sealed ballot file"
SUFFIX = ".isoloir"
BALLOTS, MARKS, AUDIT = "ballots.jsonl", "marks.jsonl", "audit.jsonl"
MEMBERS = (MANIFEST, SIGNATURE, BALLOTS, MARKS, AUDIT)
_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"


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
    election_id: ElectionId
    election_fingerprint: str = Field(pattern=r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")
    station: StationId
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
    session: SessionId | None = None


@dataclass(frozen=True)
class SealedBallot:
    tracking_code: str
    session: SessionId
    ciphertext: bytes


@dataclass(frozen=True)
class SealedFile:
    manifest: Manifest
    ballots: list[SealedBallot]
    marks: list[tuple[SessionId, VoterId]]  # (session, voter)
    audit: list[AuditEntry]
    # The file's identity: the digest of its signed manifest, which names every member's digest.
    # The same sealed contents in another zip wrapper are the same file, not "a different file".
    sha256: str


# --- writing ----------------------------------------------------------------------------------------
def build_sealed_bytes(
    manifest_fields: dict[str, Any],
    ballots: list[tuple[str, SessionId, bytes]],
    marks: list[tuple[SessionId, VoterId]],
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


def _jsonl(rows: Any) -> bytes:
    return b"".join(json.dumps(row, sort_keys=True).encode() + b"\n" for row in rows)


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
    members = safe_members(data, MEMBERS)
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
            SealedBallot(
                str(r["tracking_code"]), SessionId(str(r["session"])), base64.b64decode(r["ciphertext"])
            )
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


def _parse_marks(data: bytes) -> list[tuple[SessionId, VoterId]]:
    try:
        marks = [(SessionId(str(r["session"])), VoterId(str(r["voter"]))) for r in _rows(data, MARKS)]
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
                parse_iso(str(r["time"])),
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
    manifest: Manifest, ballots: list[SealedBallot], marks: list[tuple[SessionId, VoterId]],
    package: ElectionPackage,
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
    voters: dict[str, Voter] = {v.id: v for v in definition.voters}  # looked up by the file's text
    for session_id, voter_id in marks:
        voter = voters.get(voter_id)
        if voter is None or session_id not in voter.sessions:
            raise SealedFileError(
                Refusal.INCONSISTENT, f"voter {shown(voter_id)} may not vote in {shown(session_id)}"
            )
