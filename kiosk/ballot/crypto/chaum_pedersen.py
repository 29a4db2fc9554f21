"""Chaum–Pedersen proofs in compact form, with strong Fiat–Shamir.

The disjunctive proof shows that (α, β) encrypts a value in a public set S without saying which;
the equality proof shows that a trustee's partial decryption M = A^x uses the x of K_ℓ = g^x.
Every challenge hashes the whole statement (key, ciphertext, set, context) before the commitments:
hashing only the commitments (the weak variant of Bernhard–Pereira–Warinschi) lets a prover pick
the statement after the challenge, and forge a "0 or 1" proof for any plaintext.
Spec: docs/e2e-spec.md §7.2, §7.3, §8.2.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.ballot.crypto.elgamal import Ciphertext
from kiosk.ballot.crypto.group import (
    GENERATOR,
    ORDER,
    Point,
    Scalar,
    raw_base_power_product,
    raw_power_product,
)
from kiosk.ballot.crypto.hashing import Field, Ints, Tag, encode_fields, hq_encoded


@dataclass(frozen=True, slots=True)
class Transcript:
    """The key and tag of a challenge and the statement's encoded fields, before the commitments."""

    key: bytes  # H_E
    tag: Tag
    statement: bytes

    def challenge(self, commitments: list[Point]) -> Scalar:
        return self.challenge_encoded(b"".join(p.encode() for p in commitments))

    def challenge_encoded(self, commitments: bytes) -> Scalar:
        return hq_encoded(self.key, self.tag, self.statement + commitments)


@dataclass(frozen=True, slots=True)
class ProofPair:
    challenge: Scalar
    response: Scalar


DisjunctiveProof = tuple[ProofPair, ...]  # one (c_j, v_j) per j of S, ascending


def prove_disjunctive(
    key: Point,
    values: Ints,
    plaintext: int,
    nonce: Scalar,
    commit_nonces: Mapping[int, Scalar],
    fake_challenges: Mapping[int, Scalar],
    transcript: Transcript,
) -> DisjunctiveProof:
    """The prover's side; it knows ξ and m, so each commitment costs one exponentiation.

    a_j = g^u_j and b_j = K^(u_j + (m - j) c_j), which equal the verifier's g^v_j α^c_j and
    K^(v_j - j c_j) β^c_j once v_j = u_j - c_j ξ (EG 2.0 §3.3.5).
    """
    if plaintext not in values:
        raise ValueError("the plaintext is not in the set the proof claims")
    commitments: list[Point] = []
    for j in values:
        u = commit_nonces[j]
        commitments.append(GENERATOR**u)
        exponent = u if j == plaintext else u + Scalar.reduce(plaintext - j) * fake_challenges[j]
        commitments.append(key**exponent)
    total = transcript.challenge(commitments)
    real = total
    for j in values:
        if j != plaintext:
            real = real - fake_challenges[j]
    pairs = []
    for j in values:
        c = real if j == plaintext else fake_challenges[j]
        pairs.append(ProofPair(c, commit_nonces[j] - c * nonce))
    return tuple(pairs)


def disjunctive_commitments(
    key: Point, ciphertext: Ciphertext, values: Ints, proof: DisjunctiveProof
) -> bytes | None:
    """The encoded commitments a_j, b_j the verifier rebuilds; None if the proof has the wrong shape.

    a_j = g^v_j α^c_j and b_j = K^(v_j - j c_j) β^c_j, on raw encodings (validated when decoded):
    this loop is most of a ballot's verification.
    """
    if len(proof) != len(values):
        return None
    k, alpha, beta = key.encode(), ciphertext.alpha.encode(), ciphertext.beta.encode()
    parts = []
    for j, pair in zip(values, proof, strict=True):
        c, v = pair.challenge.value, pair.response.value
        parts.append(raw_base_power_product(v, alpha, c))
        parts.append(raw_power_product(k, (v - j * c) % ORDER, beta, c))
    return b"".join(parts)


def verify_disjunctive(
    key: Point, ciphertext: Ciphertext, values: Ints, proof: DisjunctiveProof, transcript: Transcript
) -> bool:
    commitments = disjunctive_commitments(key, ciphertext, values, proof)
    if commitments is None:
        return False
    total = sum(pair.challenge.value for pair in proof) % ORDER
    return total == transcript.challenge_encoded(commitments).value


def prove_equality(base: Point, secret: Scalar, nonce: Scalar, transcript: Transcript) -> ProofPair:
    """Proof that log_g(g^x) = log_base(base^x), for the statement the transcript already holds."""
    c = transcript.challenge([GENERATOR**nonce, base**nonce])
    return ProofPair(c, nonce - c * secret)


def verify_equality(
    base: Point, public: Point, result: Point, proof: ProofPair, transcript: Transcript
) -> bool:
    """Accepts iff c = Hq(…, g^v public^c, base^v result^c): public = g^x and result = base^x."""
    c, v = proof.challenge, proof.response
    commitments = [GENERATOR**v * public**c, base**v * result**c]
    return c == transcript.challenge(commitments)


def decryption_transcript(
    extended_hash: bytes, trustee: int, public_share: Point, key: Point, ciphertext: Ciphertext, share: Point
) -> Transcript:
    """Tag 0x30: the statement binds α, β and M_ℓ, unlike Belenios's factor proof (E2E.md §15.2)."""
    fields: list[Field] = [trustee, public_share, key, ciphertext.alpha, ciphertext.beta, share]
    return Transcript(extended_hash, Tag.DECRYPTION_PROOF, encode_fields(fields))
