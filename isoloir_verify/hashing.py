"""The one hash of the spec, H and Hq, and the field encodings it hashes (docs/e2e-spec.md, hash).

H(key; tag, fields…) = HMAC-SHA-256(key, tag ‖ fields) and Hq(…) = int_le(HMAC-SHA-512(…)) mod q.
Every field is fixed width or length-prefixed, never delimited: a caller encodes each field with the
function named after its type and passes the encoded pieces in order.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from typing import Final

from isoloir_verify.group import ELEMENT_BYTES, Element, Q, encode_scalar

HASH_BYTES: Final = 32
# Integers and lengths are 4 bytes big-endian: nothing the record counts comes near 2^32.
INT_BYTES: Final = 4
INT_LIMIT: Final = 2 ** (8 * INT_BYTES)


class EncodingError(ValueError):
    """A value that the spec's encodings cannot represent."""


def H(key: bytes, tag: int, *fields: bytes) -> bytes:
    # hmac.digest is HMAC in one C call (hmac.new builds a Python object): 122 hashes a ballot.
    return hmac.digest(_key(key), _tag(tag) + b"".join(fields), "sha256")


def Hq(key: bytes, tag: int, *fields: bytes) -> int:
    """A scalar from 64 bytes reduced mod q (no bias worth the name: 2^512 ≫ q)."""
    digest = hmac.digest(_key(key), _tag(tag) + b"".join(fields), "sha512")
    return int.from_bytes(digest, "little") % Q


def _key(key: bytes) -> bytes:
    if len(key) != HASH_BYTES:
        raise EncodingError(f"an H key is a {HASH_BYTES}-byte hash, not {len(key)} bytes")
    return key


def _tag(tag: int) -> bytes:
    if not 0 <= tag <= 0xFF:
        raise EncodingError(f"a tag is one byte, not {tag}")
    return bytes([tag])


def enc_element(element: Element) -> bytes:
    if len(element) != ELEMENT_BYTES:
        raise EncodingError("an element is 32 bytes")
    return bytes(element)


def enc_scalar(value: int) -> bytes:
    return encode_scalar(value)


def enc_int(value: int) -> bytes:
    if not 0 <= value < INT_LIMIT:
        raise EncodingError(f"integer {value} does not fit in {INT_BYTES} bytes")
    return value.to_bytes(INT_BYTES, "big")


def enc_str(value: str) -> bytes:
    data = value.encode("utf-8")
    return enc_int(len(data)) + data


def enc_bytes(data: bytes) -> bytes:
    """A file or any other variable-length byte string: 4-byte length ‖ its exact bytes."""
    return enc_int(len(data)) + data


def enc_hash(digest: bytes) -> bytes:
    """A 32-byte hash value (H_P, H_M, ctx, χ…), fixed width so unprefixed."""
    if len(digest) != HASH_BYTES:
        raise EncodingError("a hash value is 32 bytes")
    return digest


def enc_list(items: Iterable[bytes]) -> bytes:
    """4-byte count ‖ the already-encoded items."""
    encoded = list(items)
    return enc_int(len(encoded)) + b"".join(encoded)
