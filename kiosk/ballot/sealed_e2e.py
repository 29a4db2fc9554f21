"""The sealed ballot file, version 2: what a booth writes at closing when its ballots are end to end.

A zip archive like version 1 (kiosk/ballot/sealed_file.py), with these members in this order:

  manifest.json  election, booth certificate, mode, opening and closing, H_E and the election key,
                 per session the booth held the counts (cast, checked, marks), the sorted code-set
                 digests (spec §9.2) and the digest of its marked voters (§9.2a), whose marks it may
                 hold (`roll`), the audit chain head, the SHA-256 of every other member, and
                 the addenda the booth held (number and digest, in order)
  manifest.sig   the booth key's Ed25519 signature over the canonical manifest (domain below)
  ballots.jsonl  the cast ballots, the record's own lines (spec §10), one block per session
  checked.jsonl  the challenged ballots, opened: context, ξ_B and the choices (never counted)
  marks.jsonl    who voted, per session, sorted by voter id, no time
  audit.jsonl    the booth's hash-chained audit log up to the closing

The reader checks everything before returning anything (a file is wholly read or refused with a
reason): the archive's shape, the manifest, the certificate chain to the authority, the signature,
every member's digest, every element and scalar, the sort orders, the counts, ballots = marks per
session, each ballot's context against the marked voters, the code-set digests and the audit chain.
The proofs are checked by kiosk/ballot/sealed_e2e_proofs.py (the slow part, spread over processes).
Spec: docs/e2e-spec.md §10.1.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.audit import AuditEntry, verify_chain
from kiosk.ballot.audit_events import serves_the_hall
from kiosk.ballot.booth_certificate import BoothKeyCertificate
from kiosk.ballot.canonical import canonical_json, sha256_hex
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.e2e_ballot import ElectionKey, EncryptedBallot, code_set_digest
from kiosk.ballot.e2e_marks import HALL_ROLL, STATION_ROLL, Roll, voter_set_digest
from kiosk.ballot.e2e_record import CheckedBallot, ballot_to_json, checked_to_json
from kiosk.ballot.ids import ElectionId, SessionId, StationId, VoterId
from kiosk.ballot.package import ElectionPackage, InvalidText, load_json_text
from kiosk.ballot.sealed_e2e_blocks import (
    AUDIT,
    BALLOTS,
    CHECKED,
    MANIFEST,
    MARKS,
    MEMBERS,
    SEALED_E2E_DOMAIN,
    SIGNATURE,
    build_member,
    line_bytes,
)
from kiosk.ballot.sealed_e2e_reader import read_contents
from kiosk.ballot.sealed_file import (
    MAX_FILE_BYTES,
    HeldAddendum,
    Refusal,
    SealedFileError,
    safe_members,
    zip_members,
)
from kiosk.ballot.sealed_file import MEMBERS as V1_MEMBERS
from kiosk.ballot.signing import sign_json, signing_key_from_hex
from kiosk.ballot.times import iso
from kiosk.ballot.values import Mode

SEALED_E2E_FORMAT = "isoloir-sealed-ballots/2"
OLD_FORMAT_REASON = (
    "this booth sealed version 1 (HPKE ballots, before end-to-end verification); an election with a "
    "trustees' key ceremony counts end-to-end ballots only: set the booth up again with this "
    "election's package"
)
_B64_32 = r"^[A-Za-z0-9_-]{43}$"
_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SessionSeal(_Strict):
    session: SessionId
    cast: int = Field(ge=0)
    checked: int = Field(ge=0)
    marks: int = Field(ge=0)
    cast_codes: str = Field(pattern=_B64_32)  # tag 0x26 over the sorted cast codes
    checked_codes: str = Field(pattern=_B64_32)
    voters: str = Field(pattern=_B64_32)  # tag 0x27 over the sorted ids of the voters it marked


class ManifestE2E(_Strict):
    format: Literal["isoloir-sealed-ballots/2"] = "isoloir-sealed-ballots/2"
    election_id: ElectionId
    election_fingerprint: str = Field(pattern=r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")
    station: StationId
    certificate: BoothKeyCertificate
    roll: Roll  # whose marks it may hold: its station's voters, or every delegate (a hall's booth)
    mode: Literal["official", "test"]
    opened_at: str = Field(pattern=_TIME)
    closed_at: str = Field(pattern=_TIME)
    h_e: str = Field(pattern=_B64_32)
    election_key: str = Field(pattern=_B64_32)
    sessions: list[SessionSeal]  # every session of the election, in the definition's order
    audit_head: str = Field(pattern=r"^[0-9a-f]{64}$")
    members: dict[str, str]
    addenda: list[HeldAddendum]  # the addenda the booth held, in order (the import checks them)
    # A session file's one session (closed at a hall while polls stayed open); absent in a day's file.
    session: SessionId | None = None

    def signed(self) -> dict[str, Any]:
        """The manifest as signed and hashed: `session` only in a session file (as in version 1)."""
        return self.model_dump(mode="json", exclude_none=True)


@dataclass(frozen=True)
class BoothSeal:
    """What the booth states about itself; the writer adds what it holds."""

    package: ElectionPackage
    election: ElectionKey
    certificate: BoothKeyCertificate  # the booth's key, certified by a poll worker's card at set-up
    booth_key: str = field(repr=False)  # its private half (hex)
    mode: Mode
    opened_at: datetime  # written as their text (kiosk/ballot/times.py)
    closed_at: datetime
    addenda: tuple[tuple[int, str], ...] = ()  # (number, digest) of each addendum taken in, in order
    session: SessionId | None = None  # a session file's one session; None: the whole day's file

    @property
    def station(self) -> StationId:
        return self.certificate.body.station


@dataclass(frozen=True)
class SealedE2E:
    manifest: ManifestE2E
    ballots: dict[SessionId, tuple[EncryptedBallot, ...]]  # by session, sorted by code bytes
    checked: dict[SessionId, tuple[CheckedBallot, ...]]
    marks: list[tuple[SessionId, VoterId]]  # (session, voter), sorted
    audit: list[AuditEntry]
    # The members as sealed, by name: the record publishes their blocks byte for byte.
    members: dict[str, bytes] = field(repr=False)
    sha256: str  # the file's identity: the digest of its signed manifest, as in version 1

    @property
    def station(self) -> StationId:
        return self.manifest.station

    def cast_count(self) -> int:
        return sum(len(b) for b in self.ballots.values())


# --- writing ----------------------------------------------------------------------------------------
def build_sealed_e2e_bytes(
    seal: BoothSeal,
    ballots: Sequence[EncryptedBallot],
    checked: Sequence[CheckedBallot],
    marks: Sequence[tuple[str, str]],
    audit: Sequence[AuditEntry],
) -> bytes:
    """The sealed file's bytes, a pure function of its inputs (the same inputs, the same bytes).

    ballots: every cast ballot of the booth (of seal.session only, for a session file), any order;
    checked: every challenged ballot, opened; marks: (session, voter) of every voter who cast;
    audit: the log up to and with its closing (of polls, or of seal.session).
    Sorting, counting and the code-set digests are done here. ValueError when a ballot names another
    booth or a session outside the election: a booth bug, never written to a stick.
    """
    sessions = [s.id for s in seal.package.definition.sessions if seal.session in (None, s.id)]
    for context in [b.context for b in ballots] + [c.context for c in checked]:
        if context.station != seal.station or context.session not in sessions:
            raise ValueError(f"a ballot of {context.session!r} at {context.station!r} is not this booth's")
    cast_by = {
        s: sorted((b for b in ballots if b.context.session == s), key=lambda b: b.code) for s in sessions
    }
    checked_by = {
        s: sorted((c for c in checked if c.context.session == s), key=lambda c: c.code) for s in sessions
    }
    marks_by = {s: sorted({v.encode() for m, v in marks if m == s}) for s in sessions}
    members = {
        BALLOTS: build_member(
            "ballots",
            seal.station,
            {s: [line_bytes(ballot_to_json(b)) for b in v] for s, v in cast_by.items()},
        ),
        CHECKED: build_member(
            "checked",
            seal.station,
            {s: [line_bytes(checked_to_json(c)) for c in v] for s, v in checked_by.items()},
        ),
        MARKS: build_member(
            "marks",
            seal.station,
            {s: [line_bytes({"voter": v.decode()}) for v in vs] for s, vs in marks_by.items()},
        ),
        AUDIT: b"".join(json.dumps(e.as_dict(), sort_keys=True).encode() + b"\n" for e in audit),
    }
    counts = [
        {
            "session": s,
            "cast": len(cast_by[s]),
            "checked": len(checked_by[s]),
            "marks": len(marks_by[s]),
            "cast_codes": _codes(seal, s, "cast", [b.code for b in cast_by[s]]),
            "checked_codes": _codes(seal, s, "checked", [c.code for c in checked_by[s]]),
            "voters": b64encode(
                voter_set_digest(seal.election, s, seal.station, [VoterId(v.decode()) for v in marks_by[s]])
            ),
        }
        for s in sessions
    ]
    manifest = ManifestE2E(
        election_id=seal.package.election_id,
        election_fingerprint=seal.package.fingerprint,
        station=seal.station,
        certificate=seal.certificate,
        roll=HALL_ROLL if serves_the_hall(audit) else STATION_ROLL,
        mode=seal.mode,
        opened_at=iso(seal.opened_at),
        closed_at=iso(seal.closed_at),
        h_e=b64encode(seal.election.extended_hash),
        election_key=b64encode(seal.election.key.encode()),
        sessions=[SessionSeal.model_validate(c) for c in counts],
        audit_head=verify_chain(list(audit)),
        members={name: hashlib.sha256(data).hexdigest() for name, data in members.items()},
        addenda=[HeldAddendum(number=n, digest=d) for n, d in seal.addenda],
        session=seal.session,
    )
    manifest_dict = manifest.signed()
    signature = sign_json(signing_key_from_hex(seal.booth_key), SEALED_E2E_DOMAIN, manifest_dict)
    return zip_members(
        {
            MANIFEST: json.dumps(manifest_dict, indent=1, ensure_ascii=False).encode(),
            SIGNATURE: signature.encode(),
            **members,
        }
    )


def _codes(seal: BoothSeal, session: SessionId, kind: str, codes: list[bytes]) -> str:
    return b64encode(code_set_digest(seal.election, session, seal.station, kind, [Digest(c) for c in codes]))


# --- reading ----------------------------------------------------------------------------------------
def sealed_version(data: bytes) -> int:
    """1 or 2, from the members and the manifest's format; 0 when the bytes are neither (the reader
    of version 2 then says why)."""
    for version, expected in ((2, MEMBERS), (1, V1_MEMBERS)):
        try:
            manifest = safe_members(data, expected)[MANIFEST]
        except SealedFileError:
            continue
        try:
            raw = load_json_text(manifest)
        except (InvalidText, json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            return version
        stated = raw.get("format") if isinstance(raw, dict) else None
        return 1 if stated == "isoloir-sealed-ballots/1" else version
    return 0


def read_sealed_e2e(path: Path, package: ElectionPackage, election: ElectionKey) -> SealedE2E:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SealedFileError(Refusal.UNSAFE, f"{size} bytes is larger than any booth writes")
        data = path.read_bytes()
    except OSError as exc:
        raise SealedFileError(Refusal.TRUNCATED, f"cannot be read ({exc.strerror})") from None
    return parse_sealed_e2e(data, package, election)


def parse_sealed_e2e(
    data: bytes, package: ElectionPackage, election: ElectionKey, check_points: bool = True
) -> SealedE2E:
    """check_points=False leaves the cast ballots' elements unvalidated (Point.decode_unchecked) and
    their proofs unread: only for the import and the hall's take, whose proof check decodes,
    validates and checks each of them from the same lines (sealed_e2e_proofs)."""
    if sealed_version(data) == 1:
        raise SealedFileError(Refusal.OLD_FORMAT, OLD_FORMAT_REASON)
    members = safe_members(data, MEMBERS)
    manifest = _manifest(members)
    contents = read_contents(manifest, members, package, election, check_points)
    identity = sha256_hex(canonical_json(manifest.signed()))
    return SealedE2E(manifest, *contents, members=members, sha256=identity)


def _manifest(members: dict[str, bytes]) -> ManifestE2E:
    try:
        return ManifestE2E.model_validate(load_json_text(members[MANIFEST]))
    except InvalidText as exc:
        raise SealedFileError(Refusal.TAMPERED, f"the manifest is malformed: {exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValidationError):
        raise SealedFileError(Refusal.TAMPERED, "the manifest is malformed") from None
