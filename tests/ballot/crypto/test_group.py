"""The ristretto255 binding against RFC 9496's vectors, and its explicit identity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.ballot.crypto.group import (
    GENERATOR,
    IDENTITY,
    ORDER,
    GroupError,
    Nonce,
    Point,
    Scalar,
    SecretKey,
    product,
    raw_base_power_product,
    raw_power_product,
)

RFC = json.loads((Path(__file__).parents[3] / "vectors/group/rfc9496.json").read_text())
scalars = st.integers(min_value=0, max_value=ORDER - 1).map(Scalar)


def test_generator_multiples_match_rfc_9496() -> None:
    running = IDENTITY
    for n, expected in enumerate(RFC["generator_multiples"]):
        assert (GENERATOR ** Scalar(n)).encode().hex() == expected
        assert running.encode().hex() == expected  # repeated addition agrees with the fixed-base tables
        running = running * GENERATOR


def test_variable_base_multiplication_matches_the_vectors() -> None:
    two = Point.decode(bytes.fromhex(RFC["generator_multiples"][2]))
    for n in range(8):
        assert (two ** Scalar(n)).encode().hex() == RFC["generator_multiples"][2 * n]


@pytest.mark.parametrize("encoding", RFC["invalid_encodings"])
def test_every_invalid_encoding_of_rfc_9496_is_refused(encoding: str) -> None:
    # Threat: a booth or a forger publishes a ciphertext whose α or β is no group element (a
    # small-order point, a non-canonical alias) to break a proof's soundness or make two texts equal.
    with pytest.raises(GroupError):
        Point.decode(bytes.fromhex(encoding))


def test_wrong_length_encodings_are_refused() -> None:
    for size in (0, 31, 33, 64):
        with pytest.raises(GroupError):
            Point.decode(bytes(size))
        with pytest.raises(GroupError):
            Scalar.decode(bytes(size))


def test_the_identity_is_a_value_in_every_operation() -> None:
    # libsodium itself returns -1 on an identity product: here it is an ordinary element.
    assert Point.decode(bytes(32)) == IDENTITY and IDENTITY.is_identity()
    assert GENERATOR ** Scalar(0) == IDENTITY
    assert GENERATOR ** Scalar(ORDER - 1) * GENERATOR == IDENTITY
    assert IDENTITY ** Scalar(5) == IDENTITY
    assert IDENTITY * GENERATOR == GENERATOR and GENERATOR / GENERATOR == IDENTITY
    three = GENERATOR ** Scalar(3)
    assert (three ** Scalar(ORDER - 1)) * three == IDENTITY
    assert product([]) == IDENTITY


def test_scalars_are_canonical_q_and_above_refused() -> None:
    # Threat: a prover publishes v + q for v, a second text for one proof (malleability).
    assert Scalar.decode((ORDER - 1).to_bytes(32, "little")) == Scalar(ORDER - 1)
    for value in (ORDER, ORDER + 1, 2**256 - 1):
        with pytest.raises(GroupError):
            Scalar.decode(value.to_bytes(32, "little"))
    with pytest.raises(GroupError):
        Scalar(-1)
    assert Scalar.reduce(ORDER + 1) == Scalar(1)


@settings(max_examples=40, deadline=None)
@given(scalars, scalars)
def test_exponents_add_and_multiply_as_the_group_says(a: Scalar, b: Scalar) -> None:
    assert GENERATOR ** (a + b) == (GENERATOR**a) * (GENERATOR**b)
    assert GENERATOR ** (a - b) == (GENERATOR**a) / (GENERATOR**b)
    assert (GENERATOR**a) ** b == GENERATOR ** (a * b)


@settings(max_examples=20, deadline=None)
@given(scalars)
def test_encodings_round_trip(a: Scalar) -> None:
    point = GENERATOR**a
    assert Point.decode(point.encode()) == point
    assert Scalar.decode(a.encode()) == a


def test_secrets_refuse_zero_and_never_print() -> None:
    with pytest.raises(GroupError):
        SecretKey(Scalar(0))
    with pytest.raises(GroupError):
        Nonce(Scalar(0))
    key = SecretKey(Scalar(12345))
    assert "12345" not in repr(key) and "3039" not in repr(key)
    assert key.public() == GENERATOR ** Scalar(12345)
    assert "…" in repr(Nonce.random())


@pytest.mark.parametrize(("v", "c"), [(5, 7), (0, 7), (5, 0), (0, 0), (ORDER - 1, 1)])
def test_the_importers_fused_commitments_equal_the_point_operations(v: int, c: int) -> None:
    # The import rebuilds every proof commitment g^v·x^c and K^a·y^b in one step through C buffers;
    # each must be exactly the element the Point arithmetic gives, identity results included.
    x, key = GENERATOR ** Scalar(1234567), GENERATOR ** Scalar(89)
    expected_a = GENERATOR ** Scalar(v) * x ** Scalar(c)
    assert raw_base_power_product(v, x.encode(), c) == expected_a.encode()
    assert raw_power_product(key.encode(), v, x.encode(), c) == (key ** Scalar(v) * x ** Scalar(c)).encode()
    assert raw_base_power_product(v, IDENTITY.encode(), c) == (GENERATOR ** Scalar(v)).encode()
