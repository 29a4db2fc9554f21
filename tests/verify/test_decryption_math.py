"""V10's arithmetic on a threshold decryption the test computes by hand (trustees spec §7).

Threat: a trustee publishes a wrong M_ℓ, or k−1 trustees claim a result; the proof must fail for a
wrong M_ℓ, and the Lagrange combination must give K^t only from k genuine shares.
"""

from __future__ import annotations

import random

from isoloir_verify.decryption import (
    Partial,
    combine,
    count_matches,
    lagrange_at_zero,
    partial_valid,
    verification_key,
)
from isoloir_verify.group import Q, add, base_mul, mul
from isoloir_verify.hashing import Hq, enc_element, enc_int

RNG = random.Random(14)
H_E = bytes(range(32))


def _dkg(n: int, k: int) -> tuple[list[list[int]], list[list[bytes]]]:
    coeffs = [[RNG.randrange(1, Q) for _ in range(k)] for _ in range(n)]
    return coeffs, [[base_mul(a) for a in row] for row in coeffs]


def _share(coeffs: list[list[int]], ell: int) -> int:
    return sum(sum(a * pow(ell, j, Q) for j, a in enumerate(row)) for row in coeffs) % Q


def _prove(key: bytes, k_l: bytes, a: bytes, b: bytes, ell: int, p_l: int, m: bytes | None = None) -> Partial:
    m = m or mul(a, p_l)
    u = RNG.randrange(Q)
    fields = [enc_int(ell)] + [enc_element(x) for x in (k_l, key, a, b, m, base_mul(u), mul(a, u))]
    c = Hq(H_E, 0x30, *fields)
    return Partial(ell, m, c, (u - c * p_l) % Q)


def test_two_of_three_decrypt_a_count_and_a_wrong_share_is_caught() -> None:
    coeffs, commitments = _dkg(3, 2)
    secret = sum(row[0] for row in coeffs) % Q
    key = base_mul(secret)
    xi, t = RNG.randrange(Q), 7
    a, b = base_mul(xi), mul(key, (xi + t) % Q)
    partials = []
    for ell in (1, 3):
        k_l = verification_key(commitments, ell)
        assert k_l == base_mul(_share(coeffs, ell))
        p = _prove(key, k_l, a, b, ell, _share(coeffs, ell))
        assert partial_valid(H_E, key, k_l, a, b, p)
        partials.append(p)
    combined = combine(b, partials)
    assert count_matches(key, 7, 10, combined)
    assert not count_matches(key, 6, 10, combined)
    assert not count_matches(key, 7, 6, combined)  # above the bound
    # k − 1 = 1 trustee: the "combination" is not K^t.
    assert not count_matches(key, 7, 10, combine(b, partials[:1]))
    # A wrong M with a proof made for it (weak-looking): the statement is hashed, so it fails.
    k_2 = verification_key(commitments, 2)
    wrong = add(mul(a, _share(coeffs, 2)), base_mul(1))
    forged = _prove(key, k_2, a, b, 2, _share(coeffs, 2), m=wrong)
    assert not partial_valid(H_E, key, k_2, a, b, forged)


def test_lagrange_weights_interpolate_at_zero() -> None:
    weights = lagrange_at_zero([2, 5, 9])
    poly = [11, 22, 33]
    value = {x: sum(c * x**j for j, c in enumerate(poly)) for x in (2, 5, 9)}
    assert sum(weights[x] * value[x] for x in value) % Q == 11
