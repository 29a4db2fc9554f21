"""Shamir secret sharing of the election private key among trustees: any k of n shares recover it.

The secret is the 32-byte X25519 private key read as an integer. X25519 clamps its scalar below
2**255, so the shares live in the prime field GF(2**255 - 19), the one prime the curve already uses
that holds every clamped scalar; polynomials are random and each share is the point (x, f(x)).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

PRIME = 2**255 - 19
MAX_TRUSTEES = 255


class SharingError(ValueError):
    pass


@dataclass(frozen=True)
class Share:
    x: int  # the trustee number, 1..n
    y: int


def clamp(secret: bytes) -> bytes:
    """The X25519 clamping, applied once so the stored key equals the scalar the curve uses."""
    scalar = bytearray(secret)
    scalar[0] &= 248
    scalar[31] &= 127
    scalar[31] |= 64
    return bytes(scalar)


def split(secret: bytes, threshold: int, count: int) -> list[Share]:
    if not 1 <= threshold <= count <= MAX_TRUSTEES:
        raise SharingError(f"need 1 <= threshold ({threshold}) <= trustees ({count}) <= {MAX_TRUSTEES}")
    value = int.from_bytes(secret, "little")
    if value >= PRIME:
        raise SharingError("the secret does not fit the field")
    coefficients = [value] + [secrets.randbelow(PRIME) for _ in range(threshold - 1)]
    return [Share(x, _evaluate(coefficients, x)) for x in range(1, count + 1)]


def _evaluate(coefficients: list[int], x: int) -> int:
    result = 0
    for coefficient in reversed(coefficients):
        result = (result * x + coefficient) % PRIME
    return result


def recover(shares: list[Share]) -> bytes:
    """Lagrange interpolation at zero. With fewer than k shares this yields a wrong key, which the
    caller detects by comparing with the election public key."""
    xs = [share.x for share in shares]
    if len(set(xs)) != len(xs):
        raise SharingError("the same trustee's share was given twice")
    secret = 0
    for share in shares:
        numerator, denominator = 1, 1
        for other in xs:
            if other != share.x:
                numerator = numerator * -other % PRIME
                denominator = denominator * (share.x - other) % PRIME
        secret = (secret + share.y * numerator * pow(denominator, -1, PRIME)) % PRIME
    return secret.to_bytes(32, "little")
