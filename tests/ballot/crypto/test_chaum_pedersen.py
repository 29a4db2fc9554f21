"""The proofs against forged ones: weak Fiat–Shamir, a wrong set, α = identity, a wrong decryption share."""

from __future__ import annotations

from kiosk.ballot.crypto.chaum_pedersen import (
    ProofPair,
    Transcript,
    decryption_transcript,
    prove_disjunctive,
    prove_equality,
    verify_disjunctive,
    verify_equality,
)
from kiosk.ballot.crypto.elgamal import Ciphertext, discrete_log, encrypt, strip_key
from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, ORDER, Nonce, Scalar
from kiosk.ballot.crypto.hashing import Digest, Tag, encode_fields
from tests.ballot.e2e_kit import SECRET

KEY = GENERATOR**SECRET
H_E = Digest(bytes(range(32)))


def _strong(ct: Ciphertext) -> Transcript:
    return Transcript(H_E, Tag.OPTION_PROOF, encode_fields([KEY, ct.alpha, ct.beta, (0, 1)]))


def _prove(ct: Ciphertext, m: int, xi: Scalar, transcript: Transcript) -> tuple[ProofPair, ...]:
    u = {0: Scalar(11), 1: Scalar(12)}
    fake = {j: Scalar(13) for j in (0, 1) if j != m}
    return prove_disjunctive(KEY, (0, 1), m, xi, u, fake, transcript)


def test_an_honest_proof_verifies_for_0_and_1() -> None:
    for m in (0, 1):
        xi = Scalar(1000 + m)
        ct = encrypt(KEY, m, Nonce(xi))
        assert verify_disjunctive(KEY, ct, (0, 1), _prove(ct, m, xi, _strong(ct)), _strong(ct))


def _sqrt(a: int) -> int | None:
    """A square root modulo q (q = 5 mod 8, Atkin's formula), or None for a non-residue."""
    if pow(a, (ORDER - 1) // 2, ORDER) != 1:
        return None
    v = pow(2 * a, (ORDER - 5) // 8, ORDER)
    i = 2 * a * v * v % ORDER
    root = a * v * (i - 1) % ORDER
    assert root * root % ORDER == a
    return root


def _weak_forgery() -> tuple[Ciphertext, tuple[ProofPair, ...], int]:
    """Bernhard–Pereira–Warinschi: commit first, take the challenge, then pick the plaintext d."""
    xi = 777
    for attempt in range(1, 64):
        x0, x1, t0, t1 = (Scalar.reduce(attempt * 1_000_003 + k) for k in range(4))
        commitments = [GENERATOR**x0, KEY ** (x0 + t0), GENERATOR**x1, KEY ** (x1 + t1)]
        c = Transcript(H_E, Tag.OPTION_PROOF, b"").challenge(commitments).value
        # c d² − (c + t0 + t1) d + t0 = 0 makes both branches close for the plaintext d.
        b = (c + t0.value + t1.value) % ORDER
        root = _sqrt((b * b - 4 * c * t0.value) % ORDER)
        if root is None:
            continue
        d = (b + root) * pow(2 * c, -1, ORDER) % ORDER
        c0 = t0.value * pow(d, -1, ORDER) % ORDER
        c1 = (c - c0) % ORDER
        proof = (
            ProofPair(Scalar(c0), Scalar.reduce(x0.value - xi * c0)),
            ProofPair(Scalar(c1), Scalar.reduce(x1.value - xi * c1)),
        )
        return Ciphertext(GENERATOR ** Scalar(xi), KEY ** Scalar.reduce(xi + d)), proof, d
    raise AssertionError("no quadratic residue in 63 tries")


def test_weak_fiat_shamir_forgery_is_refused() -> None:
    # Threat: a booth (or anyone submitting a ballot) that knows the weak-hash trick makes an option
    # encrypt an arbitrary number d (a thousand votes, or a value that breaks the tally's logarithm)
    # with a "0 or 1" proof. Under a hash of the commitments alone the forgery verifies; ours hashes
    # the statement too and refuses it.
    ct, proof, d = _weak_forgery()
    assert d not in (0, 1)
    assert verify_disjunctive(KEY, ct, (0, 1), proof, Transcript(H_E, Tag.OPTION_PROOF, b""))
    assert not verify_disjunctive(KEY, ct, (0, 1), proof, _strong(ct))


def test_a_proof_for_2_in_a_0_or_1_set_is_refused() -> None:
    # Threat: a cheating booth encrypts 2 and runs the honest prover as if it were 1.
    xi = Scalar(4242)
    ct = encrypt(KEY, 2, Nonce(xi))
    for claimed in (0, 1):
        assert not verify_disjunctive(KEY, ct, (0, 1), _prove(ct, claimed, xi, _strong(ct)), _strong(ct))


def test_a_proof_does_not_verify_for_another_ciphertext() -> None:
    # Threat: a proof lifted from one ballot onto a ciphertext it was not made for.
    xi = Scalar(99)
    ct = encrypt(KEY, 1, Nonce(xi))
    proof = _prove(ct, 1, xi, _strong(ct))
    other = encrypt(KEY, 1, Nonce(Scalar(100)))
    assert not verify_disjunctive(KEY, other, (0, 1), proof, _strong(other))


def test_a_zero_nonce_gives_a_valid_proof_which_is_why_ballots_refuse_alpha_identity() -> None:
    # α = identity leaves β = K^m: the vote is readable. The proof alone cannot see it (it is sound),
    # so the ballot check refuses α = identity separately (tests/ballot/test_e2e_ballot.py).
    ct = Ciphertext(IDENTITY, KEY ** Scalar(1))
    assert verify_disjunctive(KEY, ct, (0, 1), _prove(ct, 1, Scalar(0), _strong(ct)), _strong(ct))
    assert ct.beta == KEY  # anyone reads m = 1


def test_a_partial_decryption_proof_names_a_wrong_share() -> None:
    # Threat: a trustee publishes a wrong M_ℓ to make the tally fail or shift, with a proof.
    ct = Ciphertext(GENERATOR ** Scalar(31), KEY ** Scalar(31 + 5))
    good = ct.alpha**SECRET
    transcript = decryption_transcript(H_E, 1, KEY, KEY, ct, good)
    proof = prove_equality(ct.alpha, SECRET, Scalar(8080), transcript)
    assert verify_equality(ct.alpha, KEY, good, proof, transcript)
    bad = good * GENERATOR
    bad_transcript = decryption_transcript(H_E, 1, KEY, KEY, ct, bad)
    assert not verify_equality(ct.alpha, KEY, bad, proof, bad_transcript)
    honest_prover_on_a_lie = prove_equality(ct.alpha, SECRET, Scalar(9), bad_transcript)
    assert not verify_equality(ct.alpha, KEY, bad, honest_prover_on_a_lie, bad_transcript)
    # the statement holds β too: the same share and proof do not carry over to another β
    other = Ciphertext(ct.alpha, KEY ** Scalar(2))
    assert not verify_equality(
        ct.alpha, KEY, good, proof, decryption_transcript(H_E, 1, KEY, KEY, other, good)
    )


def test_decryption_of_a_product_is_the_sum() -> None:
    cts = [encrypt(KEY, m, Nonce(Scalar(50 + i))) for i, m in enumerate([1, 0, 1, 1])]
    total = cts[0] * cts[1] * cts[2] * cts[3]
    assert discrete_log(strip_key(total, SECRET), KEY, 10) == 3
    assert discrete_log(strip_key(Ciphertext(IDENTITY, IDENTITY), SECRET), KEY, 10) == 0
