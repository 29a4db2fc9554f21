"""The arithmetic of the dealer-free key ceremony (Pedersen DKG with Feldman commitments).

docs/e2e-trustees.md §2–§5. Each trustee i draws a polynomial P_i of degree k−1 and publishes
K_i,j = g^(a_i,j) with a Schnorr proof of each coefficient (tag 0x10); trustee ℓ receives P_i(ℓ) from
every i, checks it against i's commitments (Feldman) and keeps P(ℓ) = Σ_i P_i(ℓ). The election key
K = ∏_i K_i,0 is public (base_hashes.py); its secret Σ_i a_i,0 is a sum that nothing computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, Point, Scalar
from kiosk.ballot.crypto.hashing import Digest, Tag, hq

MAX_TRUSTEES: Final = 255  # trustee numbers are evaluation points 1..n


class CeremonyRuleError(ValueError):
    pass


def check_sizes(n: int, k: int) -> None:
    if not 1 <= k <= n <= MAX_TRUSTEES:
        raise CeremonyRuleError(f"need 1 <= threshold ({k}) <= trustees ({n}) <= {MAX_TRUSTEES}")


@dataclass(frozen=True)
class Polynomial:
    """P_i(x) = Σ_j a_j x^j over the scalars mod q; a trustee's secret until the ceremony ends."""

    coefficients: tuple[Scalar, ...]

    @classmethod
    def random(cls, k: int) -> Polynomial:
        return cls(tuple(Scalar.random() for _ in range(k)))

    def at(self, x: int) -> Scalar:
        point, result = Scalar.reduce(x), Scalar(0)
        for coefficient in reversed(self.coefficients):
            result = result * point + coefficient
        return result

    def commitments(self) -> list[Point]:
        return [GENERATOR**a for a in self.coefficients]


@dataclass(frozen=True)
class SchnorrProof:
    c: Scalar
    v: Scalar


def _schnorr_challenge(h_b: Digest, i: int, j: int, commitment: Point, h_point: Point) -> Scalar:
    return hq(h_b, Tag.SCHNORR, i, j, commitment, h_point)


def prove_coefficient(h_b: Digest, i: int, j: int, coefficient: Scalar) -> SchnorrProof:
    u = Scalar.random()
    c = _schnorr_challenge(h_b, i, j, GENERATOR**coefficient, GENERATOR**u)
    return SchnorrProof(c, u - c * coefficient)


def check_coefficient(h_b: Digest, i: int, j: int, commitment: Point, proof: SchnorrProof) -> bool:
    if commitment.is_identity():  # a zero coefficient would make the key (or a share) guessable
        return False
    h_point = GENERATOR**proof.v * commitment**proof.c
    return _schnorr_challenge(h_b, i, j, commitment, h_point) == proof.c


def commitment_at(commitments: Sequence[Point], x: int) -> Point:
    """∏_j K_j^(x^j): what g^P(x) must be, computed from public values only."""
    result, power, step = IDENTITY, Scalar(1), Scalar.reduce(x)
    for commitment in commitments:
        result = result * commitment**power
        power = power * step
    return result


def feldman_holds(commitments: Sequence[Point], x: int, share: Scalar) -> bool:
    return GENERATOR**share == commitment_at(commitments, x)
