"""Threshold decryption: any k of n trustees' proved shares give the count; k−1 give nothing; a wrong
share is refused and its trustee named, even with a proof that a weak hash would accept."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.ballot.crypto.decryption import (
    DecryptionRefused,
    Partial,
    combine,
    partial_decrypt,
    proof_holds,
    weighted_aggregate,
)
from kiosk.ballot.crypto.discrete_log import DiscreteLogTable
from kiosk.ballot.crypto.elgamal import EMPTY, Ciphertext, aggregate
from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, Point, Scalar
from kiosk.ballot.crypto.hashing import Tag, hq
from tests.ballot.crypto.trustees_kit import Dkg, dkg


@pytest.fixture(scope="module")
def five() -> Dkg:
    return dkg(5, 3)


def _partials(ceremony: Dkg, ciphertext: Ciphertext, trustees: tuple[int, ...]) -> list[Partial]:
    keys = ceremony.keys
    return [partial_decrypt(keys.h_e, ell, ceremony.shares[ell], keys.key, ciphertext) for ell in trustees]


def _count(ceremony: Dkg, ciphertext: Ciphertext, partials: list[Partial], bound: int) -> int | None:
    keys = ceremony.keys
    verification = {ell: keys.verification_key(ell) for ell in range(1, keys.n + 1)}
    return DiscreteLogTable(keys.key, bound).log(
        combine(keys.h_e, keys.key, keys.k, verification, ciphertext, partials)
    )


def test_any_three_of_five_trustees_decrypt_the_sum_of_ballots(five: Dkg) -> None:
    votes = [1, 0, 1, 1, 0, 1, 1]
    total = aggregate(five.encrypt(v) for v in votes)
    for trustees in itertools.combinations(range(1, 6), 3):
        assert _count(five, total, _partials(five, total, trustees), len(votes)) == sum(votes), trustees
    assert _count(five, total, _partials(five, total, (1, 2, 3, 4, 5)), len(votes)) == 5


def test_two_of_five_are_refused_whatever_they_send(five: Dkg) -> None:
    """Threat: k−1 trustees (two colluding, or the only two who came) try to decrypt without the third."""
    total = aggregate([five.encrypt(1), five.encrypt(1)])
    with pytest.raises(DecryptionRefused, match="threshold is 3"):
        _count(five, total, _partials(five, total, (2, 5)), 2)


def test_k_minus_1_shares_with_a_forced_combination_give_no_count(five: Dkg) -> None:
    """Threat: the same two trustees bypass the threshold check and combine their shares anyway:
    with two points of a degree-2 polynomial the result is not K^t for any count."""
    total = aggregate([five.encrypt(1)] * 3)
    keys = five.keys
    verification = {ell: keys.verification_key(ell) for ell in range(1, 6)}
    forced = combine(keys.h_e, keys.key, 2, verification, total, _partials(five, total, (2, 5)))
    assert DiscreteLogTable(keys.key, 1000).log(forced) is None


def test_a_trustee_giving_the_same_share_twice_is_refused(five: Dkg) -> None:
    """Threat: one trustee's answer is passed twice to reach the threshold with two trustees."""
    total = five.encrypt(1)
    one, two = _partials(five, total, (1, 2))
    with pytest.raises(DecryptionRefused, match="twice"):
        _count(five, total, [one, two, one], 1)


def test_a_wrong_share_with_an_honest_looking_proof_is_refused_naming_the_trustee(five: Dkg) -> None:
    """Threat: trustee 4 sends M' = M·g (the count shifts) and re-proves it with a fresh nonce."""
    total = aggregate([five.encrypt(1)] * 4)
    partials = _partials(five, total, (1, 2, 4))
    honest = partials[2]
    partials[2] = Partial(4, honest.m * GENERATOR, honest.c, honest.v)
    with pytest.raises(DecryptionRefused, match="trustee 4") as refused:
        _count(five, total, partials, 4)
    assert refused.value.trustee == 4


def _weak_challenge(h_e: bytes, ell: int, k_l: Point, a: Point, b: Point) -> Scalar:
    # Belenios's eg_factor: the fingerprint, the trustee's key and the commitments; not A, B nor M.
    return hq(h_e, Tag.DECRYPTION_PROOF, ell, k_l, a, b)


def test_a_wrong_share_forged_under_a_weak_hash_is_refused(five: Dkg) -> None:
    """Threat (E2E.md §15.2, Belenios's partial-decryption proof): a key holder whose challenge does not
    hash M picks the commitments first, then solves for an M' that is not A^P(ℓ) and still passes the
    weak check. The tally would then not decrypt (or decrypt wrong) and no proof would name him."""
    keys, ell = five.keys, 3
    total = aggregate([five.encrypt(1), five.encrypt(0)])
    share, k_l = five.shares[ell], keys.verification_key(ell)
    u, r = Scalar.random(), Scalar.random()
    a, b = GENERATOR**u, total.alpha**r  # b is not A^u: the forger is free to choose it
    c = _weak_challenge(keys.h_e, ell, k_l, a, b)
    v = u - c * share
    forged_m = (b / total.alpha**v) ** c.inverse()  # b = A^v · M'^c  =>  M' = (b / A^v)^(1/c)
    assert forged_m != total.alpha**share
    # The weak verifier accepts it: the attack is real.
    assert GENERATOR**v * k_l**c == a and total.alpha**v * forged_m**c == b
    assert _weak_challenge(keys.h_e, ell, k_l, GENERATOR**v * k_l**c, total.alpha**v * forged_m**c) == c
    # Ours hashes the statement (A, B, M'): refused, and trustee 3 is named.
    forged = Partial(ell, forged_m, c, v)
    assert not proof_holds(keys.h_e, k_l, keys.key, total, forged)
    others = _partials(five, total, (1, 5))
    with pytest.raises(DecryptionRefused, match="trustee 3") as refused:
        _count(five, total, [others[0], forged, others[1]], 2)
    assert refused.value.trustee == 3


def test_a_proof_made_for_one_aggregate_does_not_serve_another(five: Dkg) -> None:
    """Threat: a trustee replays the proof of yesterday's aggregate next to a share of today's."""
    keys = five.keys
    yesterday, today = five.encrypt(1), five.encrypt(0)
    old = partial_decrypt(keys.h_e, 2, five.shares[2], keys.key, yesterday)
    assert not proof_holds(keys.h_e, keys.verification_key(2), keys.key, today, old)


def test_weights_are_applied_per_class_and_only_the_total_decrypts(five: Dkg) -> None:
    # Three delegates of weight 1 vote yes, one of weight 5 votes yes, two of weight 3 vote no and yes.
    classes = {1: [five.encrypt(1)] * 3, 5: [five.encrypt(1)], 3: [five.encrypt(0), five.encrypt(1)]}
    total = weighted_aggregate(classes)
    assert _count(five, total, _partials(five, total, (1, 3, 5)), 3 + 5 + 6) == 3 + 5 + 3


def test_an_empty_aggregate_is_the_identity_and_decrypts_to_zero(five: Dkg) -> None:
    empty = weighted_aggregate({1: [], 2: []})
    assert empty == EMPTY and empty.alpha == IDENTITY
    assert _count(five, empty, _partials(five, empty, (2, 3, 4)), 10) == 0


def test_a_weight_below_one_is_refused(five: Dkg) -> None:
    with pytest.raises(DecryptionRefused, match="positive"):
        weighted_aggregate({0: [five.encrypt(1)]})


def test_a_value_beyond_the_bound_is_not_a_count(five: Dkg) -> None:
    total = aggregate([five.encrypt(1)] * 5)
    assert _count(five, total, _partials(five, total, (1, 2, 3)), 4) is None
    assert _count(five, total, _partials(five, total, (1, 2, 3)), 5) == 5


@pytest.mark.parametrize("bound", [0, 1, 2, 3, 15, 16, 17, 99, 100, 101])
def test_discrete_log_finds_every_count_up_to_its_bound(bound: int) -> None:
    base = GENERATOR ** Scalar.random()
    table = DiscreteLogTable(base, bound)
    for t in range(bound + 1):
        assert table.log(base ** Scalar.reduce(t)) == t
    assert table.log(base ** Scalar.reduce(bound + 1)) is None
    assert table.log(GENERATOR) is None


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_every_threshold_and_every_set_of_k_trustees_decrypts(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 7), label="n")
    k = data.draw(st.integers(1, n), label="k")
    present = tuple(sorted(data.draw(st.sets(st.integers(1, n), min_size=k, max_size=k), label="present")))
    votes = data.draw(st.lists(st.integers(0, 1), max_size=6), label="votes")
    ceremony = dkg(n, k)
    total = aggregate(ceremony.encrypt(v) for v in votes)
    assert _count(ceremony, total, _partials(ceremony, total, present), len(votes)) == sum(votes)
