"""The ceremony's arithmetic and its record: Schnorr proofs of coefficients (0x10), Feldman checks of
shares, and ceremony.json's checks (V3) against every field a forger could touch."""

from __future__ import annotations

import json

import pytest

from kiosk.ballot.crypto.base_hashes import base_hash, manifest_hash, parameters_hash
from kiosk.ballot.crypto.ceremony_record import CeremonyRecordError, check_ceremony, load_ceremony
from kiosk.ballot.crypto.group import GENERATOR, Scalar
from kiosk.ballot.crypto.key_ceremony import (
    Polynomial,
    SchnorrProof,
    check_coefficient,
    commitment_at,
    feldman_holds,
    prove_coefficient,
)
from kiosk.ballot.crypto.wire import WireError, b64decode, b64encode
from tests.ballot.crypto.trustees_kit import dkg

H_P = parameters_hash()
H_B = base_hash(H_P, manifest_hash(H_P, b"{}"), 3, 2)


def test_a_schnorr_proof_of_a_coefficient_checks() -> None:
    a = Scalar.random()
    assert check_coefficient(H_B, 2, 1, GENERATOR**a, prove_coefficient(H_B, 2, 1, a))


def test_a_schnorr_proof_without_the_coefficient_is_refused() -> None:
    """Threat: a trustee commits to K = g^a for an a it does not know (e.g. another trustee's
    commitment divided out, to bias or cancel the election key), and sends a made-up proof."""
    target = GENERATOR ** Scalar.random()
    made_up = SchnorrProof(Scalar.random(), Scalar.random())
    assert not check_coefficient(H_B, 2, 0, target, made_up)


def test_a_schnorr_proof_copied_from_another_trustee_or_degree_is_refused() -> None:
    """Threat: trustee 3 copies trustee 2's commitment and proof (rogue-key style) to reuse its key."""
    a = Scalar.random()
    proof = prove_coefficient(H_B, 2, 0, a)
    assert not check_coefficient(H_B, 3, 0, GENERATOR**a, proof)
    assert not check_coefficient(H_B, 2, 1, GENERATOR**a, proof)
    other = base_hash(H_P, manifest_hash(H_P, b'{"other": 1}'), 3, 2)
    assert not check_coefficient(other, 2, 0, GENERATOR**a, proof)


def test_a_commitment_to_zero_is_refused_even_with_a_valid_proof() -> None:
    """Threat: a zero coefficient makes a trustee's contribution known to all."""
    zero = Scalar(0)
    assert not check_coefficient(H_B, 1, 0, GENERATOR**zero, prove_coefficient(H_B, 1, 0, zero))


def test_feldman_accepts_the_true_share_and_refuses_any_other() -> None:
    polynomial = Polynomial.random(3)
    commitments = polynomial.commitments()
    for ell in range(1, 6):
        assert commitment_at(commitments, ell) == GENERATOR ** polynomial.at(ell)
        assert feldman_holds(commitments, ell, polynomial.at(ell))
        assert not feldman_holds(commitments, ell, polynomial.at(ell) + Scalar(1))
        assert not feldman_holds(commitments, ell + 1, polynomial.at(ell))


def test_the_shares_of_the_sum_match_the_public_verification_keys() -> None:
    ceremony = dkg(5, 3)
    for ell, share in ceremony.shares.items():
        assert GENERATOR**share == ceremony.keys.verification_key(ell)


def test_base64url_has_one_spelling_per_value() -> None:
    data = bytes(range(32))
    assert b64decode(b64encode(data)) == data
    for bad in [b64encode(data) + "=", b64encode(data)[:-1] + "B", "a+b/", "abcde"]:
        with pytest.raises(WireError):
            b64decode(bad)


# --- ceremony.json (V3), on a record made by the real ceremony in the CLI test's fixture ---------


def _mutated(text: str, change: str) -> bytes:
    record = json.loads(text)
    first = record["trustees"][0]
    if change == "h_e":
        record["h_e"] = b64encode(bytes(32))
    elif change == "key":
        record["election_key"] = record["trustees"][1]["commitments"][0]
    elif change == "proof":
        first["proofs"][1][1] = first["proofs"][0][1]
    elif change == "commitment":
        first["commitments"][1] = record["trustees"][1]["commitments"][1]
    elif change == "numbering":
        first["index"] = 4
    elif change == "n":
        record["n"] = record["n"] + 1
    elif change == "extra":
        record["note"] = "unchecked"
    return json.dumps(record).encode()


@pytest.mark.parametrize("change", ["h_e", "key", "proof", "commitment", "numbering", "n", "extra"])
def test_a_tampered_ceremony_record_is_refused(ceremony_text: str, change: str) -> None:
    """Threat: whoever publishes the record (or routes the files) alters the ceremony so that ballots
    are encrypted to a key the trustees do not hold, or a trustee's proof is not its own."""
    check_ceremony(load_ceremony(ceremony_text.encode()))
    with pytest.raises(CeremonyRecordError):
        check_ceremony(load_ceremony(_mutated(ceremony_text, change)))
