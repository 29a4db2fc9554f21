"""Threshold decryption without the key: each trustee's share of a sum, proved, then combined by anyone.

docs/e2e-trustees.md §7–§8. Trustee ℓ publishes M_ℓ = A^P(ℓ) with a Chaum–Pedersen proof that it used
the same exponent as its public verification key K_ℓ = g^P(ℓ) (tag 0x30). The challenge hashes the
whole statement (ℓ, K_ℓ, K, A, B, M_ℓ) and the commitments: with only the commitments hashed
(Belenios's `eg_factor`, E2E.md §15.2) a trustee could prove a wrong M_ℓ. Any k proved shares combine
by Lagrange weights in the exponent, T = B / ∏ M_ℓ^(w_ℓ) = K^t; P(0) itself is never formed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.ballot.crypto.elgamal import EMPTY, Ciphertext, aggregate
from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, Point, Scalar
from kiosk.ballot.crypto.hashing import Digest, Tag, hq


class DecryptionRefused(ValueError):
    """A decryption that must not go ahead; `trustee` names the one whose proof failed, if any."""

    def __init__(self, reason: str, trustee: int | None = None) -> None:
        super().__init__(reason)
        self.trustee = trustee


@dataclass(frozen=True)
class Partial:
    """Trustee ℓ's M_ℓ = A^P(ℓ) for one ciphertext, with its proof (c, v)."""

    trustee: int
    m: Point
    c: Scalar
    v: Scalar


def weighted_aggregate(classes: Mapping[int, Sequence[Ciphertext]]) -> Ciphertext:
    """∏_w (∏_{b∈w} C_b)^w: one exponentiation pair per weight class, never one per ballot.

    Only this total is ever decrypted; the class aggregates are not (a class of one delegate would
    publish her vote)."""
    total = EMPTY
    for weight in sorted(classes):
        if weight < 1:
            raise DecryptionRefused(f"a weight must be a positive integer, not {weight}")
        total = total * aggregate(classes[weight]) ** Scalar.reduce(weight)
    return total


def _challenge(
    h_e: Digest, trustee: int, k_l: Point, key: Point, ct: Ciphertext, m: Point, a: Point, b: Point
) -> Scalar:
    return hq(h_e, Tag.DECRYPTION_PROOF, trustee, k_l, key, ct.alpha, ct.beta, m, a, b)


def partial_decrypt(h_e: Digest, trustee: int, share: Scalar, key: Point, ciphertext: Ciphertext) -> Partial:
    k_l, m, u = GENERATOR**share, ciphertext.alpha**share, Scalar.random()  # u from the CSPRNG, used once
    c = _challenge(h_e, trustee, k_l, key, ciphertext, m, GENERATOR**u, ciphertext.alpha**u)
    return Partial(trustee, m, c, u - c * share)


def proof_holds(h_e: Digest, k_l: Point, key: Point, ciphertext: Ciphertext, partial: Partial) -> bool:
    a = GENERATOR**partial.v * k_l**partial.c
    b = ciphertext.alpha**partial.v * partial.m**partial.c
    return _challenge(h_e, partial.trustee, k_l, key, ciphertext, partial.m, a, b) == partial.c


def lagrange_at_zero(trustees: Sequence[int]) -> dict[int, Scalar]:
    """w_ℓ = ∏_{m≠ℓ} m / (m − ℓ): Σ w_ℓ P(ℓ) = P(0) for any polynomial of degree < |trustees|."""
    weights = {}
    for ell in trustees:
        numerator, denominator = Scalar(1), Scalar(1)
        for other in trustees:
            if other != ell:
                numerator = numerator * Scalar.reduce(other)
                denominator = denominator * Scalar.reduce(other - ell)
        weights[ell] = numerator * denominator.inverse()
    return weights


def combine(
    h_e: Digest,
    key: Point,
    k: int,
    verification_keys: Mapping[int, Point],
    ciphertext: Ciphertext,
    partials: Sequence[Partial],
) -> Point:
    """T = K^t, from at least k distinct trustees' proved partials; refuses naming a failed proof."""
    trustees = sorted({p.trustee for p in partials})
    if len(trustees) != len(partials):
        raise DecryptionRefused("the same trustee's partial decryption was given twice")
    if len(trustees) < k:
        raise DecryptionRefused(
            f"{len(trustees)} trustee(s) cannot decrypt: the threshold is {k} (k−1 or fewer reveal nothing)"
        )
    for partial in partials:
        k_l = verification_keys.get(partial.trustee)
        if k_l is None:
            raise DecryptionRefused(f"trustee {partial.trustee} is not in the ceremony", partial.trustee)
        if not proof_holds(h_e, k_l, key, ciphertext, partial):
            raise DecryptionRefused(
                f"trustee {partial.trustee}'s partial decryption does not match its key (proof fails)",
                partial.trustee,
            )
    weights = lagrange_at_zero(trustees)
    blinding = IDENTITY
    for partial in partials:
        blinding = blinding * partial.m ** weights[partial.trustee]
    return ciphertext.beta / blinding
