"""The base hashes that key every ballot hash and proof: H_P, H_M, H_B, H_C, H_E.

H_E binds the parameters, the manifest's exact bytes, n and k, every trustee's commitments and the
election key: a proof made for one election never verifies in another. Spec: docs/e2e-spec.md §4.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, Point, Scalar, product
from kiosk.ballot.crypto.hashing import DIGEST_SIZE, Digest, Tag, h

SCHEME: Final = "isoloir-e2e/1"  # changes with any hash input (E2E.md §15.12)
GROUP_NAME: Final = "ristretto255"
HASH_SUITE: Final = "HMAC-SHA-256/512"


class CeremonyError(ValueError):
    """Commitments that cannot make an election key (wrong shape, an identity element)."""


def parameters_hash() -> Digest:
    return h(bytes(DIGEST_SIZE), Tag.PARAMETERS, SCHEME, GROUP_NAME, GENERATOR, HASH_SUITE)


def manifest_hash(h_p: Digest, manifest: bytes) -> Digest:
    """Over the definition file's exact bytes, never a re-serialisation (E2E.md §15.6)."""
    return h(h_p, Tag.MANIFEST, manifest)


def base_hash(h_p: Digest, h_m: Digest, trustees: int, threshold: int) -> Digest:
    if not 1 <= threshold <= trustees:
        raise CeremonyError(f"a threshold of {threshold} of {trustees} trustees is impossible")
    return h(h_p, Tag.BASE, h_m, trustees, threshold)


def _checked(commitments: Sequence[Sequence[Point]], threshold: int) -> None:
    if not commitments:
        raise CeremonyError("no trustee commitments")
    for index, row in enumerate(commitments, start=1):
        if len(row) != threshold:
            raise CeremonyError(f"trustee {index} has {len(row)} commitments, not {threshold}")
        if any(point.is_identity() for point in row):
            raise CeremonyError(f"trustee {index} commits to the identity element")


def commitments_hash(h_b: Digest, commitments: Sequence[Sequence[Point]], threshold: int) -> Digest:
    """H_C over K_ij, trustee-major (i = 1..n) then degree (j = 0..k-1)."""
    _checked(commitments, threshold)
    return h(h_b, Tag.COMMITMENTS, *(point for row in commitments for point in row))


def election_key(commitments: Sequence[Sequence[Point]]) -> Point:
    key = product([row[0] for row in commitments])
    if key == IDENTITY:
        raise CeremonyError("the trustees' constant terms cancel: the election key is the identity")
    return key


def extended_base_hash(h_b: Digest, key: Point, h_c: Digest) -> Digest:
    return h(h_b, Tag.EXTENDED_BASE, key, h_c)


def trustee_public_share(commitments: Sequence[Sequence[Point]], trustee: int) -> Point:
    """K_ℓ = ∏_i ∏_j K_ij^(ℓ^j): the public image of trustee ℓ's share P(ℓ), computable by anyone."""
    if trustee < 1:
        raise CeremonyError("trustees are numbered from 1")
    powers = [Scalar.reduce(trustee**j) for j in range(len(commitments[0]))]
    return product([point**power for row in commitments for point, power in zip(row, powers, strict=True)])
