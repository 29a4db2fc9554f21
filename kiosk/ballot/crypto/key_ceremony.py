"""The arithmetic of the dealer-free key ceremony (Pedersen DKG with Feldman commitments).

docs/e2e-trustees.md §2–§5. Each trustee i draws a polynomial P_i of degree k−1 and publishes
K_i,j = g^(a_i,j) with a Schnorr proof of each coefficient (tag 0x10); trustee ℓ receives P_i(ℓ) from
every i, checks it against i's commitments (Feldman) and keeps P(ℓ) = Σ_i P_i(ℓ). The election key
K = ∏_i K_i,0 is public; its secret Σ_i a_i,0 is a sum that no function here (or anywhere) computes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.ballot.crypto._interim_group import Point, Scalar, h, hq
from kiosk.ballot.crypto.wire import encode_int

TAG_SCHNORR = 0x10  # proof of knowledge of a polynomial coefficient, keyed by H_B
TAG_HASH_C = 0x11  # H_C: the ceremony's commitments
TAG_HASH_E = 0x12  # H_E: the extended base hash every ballot proof is keyed by
MAX_TRUSTEES = 255  # trustee numbers are evaluation points 1..n and fit one byte in any encoding


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
        point, result = Scalar(x), Scalar(0)
        for coefficient in reversed(self.coefficients):
            result = result * point + coefficient
        return result

    def commitments(self) -> list[Point]:
        return [Point.base(a) for a in self.coefficients]


@dataclass(frozen=True)
class SchnorrProof:
    c: Scalar
    v: Scalar


def _schnorr_challenge(h_b: bytes, i: int, j: int, commitment: Point, h_point: Point) -> Scalar:
    return hq(h_b, TAG_SCHNORR, encode_int(i), encode_int(j), commitment.to_bytes(), h_point.to_bytes())


def prove_coefficient(h_b: bytes, i: int, j: int, coefficient: Scalar) -> SchnorrProof:
    u = Scalar.random()
    c = _schnorr_challenge(h_b, i, j, Point.base(coefficient), Point.base(u))
    return SchnorrProof(c, u - c * coefficient)


def check_coefficient(h_b: bytes, i: int, j: int, commitment: Point, proof: SchnorrProof) -> bool:
    if commitment.is_identity():  # a zero coefficient would make the key (or a share) guessable
        return False
    h_point = Point.base(proof.v) + commitment * proof.c
    return _schnorr_challenge(h_b, i, j, commitment, h_point) == proof.c


def commitment_at(commitments: Sequence[Point], x: int) -> Point:
    """∏_j K_j^(x^j): what g^P(x) must be, computed from public values only."""
    result, power = Point.identity(), Scalar(1)
    for commitment in commitments:
        result = result + commitment * power
        power = power * Scalar(x)
    return result


def feldman_holds(commitments: Sequence[Point], x: int, share: Scalar) -> bool:
    return Point.base(share) == commitment_at(commitments, x)


def verification_key(all_commitments: Mapping[int, Sequence[Point]], trustee: int) -> Point:
    """K_ℓ = ∏_i ∏_j K_i,j^(ℓ^j) = g^P(ℓ): anyone checks trustee ℓ's decryptions against it."""
    result = Point.identity()
    for i in sorted(all_commitments):
        result = result + commitment_at(all_commitments[i], trustee)
    return result


def joint_key(all_commitments: Mapping[int, Sequence[Point]]) -> Point:
    result = Point.identity()
    for i in sorted(all_commitments):
        result = result + all_commitments[i][0]
    return result


def hash_c(h_b: bytes, all_commitments: Mapping[int, Sequence[Point]]) -> bytes:
    fields = [c.to_bytes() for i in sorted(all_commitments) for c in all_commitments[i]]
    return h(h_b, TAG_HASH_C, *fields)


def hash_e(h_b: bytes, key: Point, h_c: bytes) -> bytes:
    return h(h_b, TAG_HASH_E, key.to_bytes(), h_c)
