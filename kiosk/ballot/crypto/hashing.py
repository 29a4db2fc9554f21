"""H and Hq, the one keyed hash of the end-to-end scheme, with its field encoders and domain tags.

H(key; tag, fields) = HMAC-SHA-256(key, tag ‖ fields); Hq reduces HMAC-SHA-512 modulo q. Every field
has a fixed width or a 4-byte length prefix: no delimiter, no re-serialised JSON, so two different
inputs never give one message (E2E.md §15.3). Spec: docs/e2e-spec.md §2–§3.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from enum import IntEnum
from typing import Final

from kiosk.ballot.crypto.group import Point, Scalar

DIGEST_SIZE: Final = 32
_INT_LIMIT: Final = 2**32  # `int` fields are 4 bytes: counts, indices, weights


class Tag(IntEnum):
    """The domain tags, one per use: a hash made for one purpose never verifies for another."""

    PARAMETERS = 0x00  # H_P
    MANIFEST = 0x01  # H_M
    BASE = 0x02  # H_B
    SCHNORR = 0x10  # proof of a trustee's polynomial coefficient
    COMMITMENTS = 0x11  # H_C
    EXTENDED_BASE = 0x12  # H_E
    NONCE = 0x20  # every nonce of a ballot, derived from ξ_B
    OPTION_PROOF = 0x21  # (α, β) encrypts 0 or 1
    QUESTION_PROOF = 0x22  # the question's product encrypts an allowed count
    QUESTION_DIGEST = 0x23  # χ, a question's ciphertexts
    CODE = 0x24  # the confirmation code
    CONTEXT = 0x25  # ctx, the ballot's clear context
    CODE_SET = 0x26  # a booth's sorted set of codes
    VOTER_SET = 0x27  # the voters a booth marked in a session, sorted
    DECRYPTION_PROOF = 0x30  # a trustee's partial decryption
    LOT = 0x40  # the rank of a list in a drawing of lots


class HashError(ValueError):
    """A value that has no encoding as a hash field (a negative count, a digest of the wrong size)."""


class Digest(bytes):
    """Exactly 32 raw bytes, hashed without a length prefix: an H output, ξ_B, a code."""

    def __new__(cls, data: bytes) -> Digest:
        if len(data) != DIGEST_SIZE:
            raise HashError(f"a digest is {DIGEST_SIZE} bytes, not {len(data)}")
        return super().__new__(cls, data)


Ints = tuple[int, ...]  # a set S of plaintext values, listed ascending
Field = Point | Scalar | Digest | int | str | bytes | Ints


def encode_int(value: int) -> bytes:
    if isinstance(value, bool) or not 0 <= value < _INT_LIMIT:
        raise HashError(f"{value!r} is not a 4-byte unsigned integer")
    return value.to_bytes(4, "big")


def encode_bytes(data: bytes) -> bytes:
    return encode_int(len(data)) + data


def encode_str(text: str) -> bytes:
    return encode_bytes(text.encode("utf-8"))


def encode_ints(values: Ints) -> bytes:
    return encode_int(len(values)) + b"".join(encode_int(v) for v in values)


def encode_field(field: Field) -> bytes:
    """One field's bytes; the Python type names the spec's field type (Digest before bytes)."""
    if type(field) is Point:  # the common case first: a ballot hashes hundreds of elements
        return field.encode()
    if isinstance(field, Point | Scalar):
        return field.encode()
    if isinstance(field, Digest):
        return bytes(field)
    if isinstance(field, bytes):
        return encode_bytes(field)
    if isinstance(field, str):
        return encode_str(field)
    if isinstance(field, tuple):
        return encode_ints(field)
    return encode_int(field)


def encode_fields(fields: Sequence[Field]) -> bytes:
    return b"".join(encode_field(f) for f in fields)


def _key(key: bytes) -> bytes:
    if len(key) != DIGEST_SIZE:
        raise HashError(f"a hash key is {DIGEST_SIZE} bytes, not {len(key)}")
    return key


def h(key: bytes, tag: Tag, *fields: Field) -> Digest:
    return h_encoded(key, tag, encode_fields(fields))


def hq(key: bytes, tag: Tag, *fields: Field) -> Scalar:
    return hq_encoded(key, tag, encode_fields(fields))


def h_encoded(key: bytes, tag: Tag, body: bytes) -> Digest:
    """H over fields already encoded: the hot paths reuse a common prefix of fields."""
    return Digest(hmac.digest(_key(key), bytes([tag]) + body, "sha256"))


def hq_encoded(key: bytes, tag: Tag, body: bytes) -> Scalar:
    wide = int.from_bytes(hmac.digest(_key(key), bytes([tag]) + body, "sha512"), "little")
    return Scalar.reduce(wide)  # 512 bits mod q: bias below 2^-259
