"""An end-to-end verifiable ballot: encryption with proofs, the confirmation code, and the checks.

Every nonce comes from one 32-byte ballot nonce ξ_B, so a challenged (checked) ballot is opened by
publishing ξ_B and the choices: anyone recomputes the ciphertexts and compares the code. The code
hashes only this ballot and its context, never a previous one (no chain, so no cast order).
Spec: docs/e2e-spec.md §6.3–§7.6.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from enum import StrEnum

from kiosk.ballot.crypto.chaum_pedersen import (
    DisjunctiveProof,
    Transcript,
    prove_disjunctive,
    verify_disjunctive,
)
from kiosk.ballot.crypto.elgamal import Ciphertext, aggregate, encrypt
from kiosk.ballot.crypto.group import GENERATOR, Nonce, Point, Scalar
from kiosk.ballot.crypto.hashing import (
    Digest,
    Field,
    Tag,
    encode_fields,
    encode_int,
    encode_str,
    h_encoded,
    hq_encoded,
)
from kiosk.ballot.definition import VotingSession
from kiosk.ballot.e2e_layout import (
    OPTION_VALUES,
    BallotContext,
    QuestionLayout,
    plaintext_bytes,
    plaintext_vector,
    session_layout,
)
from kiosk.ballot.selections import SelectionError, Selections

SHORT_CODE_BYTES = 10  # 80 bits printed: a booth cannot grind a colliding pair (2^40 work) in one session
SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32, as the voting codes
_LABELS = {name: encode_str(name) for name in ("enc", "opt-u", "opt-c", "q-u", "q-c")}


@dataclass(frozen=True, slots=True)
class ElectionKey:
    """What a booth, an importer or a verifier needs: H_E and the election key K."""

    extended_hash: Digest
    key: Point


@dataclass(frozen=True, slots=True)
class EncryptedQuestion:
    ciphertexts: tuple[Ciphertext, ...]
    option_proofs: tuple[DisjunctiveProof, ...]
    question_proof: DisjunctiveProof


@dataclass(frozen=True, slots=True)
class EncryptedBallot:
    context: BallotContext
    questions: tuple[EncryptedQuestion, ...]
    code: Digest


class Fault(StrEnum):
    """Why a cast ballot is refused: the verifier's check V5, one reason a line."""

    SHAPE = "the ballot does not have the session's ciphertexts and proofs"
    IDENTITY_ALPHA = "a ciphertext's α is the identity (it would publish its vote)"
    OPTION_PROOF = "an option's proof that it encrypts 0 or 1 does not verify"
    QUESTION_PROOF = "a question's proof that its count is allowed does not verify"
    CODE = "the confirmation code is not the hash of the ciphertexts"
    COPIED_ALPHA = "a ciphertext's α was already seen in this election"


@dataclass(frozen=True, slots=True)
class BallotFault:
    fault: Fault
    question: int | None = None
    option: int | None = None


class CheckOutcome(StrEnum):
    """The opening of a challenged ballot, as a phone or observer shows it."""

    MATCH = "the booth encrypted exactly these choices"
    CODE_MISMATCH = "these choices and nonce do not give the printed code"
    INVALID_CHOICES = "these choices are not a valid answer to the session"


def new_ballot_nonce() -> Digest:
    """ξ_B, drawn fresh for each sealing attempt and forgotten once the ballot is cast."""
    return Digest(secrets.token_bytes(32))


class BallotNonces:
    """N(label, qi, oi, j) = Hq(H_E; 0x20, ξ_B, ctx, plaintext, label, qi, oi, j), prefix encoded once."""

    def __init__(self, extended_hash: Digest, ballot_nonce: Digest, ctx: Digest, plaintext: bytes) -> None:
        self._key = extended_hash
        self._prefix = encode_fields([ballot_nonce, ctx, plaintext])

    def __call__(self, label: str, qi: int, oi: int, j: int) -> Scalar:
        body = self._prefix + _LABELS[label] + encode_int(qi) + encode_int(oi) + encode_int(j)
        return hq_encoded(self._key, Tag.NONCE, body)


def option_transcript(election: ElectionKey, ctx: Digest, qi: int, oi: int, ct: Ciphertext) -> Transcript:
    fields: list[Field] = [ctx, qi, oi, election.key, ct.alpha, ct.beta, OPTION_VALUES]
    return Transcript(election.extended_hash, Tag.OPTION_PROOF, encode_fields(fields))


def question_transcript(
    election: ElectionKey, ctx: Digest, qi: int, total: Ciphertext, layout: QuestionLayout
) -> Transcript:
    fields: list[Field] = [ctx, qi, election.key, total.alpha, total.beta, layout.allowed]
    return Transcript(election.extended_hash, Tag.QUESTION_PROOF, encode_fields(fields))


def question_total(ciphertexts: tuple[Ciphertext, ...], layout: QuestionLayout) -> Ciphertext:
    """(A, B): the product of the question's ciphertexts, each raised to its weight (§7.1)."""
    weighted = [ct if w == 1 else ct ** Scalar(w) for ct, w in zip(ciphertexts, layout.weights, strict=True)]
    return aggregate(weighted)


def question_digest(
    election: ElectionKey, ctx: Digest, qi: int, ciphertexts: tuple[Ciphertext, ...]
) -> Digest:
    points = [p for ct in ciphertexts for p in (ct.alpha, ct.beta)]
    return h_encoded(
        election.extended_hash, Tag.QUESTION_DIGEST, encode_fields([ctx, qi, election.key, *points])
    )


def confirmation_code(election: ElectionKey, ctx: Digest, digests: list[Digest]) -> Digest:
    return h_encoded(election.extended_hash, Tag.CODE, encode_fields([ctx, *digests]))


def short_code(code: Digest) -> str:
    """The 16 symbols printed for typing on the board: the code's first 80 bits, in four groups."""
    value = int.from_bytes(code[:SHORT_CODE_BYTES], "big")
    symbols = "".join(SHORT_CODE_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(16)))
    return "-".join(symbols[i : i + 4] for i in range(0, 16, 4))


def encrypt_ballot(
    election: ElectionKey,
    session: VotingSession,
    context: BallotContext,
    selections: Selections,
    ballot_nonce: Digest,
) -> EncryptedBallot:
    """Encrypts and proves the voter's selections; raises SelectionError if the rules refuse them."""
    plaintext = plaintext_vector(session, selections)
    ctx = context.digest(election.extended_hash)
    nonces = BallotNonces(election.extended_hash, ballot_nonce, ctx, plaintext_bytes(plaintext))
    layouts = session_layout(session)
    questions = tuple(
        _encrypt_question(election, ctx, qi, layout, values, nonces)
        for qi, (layout, values) in enumerate(zip(layouts, plaintext, strict=True))
    )
    digests = [question_digest(election, ctx, qi, q.ciphertexts) for qi, q in enumerate(questions)]
    return EncryptedBallot(context, questions, confirmation_code(election, ctx, digests))


def _encrypt_question(
    election: ElectionKey,
    ctx: Digest,
    qi: int,
    layout: QuestionLayout,
    values: tuple[int, ...],
    nonces: BallotNonces,
) -> EncryptedQuestion:
    key = election.key
    ciphertexts, proofs = [], []
    total_nonce = Scalar(0)
    for oi, m in enumerate(values):
        xi = nonces("enc", qi, oi, 0)
        ct = encrypt(key, m, Nonce(xi))  # a zero nonce (p = 2^-252) raises: the booth draws a new ξ_B
        commit = {j: nonces("opt-u", qi, oi, j) for j in OPTION_VALUES}
        fake = {j: nonces("opt-c", qi, oi, j) for j in OPTION_VALUES if j != m}
        proofs.append(
            prove_disjunctive(
                key, OPTION_VALUES, m, xi, commit, fake, option_transcript(election, ctx, qi, oi, ct)
            )
        )
        ciphertexts.append(ct)
        total_nonce = total_nonce + Scalar(layout.weights[oi]) * xi
    value = layout.value(values)
    total = question_total(tuple(ciphertexts), layout)
    commit = {j: nonces("q-u", qi, 0, j) for j in layout.allowed}
    fake = {j: nonces("q-c", qi, 0, j) for j in layout.allowed if j != value}
    transcript = question_transcript(election, ctx, qi, total, layout)
    question_proof = prove_disjunctive(key, layout.allowed, value, total_nonce, commit, fake, transcript)
    return EncryptedQuestion(tuple(ciphertexts), tuple(proofs), question_proof)


def verify_ballot(
    election: ElectionKey, session: VotingSession, ballot: EncryptedBallot
) -> BallotFault | None:
    """Check V5's cryptography: shape, α ≠ identity, every proof, the code. None if all pass.

    The elements and scalars were validated when they were decoded; the context's agreement with
    the roll (station, group, weight, voter) is the importer's check, which knows the voter.
    """
    layouts = session_layout(session)
    if len(ballot.questions) != len(layouts):
        return BallotFault(Fault.SHAPE)
    ctx = ballot.context.digest(election.extended_hash)
    digests = []
    for qi, (layout, question) in enumerate(zip(layouts, ballot.questions, strict=True)):
        fault = _verify_question(election, ctx, qi, layout, question)
        if fault is not None:
            return fault
        digests.append(question_digest(election, ctx, qi, question.ciphertexts))
    if confirmation_code(election, ctx, digests) != ballot.code:
        return BallotFault(Fault.CODE)
    return None


def _verify_question(
    election: ElectionKey, ctx: Digest, qi: int, layout: QuestionLayout, question: EncryptedQuestion
) -> BallotFault | None:
    if len(question.ciphertexts) != layout.size or len(question.option_proofs) != layout.size:
        return BallotFault(Fault.SHAPE, qi)
    for oi, (ct, proof) in enumerate(zip(question.ciphertexts, question.option_proofs, strict=True)):
        if ct.alpha.is_identity():
            return BallotFault(Fault.IDENTITY_ALPHA, qi, oi)
        transcript = option_transcript(election, ctx, qi, oi, ct)
        if not verify_disjunctive(election.key, ct, OPTION_VALUES, proof, transcript):
            return BallotFault(Fault.OPTION_PROOF, qi, oi)
    total = question_total(question.ciphertexts, layout)
    transcript = question_transcript(election, ctx, qi, total, layout)
    if not verify_disjunctive(election.key, total, layout.allowed, question.question_proof, transcript):
        return BallotFault(Fault.QUESTION_PROOF, qi)
    return None


class AlphaRegister:
    """Every α seen in the election: a copied ciphertext is refused even under a fresh proof (V6)."""

    def __init__(self) -> None:
        self._seen: set[Point] = set()

    def admit(self, ballot: EncryptedBallot) -> BallotFault | None:
        alphas = [
            (qi, oi, ct.alpha) for qi, q in enumerate(ballot.questions) for oi, ct in enumerate(q.ciphertexts)
        ]
        mine: set[Point] = set()
        for qi, oi, alpha in alphas:
            if alpha in self._seen or alpha in mine:
                return BallotFault(Fault.COPIED_ALPHA, qi, oi)
            mine.add(alpha)
        self._seen |= mine
        return None


def open_checked(
    election: ElectionKey,
    session: VotingSession,
    context: BallotContext,
    ballot_nonce: Digest,
    selections: Selections,
    code: Digest,
) -> CheckOutcome:
    """Benaloh's check: recompute the ciphertexts from ξ_B and the claimed choices, compare all 256 bits."""
    try:
        plaintext = plaintext_vector(session, selections)
    except SelectionError:
        return CheckOutcome.INVALID_CHOICES
    ctx = context.digest(election.extended_hash)
    nonces = BallotNonces(election.extended_hash, ballot_nonce, ctx, plaintext_bytes(plaintext))
    digests = []
    for qi, values in enumerate(plaintext):
        xis = [nonces("enc", qi, oi, 0) for oi in range(len(values))]
        cts = tuple(
            Ciphertext(GENERATOR**xi, election.key ** (xi + Scalar(m)))
            for xi, m in zip(xis, values, strict=True)
        )
        digests.append(question_digest(election, ctx, qi, cts))
    return (
        CheckOutcome.MATCH
        if confirmation_code(election, ctx, digests) == code
        else CheckOutcome.CODE_MISMATCH
    )
