"""ceremony.json, `isoloir-record/1 ceremony` (docs/e2e-spec.md §10; docs/e2e-trustees.md §5).

The record carries no trustee signatures (each trustee's accept file signs the ceremony's SHA-256
outside the record; the authority signs the record): V3 checks the content.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from isoloir_verify.codec import ElementB64, Hash32, Key32, ScalarB64, Strict
from isoloir_verify.group import Element

ComplaintReason = Literal["missing", "signature", "context", "undecryptable", "feldman"]
# A trustee's name as the record shows it (docs/e2e-trustees.md §3: 1 to 200 characters).
NAME_MAX: int = 200


class Complaint(Strict):
    """An answered complaint against the trustee that holds it: the accuser and the revealed share."""

    by: int
    reason: ComplaintReason
    reveal: ScalarB64


class Trustee(Strict):
    index: int
    name: str = Field(min_length=1, max_length=NAME_MAX)
    identity_key: Key32
    transport_key: Key32
    commitments: list[ElementB64]
    proofs: list[tuple[ScalarB64, ScalarB64]]
    complaints: list[Complaint]

    @property
    def elements(self) -> list[Element]:
        return [Element(c) for c in self.commitments]


class Ceremony(Strict):
    format: Literal["isoloir-record/1 ceremony"]
    mode: str  # V3 accepts "dkg" only and says why for anything else
    n: int
    k: int
    trustees: list[Trustee]
    election_key: ElementB64
    h_m: Hash32
    h_b: Hash32
    h_c: Hash32
    h_e: Hash32

    @property
    def key(self) -> Element:
        return Element(self.election_key)

    def commitments(self) -> list[list[Element]]:
        return [t.elements for t in self.trustees]


def read_ceremony(data: bytes, where: str = "ceremony.json") -> Ceremony:
    from isoloir_verify.record.reader import parse

    return parse(Ceremony, data, where)
