"""ceremony.json, `isoloir-ceremony/1` (docs/e2e-trustees.md §5)."""

from __future__ import annotations

from typing import Literal

from isoloir_verify.codec import ElementB64, Hash32, Key32, ScalarB64, Signature64, Strict

CEREMONY_FORMAT = "isoloir-ceremony/1"
COMMITMENTS_FORMAT = "isoloir-dkg-commitments/1"
COMPLAINT_FORMAT = "isoloir-dkg-complaint/1"
REVEAL_FORMAT = "isoloir-dkg-reveal/1"

ComplaintReason = Literal["missing", "signature", "context", "undecryptable", "feldman"]


class CeremonyTrustee(Strict):
    """A trustee's round-1 file without format, H_B, n and k; signature over the round-1 bytes."""

    trustee: int
    identity_key: Key32
    transport_key: Key32
    commitments: list[ElementB64]
    proofs: list[tuple[ScalarB64, ScalarB64]]
    signature: Signature64


class Complaint(Strict):
    by: int
    against: int
    reason: ComplaintReason
    reveal: ScalarB64
    complaint_signature: Signature64
    reveal_signature: Signature64


class Ceremony(Strict):
    format: Literal["isoloir-ceremony/1"]
    mode: str  # "dkg" is the only mode V3 accepts; a dealer record says so and is refused by name
    n: int
    k: int
    H_B: Hash32
    trustees: list[CeremonyTrustee]
    complaints: list[Complaint]
    K: ElementB64
    H_C: Hash32
    H_E: Hash32
