"""The key ceremony's messages, as the files that sticks carry between trustees (docs/e2e-trustees.md §3–§5).

Each message is parsed into a typed model at the edge (unknown fields refused), its signature is
checked over the exact signed bytes of the spec (never over JSON), and every element is decoded and
validated before any arithmetic. A check that fails raises `CeremonyMessageError` naming the trustee.
"""

from __future__ import annotations

import json
from typing import Final, Literal, TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.crypto.base_hashes import base_hash, parameters_hash
from kiosk.ballot.crypto.group import GroupError, Point, Scalar
from kiosk.ballot.crypto.hashing import DIGEST_SIZE, Digest, encode_int, encode_str
from kiosk.ballot.crypto.key_ceremony import SchnorrProof, check_coefficient, feldman_holds
from kiosk.ballot.crypto.wire import B64

ROUND1_FORMAT: Final = "isoloir-dkg-commitments/1"
SHARE_FORMAT: Final = "isoloir-dkg-share/1"
COMPLAINT_FORMAT: Final = "isoloir-dkg-complaint/1"
REVEAL_FORMAT: Final = "isoloir-dkg-reveal/1"
ACCEPT_FORMAT: Final = "isoloir-dkg-accept/1"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
MAX_NAME_LENGTH: Final = 200  # a person's name as printed in the record, not a document
ComplaintReason = Literal["missing", "signature", "context", "undecryptable", "feldman"]


class CeremonyMessageError(ValueError):
    def __init__(self, trustee: int, reason: str) -> None:
        super().__init__(f"trustee {trustee}: {reason}")
        self.trustee = trustee


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Round1(_Message):
    format: Literal["isoloir-dkg-commitments/1"] = ROUND1_FORMAT
    H_M: B64
    H_B: B64
    n: int
    k: int
    trustee: int
    name: str
    identity_key: B64
    transport_key: B64
    commitments: list[B64]
    proofs: list[tuple[B64, B64]]
    signature: B64 = b""


class ShareMessage(_Message):
    format: Literal["isoloir-dkg-share/1"] = SHARE_FORMAT
    H_B: B64
    H_C: B64
    from_: int = Field(alias="from")
    to: int
    sealed: B64
    signature: B64 = b""


class Complaint(_Message):
    format: Literal["isoloir-dkg-complaint/1"] = COMPLAINT_FORMAT
    H_C: B64
    by: int
    against: int
    reason: ComplaintReason
    signature: B64 = b""


class Reveal(_Message):
    format: Literal["isoloir-dkg-reveal/1"] = REVEAL_FORMAT
    H_C: B64
    from_: int = Field(alias="from")
    to: int
    value: B64
    signature: B64 = b""


class Accept(_Message):
    format: Literal["isoloir-dkg-accept/1"] = ACCEPT_FORMAT
    H_E: B64
    trustee: int
    K_l: B64
    ceremony_sha256: B64
    signature: B64 = b""


M = TypeVar("M", bound=_Message)
_NAMES = {
    "Round1": "commitments file (isoloir-dkg-commitments/1)",
    "ShareMessage": "share file (isoloir-dkg-share/1)",
    "Complaint": "complaint (isoloir-dkg-complaint/1)",
    "Reveal": "revealed share (isoloir-dkg-reveal/1)",
    "Accept": "acceptance (isoloir-dkg-accept/1)",
}


def dump(message: _Message) -> str:
    """The message as its file's text (`from_` is spelled `from`, as in the spec)."""
    return json.dumps(message.model_dump(mode="json", by_alias=True), indent=1) + "\n"


def load(model: type[M], data: bytes, sender: int = 0) -> M:
    try:
        return model.model_validate(json.loads(data))
    except (json.JSONDecodeError, UnicodeDecodeError, ValidationError, ValueError):
        raise CeremonyMessageError(sender, f"its file is not a valid {_NAMES[model.__name__]}") from None


# --- signed bytes (docs/e2e-trustees.md) -------------------------------------------------------


def round1_bytes(m: Round1) -> bytes:
    proofs = b"".join(c + v for c, v in m.proofs)
    head = encode_str(ROUND1_FORMAT) + m.H_M + m.H_B + encode_int(m.n) + encode_int(m.k)
    return (
        head
        + encode_int(m.trustee)
        + encode_str(m.name)
        + m.identity_key
        + m.transport_key
        + b"".join(m.commitments)
        + proofs
    )


def share_bytes(m: ShareMessage) -> bytes:
    return encode_str(SHARE_FORMAT) + m.H_B + m.H_C + encode_int(m.from_) + encode_int(m.to) + m.sealed


def complaint_bytes(m: Complaint) -> bytes:
    body = encode_int(m.by) + encode_int(m.against) + encode_str(m.reason)
    return encode_str(COMPLAINT_FORMAT) + m.H_C + body


def reveal_bytes(m: Reveal) -> bytes:
    return encode_str(REVEAL_FORMAT) + m.H_C + encode_int(m.from_) + encode_int(m.to) + m.value


def accept_bytes(m: Accept) -> bytes:
    return encode_str(ACCEPT_FORMAT) + m.H_E + encode_int(m.trustee) + m.K_l + m.ceremony_sha256


def signed(message: M, data: bytes, identity: Ed25519PrivateKey) -> M:
    return message.model_copy(update={"signature": identity.sign(data)})


def signature_holds(identity_key: bytes, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(identity_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --- round 1 ------------------------------------------------------------------------------------


def point(data: bytes, trustee: int, what: str) -> Point:
    try:
        return Point.decode(data)
    except GroupError:
        raise CeremonyMessageError(trustee, f"{what} is not a valid group element") from None


def scalar(data: bytes, trustee: int, what: str) -> Scalar:
    try:
        return Scalar.decode(data)
    except GroupError:
        raise CeremonyMessageError(trustee, f"{what} is not a canonical scalar") from None


def check_round1(m: Round1, h_b: Digest, n: int, k: int, signed: bool = True) -> list[Point]:
    """Every check of §3 on one trustee's commitments; returns them decoded."""
    i = m.trustee
    if len(m.H_M) != DIGEST_SIZE or (m.H_B, m.n, m.k) != (h_b, n, k):
        raise CeremonyMessageError(i, "its commitments are for another manifest, n or k (H_B differs)")
    if base_hash(parameters_hash(), Digest(m.H_M), n, k) != h_b:
        raise CeremonyMessageError(i, "its H_B is not the hash of its H_M, n and k")
    if not m.name or len(m.name) > MAX_NAME_LENGTH:
        raise CeremonyMessageError(i, f"its name must be 1 to {MAX_NAME_LENGTH} characters")
    if len(m.commitments) != k or len(m.proofs) != k:
        raise CeremonyMessageError(i, f"it sent {len(m.commitments)} commitments; the threshold needs {k}")
    if len(m.identity_key) != 32 or len(m.transport_key) != 32:
        raise CeremonyMessageError(i, "its identity or transport key is not 32 bytes")
    if signed and not signature_holds(m.identity_key, round1_bytes(m), m.signature):
        raise CeremonyMessageError(i, "the signature on its commitments does not match")
    commitments = [point(c, i, f"commitment {j}") for j, c in enumerate(m.commitments)]
    for j, (commitment, (c, v)) in enumerate(zip(commitments, m.proofs, strict=True)):
        proof = SchnorrProof(scalar(c, i, f"proof {j}"), scalar(v, i, f"proof {j}"))
        if not check_coefficient(h_b, i, j, commitment, proof):
            raise CeremonyMessageError(i, f"the Schnorr proof of its coefficient {j} is invalid")
    return commitments


def check_round1_set(messages: list[Round1], h_b: Digest, n: int, k: int) -> dict[int, list[Point]]:
    numbers = sorted(m.trustee for m in messages)
    if numbers != list(range(1, n + 1)):
        twice = [i for i in numbers if numbers.count(i) > 1 or not 1 <= i <= n]
        culprit = (sorted(set(range(1, n + 1)) - set(numbers)) or twice)[0]
        raise CeremonyMessageError(culprit, f"need exactly one commitments file from each of 1..{n}")
    for name in ("identity_key", "transport_key"):
        keys = [getattr(m, name) for m in messages]
        twins = [m.trustee for m, key in zip(messages, keys, strict=True) if keys.count(key) > 1]
        if twins:  # a copied key would let one trustee read another's shares or sign as them
            raise CeremonyMessageError(max(twins), f"its {name.replace('_', ' ')} is another trustee's")
    return {m.trustee: check_round1(m, h_b, n, k) for m in sorted(messages, key=lambda m: m.trustee)}


# --- round 2 and 3 ------------------------------------------------------------------------------


def share_info(h_b: Digest, h_c: Digest, sender: int, receiver: int) -> bytes:
    return encode_str(SHARE_FORMAT) + h_b + h_c + encode_int(sender) + encode_int(receiver)


def seal_share(
    h_b: Digest,
    h_c: Digest,
    sender: int,
    receiver: int,
    value: Scalar,
    transport_key: bytes,
    identity: Ed25519PrivateKey,
) -> ShareMessage:
    public = X25519PublicKey.from_public_bytes(transport_key)
    sealed = _SUITE.encrypt(value.encode(), public, info=share_info(h_b, h_c, sender, receiver))
    message = ShareMessage(H_B=h_b, H_C=h_c, from_=sender, to=receiver, sealed=sealed)
    return signed(message, share_bytes(message), identity)


def open_share(
    m: ShareMessage | None,
    h_b: Digest,
    h_c: Digest,
    receiver: int,
    transport: X25519PrivateKey,
    sender: Round1,
    commitments: list[Point],
) -> Scalar | ComplaintReason:
    """The share P_i(ℓ) sent to us, or the reason a complaint names its sender."""
    if m is None:
        return "missing"
    if not signature_holds(sender.identity_key, share_bytes(m), m.signature) or m.from_ != sender.trustee:
        return "signature"
    if (m.H_B, m.H_C, m.to) != (h_b, h_c, receiver):
        return "context"
    try:
        plain = _SUITE.decrypt(m.sealed, transport, info=share_info(h_b, h_c, m.from_, receiver))
        value = Scalar.decode(plain)
    except Exception:  # InvalidTag, a wrong length or a non-canonical scalar: all "does not open"
        return "undecryptable"
    return value if feldman_holds(commitments, receiver, value) else "feldman"


def complaint(
    h_c: Digest, by: int, against: int, reason: ComplaintReason, identity: Ed25519PrivateKey
) -> Complaint:
    message = Complaint(H_C=h_c, by=by, against=against, reason=reason)
    return signed(message, complaint_bytes(message), identity)


def reveal(h_c: Digest, sender: int, receiver: int, value: Scalar, identity: Ed25519PrivateKey) -> Reveal:
    message = Reveal(H_C=h_c, from_=sender, to=receiver, value=value.encode())
    return signed(message, reveal_bytes(message), identity)


def check_reveal(m: Reveal, h_c: Digest, sender: Round1, receiver: int, commitments: list[Point]) -> Scalar:
    """The share sender revealed for receiver, if it is signed by sender and on its polynomial."""
    if (m.from_, m.to) != (sender.trustee, receiver):  # a reveal for another complaint, renamed
        raise CeremonyMessageError(
            sender.trustee, f"its revealed share is not the one for trustee {receiver}"
        )
    if h_c != m.H_C or not signature_holds(sender.identity_key, reveal_bytes(m), m.signature):
        raise CeremonyMessageError(m.from_, "its revealed share is not signed by it for this ceremony")
    value = scalar(m.value, m.from_, "the revealed share")
    if not feldman_holds(commitments, m.to, value):
        raise CeremonyMessageError(
            m.from_,
            f"the share it revealed for trustee {m.to} does not match its commitments: "
            "it is disqualified; restart the ceremony without it",
        )
    return value
