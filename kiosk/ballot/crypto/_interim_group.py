"""INTERIM: stands in for the e2e branch's group.py and hashing.py until they land; deleted at merge."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cffi import FFI  # type: ignore[import-untyped]

Q = 2**252 + 27742317777372353535851937790883648493
_ffi = FFI()
_ffi.cdef(
    """
    int sodium_init(void);
    int crypto_scalarmult_ristretto255(unsigned char *q, const unsigned char *n, const unsigned char *p);
    int crypto_scalarmult_ristretto255_base(unsigned char *q, const unsigned char *n);
    int crypto_core_ristretto255_is_valid_point(const unsigned char *p);
    int crypto_core_ristretto255_add(unsigned char *r, const unsigned char *p, const unsigned char *q);
    int crypto_core_ristretto255_sub(unsigned char *r, const unsigned char *p, const unsigned char *q);
    """
)
_lib = _ffi.dlopen("libsodium.so.23")
_lib.sodium_init()
_ZERO = bytes(32)


class GroupError(ValueError):
    pass


class Scalar:
    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value % Q

    @classmethod
    def random(cls) -> Scalar:
        return cls(int.from_bytes(secrets.token_bytes(64), "little"))

    @classmethod
    def from_bytes(cls, data: bytes) -> Scalar:
        value = int.from_bytes(data, "little")
        if len(data) != 32 or value >= Q:
            raise GroupError("not a canonical scalar")
        return cls(value)

    def to_bytes(self) -> bytes:
        return self.value.to_bytes(32, "little")

    def __add__(self, other: Scalar) -> Scalar:
        return Scalar(self.value + other.value)

    def __sub__(self, other: Scalar) -> Scalar:
        return Scalar(self.value - other.value)

    def __mul__(self, other: Scalar) -> Scalar:
        return Scalar(self.value * other.value)

    def __neg__(self) -> Scalar:
        return Scalar(-self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scalar) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)

    def inverse(self) -> Scalar:
        return Scalar(pow(self.value, -1, Q))


class Point:
    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    @classmethod
    def from_bytes(cls, data: bytes) -> Point:
        if len(data) != 32 or (data != _ZERO and _lib.crypto_core_ristretto255_is_valid_point(data) != 1):
            raise GroupError("not a canonical ristretto255 element")
        return cls(bytes(data))

    @classmethod
    def identity(cls) -> Point:
        return cls(_ZERO)

    @classmethod
    def base(cls, scalar: Scalar) -> Point:
        out = _ffi.new("unsigned char[32]")
        if _lib.crypto_scalarmult_ristretto255_base(out, scalar.to_bytes()) != 0:
            return cls(_ZERO)
        return cls(bytes(out))

    def to_bytes(self) -> bytes:
        return self.data

    def is_identity(self) -> bool:
        return self.data == _ZERO

    def __mul__(self, scalar: Scalar) -> Point:
        if self.data == _ZERO:
            return self
        out = _ffi.new("unsigned char[32]")
        if _lib.crypto_scalarmult_ristretto255(out, scalar.to_bytes(), self.data) != 0:
            return Point(_ZERO)
        return Point(bytes(out))

    def __add__(self, other: Point) -> Point:
        out = _ffi.new("unsigned char[32]")
        _lib.crypto_core_ristretto255_add(out, self.data, other.data)
        return Point(bytes(out))

    def __sub__(self, other: Point) -> Point:
        out = _ffi.new("unsigned char[32]")
        _lib.crypto_core_ristretto255_sub(out, self.data, other.data)
        return Point(bytes(out))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and other.data == self.data

    def __hash__(self) -> int:
        return hash(self.data)


G = Point.base(Scalar(1))


def h(key: bytes, tag: int, *fields: bytes) -> bytes:
    return hmac.new(key, bytes([tag]) + b"".join(fields), hashlib.sha256).digest()


def hq(key: bytes, tag: int, *fields: bytes) -> Scalar:
    digest = hmac.new(key, bytes([tag]) + b"".join(fields), hashlib.sha512).digest()
    return Scalar(int.from_bytes(digest, "little"))


def base_hash_b(manifest: bytes, n: int, k: int) -> bytes:
    h_p = h(_ZERO, 0x00, _s("isoloir-e2e/1"), _s("ristretto255"), G.to_bytes(), _s("HMAC-SHA-256/512"))
    h_m = h(h_p, 0x01, len(manifest).to_bytes(4, "big") + manifest)
    return h(h_p, 0x02, h_m, n.to_bytes(4, "big"), k.to_bytes(4, "big"))


def _s(text: str) -> bytes:
    data = text.encode()
    return len(data).to_bytes(4, "big") + data
