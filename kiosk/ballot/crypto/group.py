"""The ristretto255 group (RFC 9496) through the system libsodium, reached by a cffi ABI binding.

Why a binding of our own: libsodium returns -1 when a scalar multiplication lands on the identity,
and the tally needs that element (an aggregate of no ballots, K^0). Here the identity is an ordinary
Point, handled explicitly in each operation. Every Point, Scalar, SecretKey and Nonce is validated
when it is made; inside the program they are trusted. Spec: docs/e2e-spec.md §1.

libsodium's scalar multiplication is constant-time (the booth's nonces are secret); Python's
integer arithmetic on scalars is not, which matters only against an attacker timing the booth's
CPU from inside it, outside the threat model of a sealed kiosk.
"""

from __future__ import annotations

import secrets
import threading
from typing import Final

import cffi

ORDER: Final = 2**252 + 27742317777372353535851937790883648493  # q, the prime order of the group
SIZE: Final = 32  # bytes in an element or scalar encoding
_LIBRARY = "libsodium.so.23"  # Debian libsodium23; soname pinned so a new ABI fails loudly at start

_ffi = cffi.FFI()
_ffi.cdef(
    """
    int sodium_init(void);
    int crypto_core_ristretto255_is_valid_point(const unsigned char *p);
    int crypto_core_ristretto255_add(unsigned char *r, const unsigned char *p, const unsigned char *q);
    int crypto_core_ristretto255_sub(unsigned char *r, const unsigned char *p, const unsigned char *q);
    int crypto_scalarmult_ristretto255(unsigned char *q, const unsigned char *n, const unsigned char *p);
    int crypto_scalarmult_ristretto255_base(unsigned char *q, const unsigned char *n);
    """
)
_lib = _ffi.dlopen(_LIBRARY)
_OUT = _ffi.typeof("unsigned char[32]")  # resolved once: a ballot makes hundreds of output buffers
if _lib.sodium_init() < 0:  # 0 = initialised now, 1 = already; -1 = the library cannot run here
    raise ImportError(f"{_LIBRARY} failed to initialise")


class GroupError(ValueError):
    """An encoding that is not a valid element or scalar, or a value out of range."""


class Scalar:
    """An integer modulo q. The constructor refuses values outside [0, q); reduce() wraps explicitly."""

    __slots__ = ("value",)
    value: int

    def __init__(self, value: int) -> None:
        if not 0 <= value < ORDER:
            raise GroupError("a scalar must lie in [0, q)")
        self.value = value

    @classmethod
    def reduce(cls, value: int) -> Scalar:
        return _scalar(value % ORDER)

    @classmethod
    def decode(cls, data: bytes) -> Scalar:
        """Reads a canonical 32-byte little-endian scalar; a value >= q is refused, never reduced."""
        if len(data) != SIZE:
            raise GroupError(f"a scalar is {SIZE} bytes, not {len(data)}")
        return cls(int.from_bytes(data, "little"))

    @classmethod
    def random(cls) -> Scalar:
        return _scalar(secrets.randbelow(ORDER))

    def encode(self) -> bytes:
        return self.value.to_bytes(SIZE, "little")

    def __add__(self, other: Scalar) -> Scalar:
        return _scalar((self.value + other.value) % ORDER)

    def __sub__(self, other: Scalar) -> Scalar:
        return _scalar((self.value - other.value) % ORDER)

    def __mul__(self, other: Scalar) -> Scalar:
        return _scalar(self.value * other.value % ORDER)

    def __neg__(self) -> Scalar:
        return _scalar(-self.value % ORDER)

    def inverse(self) -> Scalar:
        if self.value == 0:
            raise GroupError("zero has no inverse")
        return _scalar(pow(self.value, -1, ORDER))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scalar) and other.value == self.value

    def __hash__(self) -> int:
        return hash(("scalar", self.value))

    def __repr__(self) -> str:
        return f"Scalar({self.value:#x})"


def _scalar(value: int) -> Scalar:
    # For results of arithmetic mod q, already in range: skips the check on the hot path.
    out = Scalar.__new__(Scalar)
    out.value = value
    return out


class Point:
    """A ristretto255 element, kept as its canonical encoding (libsodium's API takes encodings)."""

    __slots__ = ("_encoding",)
    _encoding: bytes

    def __init__(self, encoding: bytes) -> None:
        data = bytes(encoding)  # a private copy, and the type libsodium's binding takes
        if len(data) != SIZE:
            raise GroupError(f"an element is {SIZE} bytes, not {len(data)}")
        if _lib.crypto_core_ristretto255_is_valid_point(data) != 1:
            raise GroupError("not a canonical ristretto255 element encoding")
        self._encoding = data

    @classmethod
    def decode(cls, data: bytes) -> Point:
        """The one decoder of elements, used by booth, importer and tally alike (E2E.md §15.5)."""
        return cls(data)

    @classmethod
    def decode_unchecked(cls, data: bytes) -> Point:
        """An element whose validity `decode` establishes elsewhere before any use: only the import's
        parent takes these, for a file whose every element its proof workers then decode (and
        validate) again from the same bytes before anything is stored or computed. Length still checked."""
        if len(data) != SIZE:
            raise GroupError(f"an element is {SIZE} bytes, not {len(data)}")
        out = cls.__new__(cls)
        out._encoding = bytes(data)
        return out

    def encode(self) -> bytes:
        return self._encoding

    def is_identity(self) -> bool:
        return self._encoding == _ZEROS

    def __mul__(self, other: Point) -> Point:
        """The group operation (ristretto255 addition, written multiplicatively as in the spec)."""
        out = _ffi.new(_OUT)
        if _lib.crypto_core_ristretto255_add(out, self._encoding, other._encoding) != 0:
            raise AssertionError("libsodium refused two valid elements")
        return _point(_ffi.buffer(out)[:])

    def __truediv__(self, other: Point) -> Point:
        out = _ffi.new(_OUT)
        if _lib.crypto_core_ristretto255_sub(out, self._encoding, other._encoding) != 0:
            raise AssertionError("libsodium refused two valid elements")
        return _point(_ffi.buffer(out)[:])

    def __pow__(self, exponent: Scalar) -> Point:
        if exponent.value == 0 or self._encoding == _ZEROS:
            return IDENTITY
        out = _ffi.new(_OUT)
        scalar = exponent.value.to_bytes(SIZE, "little")
        if self._encoding == _GENERATOR_ENCODING:  # fixed-base tables: about 3 times faster
            status = _lib.crypto_scalarmult_ristretto255_base(out, scalar)
        else:
            status = _lib.crypto_scalarmult_ristretto255(out, scalar, self._encoding)
        result = _ffi.buffer(out)[:]
        # libsodium says -1 for an identity product (having written zeros). With q prime, a non-zero
        # scalar and a non-identity element never give one, but zeros are still read as the identity.
        if status != 0 and result != _ZEROS:
            raise AssertionError("libsodium refused a valid element")
        return _point(result)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and other._encoding == self._encoding

    def __hash__(self) -> int:
        return hash(self._encoding)

    def __repr__(self) -> str:
        return f"Point({self._encoding.hex()})"


def _point(encoding: bytes) -> Point:
    # For libsodium's own outputs, canonical by construction: skips a decode on the hot path.
    out = Point.__new__(Point)
    out._encoding = encoding
    return out


class SecretKey:
    """A non-zero secret scalar (a trustee's share, a dealer's key). Never printed."""

    __slots__ = ("scalar",)

    def __init__(self, scalar: Scalar) -> None:
        if scalar.value == 0:
            raise GroupError("a secret key must not be zero")
        self.scalar = scalar

    def public(self) -> Point:
        return GENERATOR**self.scalar

    def __repr__(self) -> str:
        return "SecretKey(…)"


class Nonce:
    """A secret one-use scalar (an encryption nonce, a proof commitment nonce). Never printed."""

    __slots__ = ("scalar",)

    def __init__(self, scalar: Scalar) -> None:
        if scalar.value == 0:
            raise GroupError("a nonce must not be zero: g^0 would publish the plaintext")
        self.scalar = scalar

    @classmethod
    def random(cls) -> Nonce:
        return cls(_scalar(1 + secrets.randbelow(ORDER - 1)))

    def __repr__(self) -> str:
        return "Nonce(…)"


_ZEROS: Final = bytes(SIZE)
_GENERATOR_ENCODING: Final = bytes.fromhex("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76")
GENERATOR: Final = Point(_GENERATOR_ENCODING)  # g, RFC 9496 §4.4
IDENTITY: Final = Point(_ZEROS)  # valid, and the encoding of every empty product


# Raw operations on encodings already validated (a Point's, or these functions' own outputs), for
# the verifier's inner loop, where making a Point and a Scalar per step costs a quarter of the time.
# libsodium answers -1 for an identity result after writing zeros, and zeros are the identity, so
# the status needs no test once the inputs are known valid.


def raw_base_power_product(v: int, encoding: bytes, c: int) -> bytes:
    """g^v · encoding^c (a proof's a_j), for a valid encoding and exponents in [0, q).

    Both powers stay in this thread's C buffers and go straight into the addition, so only the
    result is copied out as bytes: one ballot's check makes 336 such products.
    """
    left, right, out = _scratch()
    _lib.crypto_scalarmult_ristretto255_base(left, v.to_bytes(SIZE, "little"))
    _lib.crypto_scalarmult_ristretto255(right, c.to_bytes(SIZE, "little"), encoding)
    _lib.crypto_core_ristretto255_add(out, left, right)
    result: bytes = _ffi.buffer(out)[:]
    return result


def raw_power_product(x: bytes, a: int, y: bytes, b: int) -> bytes:
    """x^a · y^b (a proof's b_j), for valid encodings and exponents in [0, q)."""
    left, right, out = _scratch()
    _lib.crypto_scalarmult_ristretto255(left, a.to_bytes(SIZE, "little"), x)
    _lib.crypto_scalarmult_ristretto255(right, b.to_bytes(SIZE, "little"), y)
    _lib.crypto_core_ristretto255_add(out, left, right)
    result: bytes = _ffi.buffer(out)[:]
    return result


_local = threading.local()


def _scratch() -> tuple[object, object, object]:
    """Three output buffers per thread, reused (the booth's screens may run in threads)."""
    buffers: tuple[object, object, object] | None = getattr(_local, "buffers", None)
    if buffers is None:
        buffers = _local.buffers = (_ffi.new(_OUT), _ffi.new(_OUT), _ffi.new(_OUT))
    return buffers


def product(points: list[Point]) -> Point:
    result = IDENTITY
    for point in points:
        result = point if result is IDENTITY else result * point
    return result
