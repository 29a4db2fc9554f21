"""Threshold decryption as the verifier checks it (docs/e2e-trustees.md §7): V10's arithmetic.

Verification keys K_ℓ from the ceremony's commitments, each trustee's Chaum–Pedersen proof
(tag 0x30, statement hashed), the Lagrange combination over at least k distinct trustees, and the
count t checked by K^t = T (no discrete log needed to verify a published t).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from isoloir_verify.group import Element, Q, add, base_mul, mul, product, sub
from isoloir_verify.hashing import Hq, enc_element, enc_int

TAG_DECRYPTION: Final = 0x30


def verification_key(commitments: list[list[Element]], trustee: int) -> Element:
    """K_ℓ = ∏_i ∏_j K_i,j^(ℓ^j mod q) (= g^P(ℓ))."""
    return product([mul(c, pow(trustee, j, Q)) for row in commitments for j, c in enumerate(row)])


@dataclass(frozen=True)
class Partial:
    trustee: int
    m: Element
    c: int
    v: int


def partial_valid(h_e: bytes, key: Element, k_l: Element, a: Element, b: Element, partial: Partial) -> bool:
    """c = Hq(H_E; 0x30, ℓ, K_ℓ, K, A, B, M, g^v·K_ℓ^c, A^v·M^c)."""
    a_commit = add(base_mul(partial.v), mul(k_l, partial.c))
    b_commit = add(mul(a, partial.v), mul(partial.m, partial.c))
    fields = [enc_int(partial.trustee)] + [enc_element(x) for x in (k_l, key, a, b, partial.m)]
    fields += [enc_element(a_commit), enc_element(b_commit)]
    return partial.c == Hq(h_e, TAG_DECRYPTION, *fields)


def lagrange_at_zero(trustees: list[int]) -> dict[int, int]:
    """w_ℓ = ∏_{m ≠ ℓ} m · (m − ℓ)^(−1) mod q, over distinct trustee numbers."""
    weights = {}
    for ell in trustees:
        w = 1
        for m in trustees:
            if m != ell:
                w = w * m * pow((m - ell) % Q, -1, Q) % Q
        weights[ell] = w
    return weights


def combine(b: Element, partials: list[Partial]) -> Element:
    """T = B / ∏ M_ℓ^(w_ℓ)."""
    weights = lagrange_at_zero([p.trustee for p in partials])
    return sub(b, product([mul(p.m, weights[p.trustee]) for p in partials]))


def count_matches(key: Element, t: int, bound: int, combined: Element) -> bool:
    """0 ≤ t ≤ bound and K^t = T."""
    return 0 <= t <= bound and mul(key, t) == combined
