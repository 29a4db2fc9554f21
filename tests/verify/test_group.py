"""The verifier's own ristretto255 shim against RFC 9496's published vectors.

Threat: a record whose producer (or a forger) slips in an element that is not canonical or not on
the group, hoping one implementation accepts what another refuses (helios-server#495: a membership
check that cast ballots never reached). The verifier's single decode gate must refuse every one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from isoloir_verify.group import (
    GENERATOR,
    IDENTITY,
    Element,
    GroupError,
    Q,
    add,
    base_mul,
    base_mul_add,
    decode_element,
    decode_scalar,
    from_uniform_bytes,
    mul,
    mul_add,
    product,
    sub,
)

DATA = Path(__file__).parent / "data"
VECTORS: dict[str, Any] = json.loads((DATA / "rfc9496_ristretto255.json").read_text())
MULTIPLES = [bytes.fromhex(h) for h in VECTORS["multiples_of_generator"]]
INVALID = [(why, h) for why, encs in VECTORS["invalid_encodings"].items() for h in encs]


@pytest.mark.parametrize("k", range(16))
def test_base_multiples_match_rfc9496(k: int) -> None:
    assert base_mul(k) == MULTIPLES[k]
    assert mul(GENERATOR, k) == MULTIPLES[k]
    assert decode_element(MULTIPLES[k]) == MULTIPLES[k]


def test_repeated_addition_walks_the_multiples() -> None:
    point = IDENTITY
    for k in range(16):
        assert point == MULTIPLES[k]
        point = add(point, GENERATOR)


@pytest.mark.parametrize(("why", "hex_encoding"), INVALID)
def test_invalid_encodings_are_refused(why: str, hex_encoding: str) -> None:
    with pytest.raises(GroupError):
        decode_element(bytes.fromhex(hex_encoding))


@pytest.mark.parametrize(("uniform", "expected"), VECTORS["from_uniform_bytes"])
def test_one_way_map_matches_rfc9496(uniform: str, expected: str) -> None:
    assert from_uniform_bytes(bytes.fromhex(uniform)) == bytes.fromhex(expected)


def test_identity_results_are_the_identity_not_an_error() -> None:
    # libsodium returns -1 for an identity result; the shim must give the identity (a zero tally K^0).
    assert base_mul(0) == IDENTITY
    assert base_mul(Q) == IDENTITY
    assert mul(GENERATOR, 0) == IDENTITY
    assert mul(IDENTITY, 5) == IDENTITY
    assert sub(GENERATOR, GENERATOR) == IDENTITY
    assert product([]) == IDENTITY
    assert add(IDENTITY, GENERATOR) == GENERATOR


def test_q_plus_one_acts_as_one_but_is_not_a_canonical_scalar() -> None:
    assert base_mul(Q + 1) == GENERATOR
    with pytest.raises(GroupError):
        decode_scalar(Q.to_bytes(32, "little"))
    with pytest.raises(GroupError):
        decode_scalar((Q + 1).to_bytes(32, "little"))
    assert decode_scalar((Q - 1).to_bytes(32, "little")) == Q - 1


def test_wrong_lengths_are_refused() -> None:
    with pytest.raises(GroupError):
        decode_element(bytes(31))
    with pytest.raises(GroupError):
        decode_scalar(bytes(33))


def test_group_law_holds_for_random_looking_scalars() -> None:
    a, b = 0x1234567 * 0xDEADBEEF, Q - 987654321
    ga, gb = base_mul(a), base_mul(b)
    assert add(ga, gb) == base_mul((a + b) % Q)
    assert mul(ga, b) == mul(gb, a)
    assert sub(ga, gb) == base_mul((a - b) % Q)
    assert isinstance(ga, bytes)
    assert Element(ga) == ga


@pytest.mark.parametrize(
    ("v", "c", "x"),
    [(5, 7, 3), (0, 7, 3), (5, 0, 3), (0, 0, 3), (5, 7, 0), (Q - 1, 1, 1), (3, Q - 3, 1)],
)
def test_fused_commitments_equal_the_two_powers_and_the_product(v: int, c: int, x: int) -> None:
    # A proof's commitments a_j = g^v x^c and b_j = K^a y^b, computed in one step through C buffers,
    # must be exactly the elements the separate operations give, identity results included.
    element = MULTIPLES[x] if x < 16 else base_mul(x)
    key = MULTIPLES[9]
    assert base_mul_add(v, element, c) == add(base_mul(v), mul(element, c))
    assert mul_add(key, v, element, c) == add(mul(key, v), mul(element, c))
    assert mul_add(key, v - 2 * c, element, c) == add(mul(key, (v - 2 * c) % Q), mul(element, c))
