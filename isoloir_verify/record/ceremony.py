"""ceremony.json, in either of the two shapes the specs give it.

docs/e2e-spec.md §10 names the record's file `isoloir-record/1 ceremony` (trustees with `index`,
`name`, per-trustee `complaints`, `election_key`, `h_m`…`h_e`); docs/e2e-trustees.md §5 writes
`isoloir-ceremony/1` (trustees with `trustee` and a round-1 `signature`, top-level `complaints`, `K`,
`H_B`, `H_C`, `H_E`). Both are read strictly and mapped to one view for V2, V3 and V10; the two
texts disagree, which the verifier's report says (the producer's spec must settle on one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from isoloir_verify.codec import ElementB64, Hash32, Key32, ScalarB64, Signature64, Strict
from isoloir_verify.group import Element
from isoloir_verify.record.reader import RecordError, parse

COMMITMENTS_FORMAT = "isoloir-dkg-commitments/1"
COMPLAINT_FORMAT = "isoloir-dkg-complaint/1"
REVEAL_FORMAT = "isoloir-dkg-reveal/1"

ComplaintReason = Literal["missing", "signature", "context", "undecryptable", "feldman"]


class TrusteesDocTrustee(Strict):
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


class TrusteesDocCeremony(Strict):
    format: Literal["isoloir-ceremony/1"]
    mode: str
    n: int
    k: int
    H_B: Hash32
    trustees: list[TrusteesDocTrustee]
    complaints: list[Complaint]
    K: ElementB64
    H_C: Hash32
    H_E: Hash32


class RecordTrustee(Strict):
    index: int
    name: str
    identity_key: Key32
    transport_key: Key32
    commitments: list[ElementB64]
    proofs: list[tuple[ScalarB64, ScalarB64]]
    # The spec gives no shape for a complaint here: only an empty list can be read (V3 says so).
    complaints: list[Complaint] = Field(max_length=0)


class RecordCeremony(Strict):
    format: Literal["isoloir-record/1 ceremony"]
    mode: str
    n: int
    k: int
    trustees: list[RecordTrustee]
    election_key: ElementB64
    h_m: Hash32
    h_b: Hash32
    h_c: Hash32
    h_e: Hash32


@dataclass(frozen=True)
class Trustee:
    index: int
    identity_key: bytes
    transport_key: bytes
    commitments: list[Element]
    proofs: list[tuple[int, int]]
    signature: bytes | None  # only the trustees document's shape carries the round-1 signature


@dataclass(frozen=True)
class CeremonyView:
    format: str
    mode: str
    n: int
    k: int
    trustees: list[Trustee]
    complaints: list[Complaint]
    key: Element
    h_m: bytes | None
    h_b: bytes
    h_c: bytes
    h_e: bytes

    def commitments(self) -> list[list[Element]]:
        return [t.commitments for t in self.trustees]


class _Format(BaseModel):
    model_config = ConfigDict(extra="allow")
    format: str


def read_ceremony(data: bytes, where: str = "ceremony.json") -> CeremonyView:
    try:
        kind = _Format.model_validate_json(data).format
    except ValidationError:
        raise RecordError(f"{where}: not a JSON object with a format") from None
    if kind == "isoloir-ceremony/1":
        doc = parse(TrusteesDocCeremony, data, where)
        trustees = [
            Trustee(
                t.trustee, t.identity_key, t.transport_key, _elements(t.commitments), t.proofs, t.signature
            )
            for t in doc.trustees
        ]
        return CeremonyView(
            doc.format,
            doc.mode,
            doc.n,
            doc.k,
            trustees,
            doc.complaints,
            Element(doc.K),
            None,
            doc.H_B,
            doc.H_C,
            doc.H_E,
        )
    if kind == "isoloir-record/1 ceremony":
        rec = parse(RecordCeremony, data, where)
        trustees = [
            Trustee(t.index, t.identity_key, t.transport_key, _elements(t.commitments), t.proofs, None)
            for t in rec.trustees
        ]
        key = Element(rec.election_key)
        return CeremonyView(
            rec.format, rec.mode, rec.n, rec.k, trustees, [], key, rec.h_m, rec.h_b, rec.h_c, rec.h_e
        )
    raise RecordError(f"{where}: format is neither 'isoloir-record/1 ceremony' nor 'isoloir-ceremony/1'")


def _elements(values: list[bytes]) -> list[Element]:
    return [Element(v) for v in values]
