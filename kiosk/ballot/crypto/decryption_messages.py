"""The decryption request and a trustee's answer, as files (docs/e2e-trustees.md §7).

The request lists aggregates (A, B) by id; the answer gives, per id, M_ℓ and its proof, signed by the
trustee's identity key over the spec's bytes. Reading an answer checks every proof against K_ℓ
computed from the ceremony, so a wrong share of a sum is refused with the trustee's number.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Final, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kiosk.ballot.crypto.ceremony_messages import signature_holds
from kiosk.ballot.crypto.ceremony_record import CeremonyKeys
from kiosk.ballot.crypto.decryption import (
    DecryptionRefused,
    Partial,
    combine,
    partial_decrypt,
    proof_holds,
)
from kiosk.ballot.crypto.discrete_log import DiscreteLogTable
from kiosk.ballot.crypto.elgamal import Ciphertext
from kiosk.ballot.crypto.group import GENERATOR, GroupError, Point, Scalar
from kiosk.ballot.crypto.hashing import encode_int, encode_str
from kiosk.ballot.crypto.wire import B64

REQUEST_FORMAT: Final = "isoloir-decryption-request/1"
PARTIAL_FORMAT: Final = "isoloir-partial-decryption/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RequestedCiphertext(_Strict):
    id: str
    A: B64
    B: B64


class Request(_Strict):
    format: Literal["isoloir-decryption-request/1"] = REQUEST_FORMAT
    H_E: B64
    ciphertexts: list[RequestedCiphertext]

    @field_validator("ciphertexts")
    @classmethod
    def _unique_ids(cls, value: list[RequestedCiphertext]) -> list[RequestedCiphertext]:
        ids = [c.id for c in value]
        if any(not i for i in ids) or len(set(ids)) != len(ids):
            raise ValueError("ciphertext ids must be non-empty and unique")
        return value


class PartialEntry(_Strict):
    id: str
    M: B64
    c: B64
    v: B64


class PartialFile(_Strict):
    format: Literal["isoloir-partial-decryption/1"] = PARTIAL_FORMAT
    H_E: B64
    trustee: int
    K_l: B64
    request_sha256: B64
    partials: list[PartialEntry]
    signature: B64 = b""


def make_request(h_e: bytes, ciphertexts: Mapping[str, Ciphertext]) -> str:
    entries = [
        RequestedCiphertext(id=i, A=c.alpha.encode(), B=c.beta.encode()) for i, c in ciphertexts.items()
    ]
    return json.dumps(Request(H_E=h_e, ciphertexts=entries).model_dump(mode="json"), indent=1) + "\n"


def load_request(data: bytes, h_e: bytes) -> dict[str, Ciphertext]:
    try:
        request = Request.model_validate(json.loads(data))
        if h_e != request.H_E:
            raise DecryptionRefused("the request is for another election or ceremony (H_E differs)")
        return {c.id: Ciphertext(Point.decode(c.A), Point.decode(c.B)) for c in request.ciphertexts}
    except (json.JSONDecodeError, UnicodeDecodeError, ValidationError, GroupError) as exc:
        raise DecryptionRefused(f"this is not a valid decryption request: {_first_line(exc)}") from None


def _signed_bytes(p: PartialFile) -> bytes:
    head = encode_str(PARTIAL_FORMAT) + p.H_E + encode_int(p.trustee) + p.K_l + p.request_sha256
    return head + b"".join(encode_str(e.id) + e.M + e.c + e.v for e in p.partials)


def answer_request(
    keys: CeremonyKeys, trustee: int, share: Scalar, identity: Ed25519PrivateKey, request_bytes: bytes
) -> str:
    ciphertexts = load_request(request_bytes, keys.h_e)
    k_l = keys.verification_key(trustee)
    if GENERATOR**share != k_l:  # a share of another ceremony, or a damaged one: say so before answering
        raise DecryptionRefused(f"trustee {trustee}'s share does not match its key in this ceremony")
    entries = []
    for ident, ciphertext in ciphertexts.items():
        partial = partial_decrypt(keys.h_e, trustee, share, keys.key, ciphertext)
        entries.append(
            PartialEntry(id=ident, M=partial.m.encode(), c=partial.c.encode(), v=partial.v.encode())
        )
    answer = PartialFile(
        H_E=keys.h_e,
        trustee=trustee,
        K_l=k_l.encode(),
        request_sha256=hashlib.sha256(request_bytes).digest(),
        partials=entries,
    )
    answer = answer.model_copy(update={"signature": identity.sign(_signed_bytes(answer))})
    return json.dumps(answer.model_dump(mode="json"), indent=1) + "\n"


def load_partials(keys: CeremonyKeys, request_bytes: bytes, data: bytes) -> dict[str, Partial]:
    """One trustee's answer, every proof checked; refuses naming the trustee on any failure."""
    try:
        answer = PartialFile.model_validate(json.loads(data))
    except (json.JSONDecodeError, UnicodeDecodeError, ValidationError) as exc:
        raise DecryptionRefused(f"this is not a partial decryption file: {_first_line(exc)}") from None
    ell = answer.trustee
    if ell not in keys.identity_keys:
        raise DecryptionRefused(f"trustee {ell} is not in the ceremony", ell)
    if keys.h_e != answer.H_E or answer.request_sha256 != hashlib.sha256(request_bytes).digest():
        raise DecryptionRefused(f"trustee {ell} answered another request or ceremony", ell)
    if not signature_holds(keys.identity_keys[ell], _signed_bytes(answer), answer.signature):
        raise DecryptionRefused(f"trustee {ell}'s partial decryptions are not signed by it", ell)
    ciphertexts = load_request(request_bytes, keys.h_e)
    if [e.id for e in answer.partials] != list(ciphertexts):
        raise DecryptionRefused(f"trustee {ell} did not answer exactly the requested ciphertexts", ell)
    k_l = keys.verification_key(ell)
    partials = {e.id: _partial(ell, e) for e in answer.partials}
    for ident, partial in partials.items():
        if not proof_holds(keys.h_e, k_l, keys.key, ciphertexts[ident], partial):
            raise DecryptionRefused(f"trustee {ell}'s partial decryption of {ident} fails its proof", ell)
    return partials


def _partial(trustee: int, entry: PartialEntry) -> Partial:
    try:
        return Partial(trustee, Point.decode(entry.M), Scalar.decode(entry.c), Scalar.decode(entry.v))
    except GroupError:
        raise DecryptionRefused(f"trustee {trustee}'s answer for {entry.id} is malformed", trustee) from None


def decrypt_counts(
    keys: CeremonyKeys, request_bytes: bytes, answers: Sequence[bytes], bound: int
) -> dict[str, int]:
    """t for every requested ciphertext from the answers of at least k trustees."""
    ciphertexts = load_request(request_bytes, keys.h_e)
    by_trustee = [load_partials(keys, request_bytes, data) for data in answers]
    verification = {ell: keys.verification_key(ell) for ell in keys.identity_keys}
    table = DiscreteLogTable(keys.key, bound)
    counts = {}
    for ident, ciphertext in ciphertexts.items():
        partials = [answer[ident] for answer in by_trustee]
        t = table.log(combine(keys.h_e, keys.key, keys.k, verification, ciphertext, partials))
        if t is None:
            raise DecryptionRefused(f"{ident} does not decrypt to a count between 0 and {bound}")
        counts[ident] = t
    return counts


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
