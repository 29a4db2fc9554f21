"""ceremony.json: what the key ceremony leaves for everyone, and the checks (V3) before anyone trusts it.

docs/e2e-trustees.md §5. Every honest trustee writes the same bytes; the decryption side re-checks
the whole file before it uses K, H_E or a trustee's verification key K_ℓ.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from kiosk.ballot.crypto._interim_group import Point
from kiosk.ballot.crypto.ceremony_messages import (
    Complaint,
    ComplaintReason,
    Reveal,
    Round1,
    check_reveal,
    check_round1_set,
    complaint_bytes,
    signature_holds,
)
from kiosk.ballot.crypto.key_ceremony import check_sizes, hash_c, hash_e, joint_key, verification_key
from kiosk.ballot.crypto.wire import B64

CEREMONY_FORMAT: Final = "isoloir-ceremony/1"


class CeremonyRecordError(ValueError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class TrusteeEntry(_Strict):
    trustee: int
    identity_key: B64
    transport_key: B64
    commitments: list[B64]
    proofs: list[tuple[B64, B64]]
    signature: B64


class ResolvedComplaint(_Strict):
    by: int
    against: int
    reason: ComplaintReason
    reveal: B64
    complaint_signature: B64
    reveal_signature: B64


class Ceremony(_Strict):
    format: Literal["isoloir-ceremony/1"] = CEREMONY_FORMAT
    mode: Literal["dkg"] = "dkg"
    n: int
    k: int
    H_B: B64
    trustees: list[TrusteeEntry]
    complaints: list[ResolvedComplaint]
    K: B64
    H_C: B64
    H_E: B64


@dataclass(frozen=True)
class CeremonyKeys:
    """What decryption needs from a checked ceremony: all public."""

    n: int
    k: int
    key: Point
    h_e: bytes
    commitments: Mapping[int, Sequence[Point]]
    identity_keys: Mapping[int, bytes]

    def verification_key(self, trustee: int) -> Point:
        return verification_key(self.commitments, trustee)


def build_ceremony(
    h_b: bytes, n: int, k: int, round1: Sequence[Round1], resolved: Sequence[tuple[Complaint, Reveal]]
) -> Ceremony:
    commitments = check_round1_set(list(round1), h_b, n, k)
    key = joint_key(commitments)
    h_c = hash_c(h_b, commitments)
    entries = [
        TrusteeEntry.model_validate(m.model_dump(exclude={"format", "H_B", "n", "k"}))
        for m in sorted(round1, key=lambda m: m.trustee)
    ]
    complaints = [
        ResolvedComplaint(
            by=c.by,
            against=c.against,
            reason=c.reason,
            reveal=r.value,
            complaint_signature=c.signature,
            reveal_signature=r.signature,
        )
        for c, r in sorted(resolved, key=lambda pair: (pair[0].by, pair[0].against))
    ]
    return Ceremony(
        n=n,
        k=k,
        H_B=h_b,
        trustees=entries,
        complaints=complaints,
        K=key.to_bytes(),
        H_C=h_c,
        H_E=hash_e(h_b, key, h_c),
    )


def ceremony_text(ceremony: Ceremony) -> str:
    return json.dumps(ceremony.model_dump(mode="json", by_alias=True), indent=1) + "\n"


def load_ceremony(data: bytes) -> Ceremony:
    try:
        return Ceremony.model_validate(json.loads(data))
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError):
        raise CeremonyRecordError("this is not a ceremony.json (isoloir-ceremony/1)") from None


def check_ceremony(ceremony: Ceremony) -> CeremonyKeys:
    """V3: every commitment, proof and signature, each complaint's reveal, then K, H_C and H_E."""
    try:
        check_sizes(ceremony.n, ceremony.k)
        round1 = [_as_round1(ceremony, entry) for entry in ceremony.trustees]
        commitments = check_round1_set(round1, ceremony.H_B, ceremony.n, ceremony.k)
    except ValueError as exc:
        raise CeremonyRecordError(f"ceremony.json: {exc}") from None
    h_c = hash_c(ceremony.H_B, commitments)
    for resolved in ceremony.complaints:
        _check_resolved(resolved, h_c, {m.trustee: m for m in round1}, commitments)
    key = joint_key(commitments)
    if key.to_bytes() != ceremony.K or h_c != ceremony.H_C or hash_e(ceremony.H_B, key, h_c) != ceremony.H_E:
        raise CeremonyRecordError("ceremony.json: K, H_C or H_E is not what the commitments give")
    return CeremonyKeys(
        ceremony.n,
        ceremony.k,
        key,
        ceremony.H_E,
        commitments,
        {m.trustee: m.identity_key for m in round1},
    )


def _as_round1(ceremony: Ceremony, entry: TrusteeEntry) -> Round1:
    return Round1.model_validate(
        {**entry.model_dump(), "H_B": ceremony.H_B, "n": ceremony.n, "k": ceremony.k}
    )


def _check_resolved(
    resolved: ResolvedComplaint,
    h_c: bytes,
    round1: Mapping[int, Round1],
    commitments: Mapping[int, Sequence[Point]],
) -> None:
    if resolved.by not in round1 or resolved.against not in round1 or resolved.by == resolved.against:
        raise CeremonyRecordError("ceremony.json: a complaint names an unknown trustee")
    filed = Complaint(
        H_C=h_c,
        by=resolved.by,
        against=resolved.against,
        reason=resolved.reason,
        signature=resolved.complaint_signature,
    )
    if not signature_holds(round1[resolved.by].identity_key, complaint_bytes(filed), filed.signature):
        raise CeremonyRecordError(f"ceremony.json: trustee {resolved.by}'s complaint is not signed by it")
    answer = Reveal(
        H_C=h_c,
        from_=resolved.against,
        to=resolved.by,
        value=resolved.reveal,
        signature=resolved.reveal_signature,
    )
    try:
        check_reveal(answer, h_c, round1[resolved.against], list(commitments[resolved.against]))
    except ValueError as exc:
        raise CeremonyRecordError(f"ceremony.json: {exc}") from None
