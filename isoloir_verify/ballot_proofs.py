"""A ballot's hashes and proofs as the verifier recomputes them (docs/e2e-spec.md §5–§7).

Pure functions of public values: the context ctx, the disjunctive Chaum–Pedersen checks (option,
tag 0x21; question, tag 0x22), the question digests χ and the confirmation code, and, for a checked
ballot, the re-encryption from ξ_B and the plaintext.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from isoloir_verify.group import IDENTITY, Element, Q, add, base_mul, base_mul_add, mul, mul_add
from isoloir_verify.hashing import H, Hq, enc_element, enc_hash, enc_int, enc_str
from isoloir_verify.record.manifest import Question

BALLOT_CONTEXT_VERSION: Final = "isoloir-ballot/2"
TAG_NONCE: Final = 0x20
TAG_OPTION_PROOF: Final = 0x21
TAG_QUESTION_PROOF: Final = 0x22
TAG_QUESTION_DIGEST: Final = 0x23
TAG_CODE: Final = 0x24
TAG_CONTEXT: Final = 0x25
OPTION_SET: Final = (0, 1)

Ciphertext = tuple[Element, Element]


def ballot_context(h_e: bytes, session: str, station: str, group: str, weight: int, voter: str) -> bytes:
    fields = [enc_str(BALLOT_CONTEXT_VERSION), enc_str(session), enc_str(station), enc_str(group)]
    return H(h_e, TAG_CONTEXT, *fields, enc_int(weight), enc_str(voter))


def enc_ints(values: Sequence[int]) -> bytes:
    return enc_int(len(values)) + b"".join(enc_int(v) for v in values)


def _commitments(
    key: Element, x: Element, y: Element, values: Sequence[int], pairs: Sequence[int]
) -> list[bytes]:
    """a_j = g^v_j · X^c_j, b_j = K^(v_j − j·c_j) · Y^c_j, encoded, for j ∈ S ascending."""
    out = []
    for index, j in enumerate(values):
        c, v = pairs[2 * index], pairs[2 * index + 1]
        out.append(enc_element(base_mul_add(v, x, c)))
        out.append(enc_element(mul_add(key, v - j * c, y, c)))
    return out


def option_proof_valid(
    h_e: bytes, ctx: bytes, qi: int, oi: int, key: Element, ct: Ciphertext, proof: Sequence[int]
) -> bool:
    alpha, beta = ct
    statement = [enc_hash(ctx), enc_int(qi), enc_int(oi), enc_element(key), enc_element(alpha)]
    statement += [enc_element(beta), enc_ints(OPTION_SET)]
    challenge = Hq(h_e, TAG_OPTION_PROOF, *statement, *_commitments(key, alpha, beta, OPTION_SET, proof))
    return (proof[0] + proof[2] - challenge) % Q == 0


def question_proof_valid(
    h_e: bytes,
    ctx: bytes,
    qi: int,
    key: Element,
    aggregate: Ciphertext,
    values: Sequence[int],
    proof: Sequence[int],
) -> bool:
    a, b = aggregate
    statement = [
        enc_hash(ctx),
        enc_int(qi),
        enc_element(key),
        enc_element(a),
        enc_element(b),
        enc_ints(values),
    ]
    challenge = Hq(h_e, TAG_QUESTION_PROOF, *statement, *_commitments(key, a, b, values, proof))
    return (sum(proof[0::2]) - challenge) % Q == 0


def question_aggregate(cts: Sequence[Ciphertext], weights: Sequence[int]) -> Ciphertext:
    """(A, B) = (∏ α_oi^w_oi, ∏ β_oi^w_oi), in oi order. The product starts from the first factor,
    not from the identity: one libsodium call fewer per question and coordinate, the same element."""
    weighted = [
        (alpha, beta) if w == 1 else (mul(alpha, w), mul(beta, w))
        for (alpha, beta), w in zip(cts, weights, strict=True)
    ]
    if not weighted:
        return IDENTITY, IDENTITY
    a, b = weighted[0]
    for alpha, beta in weighted[1:]:
        a, b = add(a, alpha), add(b, beta)
    return a, b


def question_digest(h_e: bytes, ctx: bytes, qi: int, key: Element, cts: Sequence[Ciphertext]) -> bytes:
    fields = [enc_hash(ctx), enc_int(qi), enc_element(key)]
    fields += [enc_element(x) for pair in cts for x in pair]
    return H(h_e, TAG_QUESTION_DIGEST, *fields)


def confirmation_code(h_e: bytes, ctx: bytes, digests: Sequence[bytes]) -> bytes:
    return H(h_e, TAG_CODE, enc_hash(ctx), *(enc_hash(d) for d in digests))


def plaintext_for(questions: Sequence[Question], choices: dict[str, list[str]]) -> bytes:
    """One byte per ciphertext (spec §6.2), from choices already checked against the rules."""
    out = bytearray()
    for question in questions:
        chosen = set(choices[question.id])
        out += bytes(1 if c in chosen else 0 for c in question.choices)
        if question.has_blank_flag:
            out.append(1 if not chosen else 0)
    return bytes(out)


def encryption_nonce(h_e: bytes, xi_b: bytes, ctx: bytes, qi: int, oi: int) -> int:
    """ξ_{qi,oi} = Hq(H_E; 0x20, ξ_B, ctx, "enc", qi, oi, 0): the choices are not an input (spec 2, §6.3)."""
    fields = [enc_hash(xi_b), enc_hash(ctx), enc_str("enc"), enc_int(qi), enc_int(oi), enc_int(0)]
    return Hq(h_e, TAG_NONCE, *fields)


def reencrypt(
    h_e: bytes, key: Element, xi_b: bytes, ctx: bytes, questions: Sequence[Question], plaintext: bytes
) -> list[list[Ciphertext]]:
    """Every (α, β) = (g^ξ, K^(ξ+m)) of a ballot from its nonce ξ_B and plaintext (spec §7.6)."""
    out: list[list[Ciphertext]] = []
    position = 0
    for qi, question in enumerate(questions):
        row = []
        for oi in range(question.ciphertexts):
            m = plaintext[position]
            position += 1
            xi = encryption_nonce(h_e, xi_b, ctx, qi, oi)
            row.append((base_mul(xi), mul(key, xi + m)))
        out.append(row)
    return out
