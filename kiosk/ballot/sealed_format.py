"""The sealed ballot file's format: its members, limits, manifest and refusals (written by
kiosk/ballot/sealed_file.py, read by kiosk/ballot/sealed_file_reader.py)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kiosk.ballot.audit import AuditEntry
from kiosk.ballot.booth_certificate import BoothKeyCertificate

SEALED_FORMAT = "isoloir-sealed-ballots/1"
SEALED_DOMAIN = "isoloir sealed ballot file"
SUFFIX = ".isoloir"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
BALLOTS, MARKS, AUDIT = "ballots.jsonl", "marks.jsonl", "audit.jsonl"
MEMBERS: tuple[str, ...] = (MANIFEST, SIGNATURE, BALLOTS, MARKS, AUDIT)
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


