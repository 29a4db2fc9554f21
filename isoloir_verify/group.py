"""ristretto255 through the system libsodium, in cffi ABI mode (docs/e2e-spec.md, the group).

The verifier's own binding: it shares no code with the producer's, so that a mistake in one is not
copied into the other. Only public values pass through here, so constant time is not a concern.

Elements travel as their canonical 32-byte encodings (libsodium's API takes and returns those).
Every element read from a record goes through `decode_element`, the one gate that refuses an
invalid or non-canonical encoding. Scalars are Python ints in [0, q).
"""

from __future__ import annotations

from typing import Final, NewType

from isoloir_verify.sodium import sodium

# The prime order of ristretto255: 2^252 + 27742317777372353535851937790883648493 (RFC 9496 §4).
Q: Final = 2**252 + 27742317777372353535851937790883648493

ELEMENT_BYTES: Final = 32
SCALAR_BYTES: Final = 32
# Input width of the one-way map (RFC 9496 §4.3.4, libsodium's crypto_core_ristretto255_from_hash).
HASH_TO_GROUP_BYTES: Final = 64

Element = NewType("Element", bytes)
"""A canonical, validated ristretto255 encoding; only this module makes one."""

IDENTITY: Final = Element(bytes(ELEMENT_BYTES))
# The RFC 9496 generator, its canonical encoding (tests check it is libsodium's base point).
GENERATOR: Final = Element(bytes.fromhex("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"))


class GroupError(ValueError):
    """A value that is not a group element or scalar as the spec defines them."""


def decode_element(data: bytes) -> Element:
    """The one gate for elements: 32 bytes, canonical, on the group (the identity included)."""
    if len(data) != ELEMENT_BYTES:
        raise GroupError(f"an element is {ELEMENT_BYTES} bytes, not {len(data)}")
    if data == IDENTITY:
        return IDENTITY
    if sodium().lib.crypto_core_ristretto255_is_valid_point(data) != 1:
        raise GroupError("not a canonical ristretto255 encoding")
    return Element(bytes(data))


def decode_scalar(data: bytes) -> int:
    """A 32-byte little-endian scalar, refused unless canonical (< q)."""
    if len(data) != SCALAR_BYTES:
        raise GroupError(f"a scalar is {SCALAR_BYTES} bytes, not {len(data)}")
    value = int.from_bytes(data, "little")
    if value >= Q:
        raise GroupError("scalar not reduced below the group order q")
    return value


def encode_scalar(value: int) -> bytes:
    if not 0 <= value < Q:
        raise GroupError("scalar out of range [0, q)")
    return value.to_bytes(SCALAR_BYTES, "little")


def base_mul(scalar: int) -> Element:
    """g^scalar."""
    so = sodium()
    out = so.out32()
    # libsodium returns -1 exactly when the result is the identity (it writes zeros then).
    so.lib.crypto_scalarmult_ristretto255_base(out, encode_scalar(scalar % Q))
    return Element(so.take(out, ELEMENT_BYTES))


def mul(element: Element, scalar: int) -> Element:
    """element^scalar, for an element already decoded (so -1 can only mean an identity result)."""
    so = sodium()
    out = so.out32()
    so.lib.crypto_scalarmult_ristretto255(out, encode_scalar(scalar % Q), element)
    return Element(so.take(out, ELEMENT_BYTES))


def add(left: Element, right: Element) -> Element:
    """The group operation (written multiplicatively in the spec: left · right)."""
    so = sodium()
    out = so.out32()
    if so.lib.crypto_core_ristretto255_add(out, left, right) != 0:
        raise GroupError("libsodium refused an element that was already validated")
    return Element(so.take(out, ELEMENT_BYTES))


def sub(left: Element, right: Element) -> Element:
    """left · right^-1."""
    so = sodium()
    out = so.out32()
    if so.lib.crypto_core_ristretto255_sub(out, left, right) != 0:
        raise GroupError("libsodium refused an element that was already validated")
    return Element(so.take(out, ELEMENT_BYTES))


def base_mul_add(v: int, x: Element, c: int) -> Element:
    """g^v · x^c, for an element already decoded: a proof's commitment a_j (spec §7.2) in one step.

    The same three libsodium calls as add(base_mul(v), mul(x, c)); the two powers stay in C buffers
    between them, so a ballot's 336 commitments copy only their results out as bytes.
    """
    so = sodium()
    left, right, out = so.scratch()
    lib = so.lib
    # An identity power comes back as zeros (with status -1), which the addition takes as the identity.
    lib.crypto_scalarmult_ristretto255_base(left, (v % Q).to_bytes(SCALAR_BYTES, "little"))
    lib.crypto_scalarmult_ristretto255(right, (c % Q).to_bytes(SCALAR_BYTES, "little"), x)
    if lib.crypto_core_ristretto255_add(out, left, right) != 0:
        raise GroupError("libsodium refused an element that was already validated")
    return Element(so.take(out, ELEMENT_BYTES))


def mul_add(x: Element, a: int, y: Element, b: int) -> Element:
    """x^a · y^b, for elements already decoded: a commitment b_j (spec §7.2) in one step."""
    so = sodium()
    left, right, out = so.scratch()
    lib = so.lib
    lib.crypto_scalarmult_ristretto255(left, (a % Q).to_bytes(SCALAR_BYTES, "little"), x)
    lib.crypto_scalarmult_ristretto255(right, (b % Q).to_bytes(SCALAR_BYTES, "little"), y)
    if lib.crypto_core_ristretto255_add(out, left, right) != 0:
        raise GroupError("libsodium refused an element that was already validated")
    return Element(so.take(out, ELEMENT_BYTES))


def product(elements: list[Element]) -> Element:
    """∏ elements; the empty product is the identity."""
    result = IDENTITY
    for element in elements:
        result = add(result, element)
    return result


def from_uniform_bytes(data: bytes) -> Element:
    """RFC 9496's one-way map from 64 uniform bytes to an element."""
    if len(data) != HASH_TO_GROUP_BYTES:
        raise GroupError(f"the one-way map takes {HASH_TO_GROUP_BYTES} bytes")
    so = sodium()
    out = so.out32()
    so.lib.crypto_core_ristretto255_from_hash(out, data)
    return Element(so.take(out, ELEMENT_BYTES))
