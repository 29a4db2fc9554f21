"""ceremony.json: what the key ceremony leaves for everyone, and the checks (V3) before anyone trusts it.

The layout is the record's (docs/e2e-spec.md §10, `isoloir-record/1 ceremony`); docs/e2e-trustees.md §5
adds what a complaint entry holds. Every honest trustee writes the same bytes; the decryption side
re-checks the whole file before it uses K, H_E or a trustee's verification key K_ℓ.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from kiosk.ballot.crypto.base_hashes import (
    CeremonyError,
    base_hash,
    commitments_hash,
    election_key,
    extended_base_hash,
    parameters_hash,
    trustee_public_share,
)
from kiosk.ballot.crypto.ceremony_messages import ComplaintReason, Round1, check_round1, scalar
from kiosk.ballot.crypto.group import Point
from kiosk.ballot.crypto.hashing import Digest, HashError
from kiosk.ballot.crypto.key_ceremony import CeremonyRuleError, check_sizes, feldman_holds
from kiosk.ballot.crypto.wire import B64

CEREMONY_FORMAT: Final = "isoloir-record/1 ceremony"


class CeremonyRecordError(ValueError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ResolvedComplaint(_Strict):
    """A complaint by trustee `by` against this entry's trustee, answered by a reveal that checks."""

    by: int
    reason: ComplaintReason
    reveal: B64


class TrusteeEntry(_Strict):
    index: int
    name: str
    identity_key: B64
    transport_key: B64
    commitments: list[B64]
    proofs: list[tuple[B64, B64]]
    complaints: list[ResolvedComplaint]


class Ceremony(_Strict):
    format: Literal["isoloir-record/1 ceremony"] = CEREMONY_FORMAT
    mode: Literal["dkg"] = "dkg"
    n: int
    k: int
    trustees: list[TrusteeEntry]
    election_key: B64
    h_m: B64
    h_b: B64
    h_c: B64
    h_e: B64


@dataclass(frozen=True)
class CeremonyKeys:
    """What decryption needs from a checked ceremony: all public."""

    n: int
    k: int
    key: Point
    h_e: Digest
    rows: Sequence[Sequence[Point]]  # K_i,j, trustee 1 first
    identity_keys: Mapping[int, bytes]

    def verification_key(self, trustee: int) -> Point:
        return trustee_public_share(self.rows, trustee)


def build_ceremony(
    round1: Sequence[Round1], complaints: Mapping[tuple[int, int], tuple[ComplaintReason, bytes]]
) -> Ceremony:
    """From the checked round-1 messages and the answered complaints, keyed (by, against)."""
    first = round1[0]
    rows = [[Point.decode(c) for c in m.commitments] for m in round1]
    h_b = Digest(first.H_B)
    key = election_key(rows)
    h_c = commitments_hash(h_b, rows, first.k)
    entries = [
        TrusteeEntry(
            index=m.trustee,
            name=m.name,
            identity_key=m.identity_key,
            transport_key=m.transport_key,
            commitments=m.commitments,
            proofs=m.proofs,
            complaints=[
                ResolvedComplaint(by=by, reason=reason, reveal=value)
                for (by, against), (reason, value) in sorted(complaints.items())
                if against == m.trustee
            ],
        )
        for m in round1
    ]
    return Ceremony(
        n=first.n,
        k=first.k,
        trustees=entries,
        election_key=key.encode(),
        h_m=first.H_M,
        h_b=h_b,
        h_c=h_c,
        h_e=extended_base_hash(h_b, key, h_c),
    )


def ceremony_text(ceremony: Ceremony) -> str:
    return json.dumps(ceremony.model_dump(mode="json"), indent=1) + "\n"


def load_ceremony(data: bytes) -> Ceremony:
    try:
        return Ceremony.model_validate(json.loads(data))
    except (json.JSONDecodeError, UnicodeDecodeError, ValueError):
        raise CeremonyRecordError(f"this is not a ceremony.json ({CEREMONY_FORMAT})") from None


def check_ceremony(ceremony: Ceremony) -> CeremonyKeys:
    """V3: sizes, numbering, every commitment and Schnorr proof, each complaint's reveal, K, H_C, H_E."""
    try:
        check_sizes(ceremony.n, ceremony.k)
        h_b = base_hash(parameters_hash(), Digest(ceremony.h_m), ceremony.n, ceremony.k)
        if h_b != ceremony.h_b:
            raise CeremonyRecordError("h_b is not H(H_P; 0x02, h_m, n, k)")
        if [t.index for t in ceremony.trustees] != list(range(1, ceremony.n + 1)):
            raise CeremonyRecordError(f"trustees must be listed 1..{ceremony.n}, once each")
        for name in ("identity_key", "transport_key"):
            if len({getattr(t, name) for t in ceremony.trustees}) != ceremony.n:
                raise CeremonyRecordError(f"two trustees share an {name.replace('_', ' ')}")
        rows = [
            check_round1(_as_round1(ceremony, t), h_b, ceremony.n, ceremony.k, signed=False)
            for t in ceremony.trustees
        ]
        for entry, row in zip(ceremony.trustees, rows, strict=True):
            _check_complaints(entry, row, ceremony.n)
        key = election_key(rows)
        h_c = commitments_hash(h_b, rows, ceremony.k)
        h_e = extended_base_hash(h_b, key, h_c)
    except (CeremonyRuleError, CeremonyError, HashError, ValueError) as exc:
        raise CeremonyRecordError(f"ceremony.json: {exc}") from None
    if (key.encode(), h_c, h_e) != (ceremony.election_key, ceremony.h_c, ceremony.h_e):
        raise CeremonyRecordError("ceremony.json: election_key, h_c or h_e is not what the commitments give")
    return CeremonyKeys(
        ceremony.n, ceremony.k, key, h_e, rows, {t.index: t.identity_key for t in ceremony.trustees}
    )


def _as_round1(ceremony: Ceremony, entry: TrusteeEntry) -> Round1:
    """The entry as its round-1 message, for the same checks (the record carries no signatures:
    each trustee's accept file signs the whole ceremony.json)."""
    fields = entry.model_dump(exclude={"index", "complaints"})
    return Round1.model_validate(
        {
            **fields,
            "trustee": entry.index,
            "H_M": ceremony.h_m,
            "H_B": ceremony.h_b,
            "n": ceremony.n,
            "k": ceremony.k,
            "signature": b"",
        }
    )


def _check_complaints(entry: TrusteeEntry, row: Sequence[Point], n: int) -> None:
    accusers = [c.by for c in entry.complaints]
    if accusers != sorted(set(accusers)) or any(not 1 <= by <= n or by == entry.index for by in accusers):
        raise CeremonyRecordError(f"trustee {entry.index}'s complaints name an impossible accuser")
    for resolved in entry.complaints:
        value = scalar(resolved.reveal, entry.index, "a revealed share")
        if not feldman_holds(row, resolved.by, value):
            raise CeremonyRecordError(
                f"trustee {entry.index}'s share revealed to trustee {resolved.by} "
                "does not match its commitments"
            )
