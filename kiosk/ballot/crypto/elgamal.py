"""Exponential ElGamal in EG 2.x form: (α, β) = (g^ξ, K^(ξ+m)).

A product of ciphertexts encrypts the sum of the plaintexts, so the tally multiplies ballots and
decrypts only totals. Decryption yields K^t, and t comes from a baby-step giant-step search in a
known range. Spec: docs/e2e-spec.md §7.1, §8.3.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, Nonce, Point, Scalar


class DecryptionError(ValueError):
    """No value in the allowed range decrypts: a wrong share, a wrong bound, or a forged aggregate."""


@dataclass(frozen=True, slots=True)
class Ciphertext:
    alpha: Point
    beta: Point

    def __mul__(self, other: Ciphertext) -> Ciphertext:
        return Ciphertext(self.alpha * other.alpha, self.beta * other.beta)

    def __pow__(self, exponent: Scalar) -> Ciphertext:
        return Ciphertext(self.alpha**exponent, self.beta**exponent)


EMPTY = Ciphertext(IDENTITY, IDENTITY)  # the aggregate of no ballots: encrypts 0 with nonce 0


def encrypt(key: Point, plaintext: int, nonce: Nonce) -> Ciphertext:
    xi = nonce.scalar
    return Ciphertext(GENERATOR**xi, key ** (xi + Scalar(plaintext)))


def aggregate(ciphertexts: Iterable[Ciphertext]) -> Ciphertext:
    total = EMPTY
    for ciphertext in ciphertexts:
        total = ciphertext if total is EMPTY else total * ciphertext
    return total


def strip_key(ciphertext: Ciphertext, secret: Scalar) -> Point:
    """K^t = β / α^s, for a key held whole (tests, a dealer's one-machine meeting)."""
    return ciphertext.beta / ciphertext.alpha**secret


def discrete_log(target: Point, base: Point, bound: int) -> int:
    """The t in [0, bound] with base^t = target, by baby-step giant-step (√bound of each)."""
    step = max(1, math.isqrt(bound) + 1)
    table: dict[Point, int] = {}
    baby = IDENTITY
    for i in range(step):
        table.setdefault(baby, i)
        baby = baby * base
    giant = base ** Scalar.reduce(-step)
    current = target
    for j in range(step + 1):
        found = table.get(current)
        if found is not None and j * step + found <= bound:
            return j * step + found
        current = current * giant
    raise DecryptionError(f"no value in [0, {bound}] decrypts")
