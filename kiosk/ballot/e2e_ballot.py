"""An end-to-end verifiable ballot: encryption with proofs, the confirmation code, and the checks.

Every nonce comes from one 32-byte ballot nonce ξ_B, so a challenged (checked) ballot is opened by
publishing ξ_B and the choices: anyone recomputes the ciphertexts and compares the code. The code
hashes only this ballot and its context, never a previous one (no chain, so no cast order).
Spec: docs/e2e-spec.md §6.3–§7.6.
"""

from __future__ import annotations

import secrets
import struct
from dataclasses import dataclass
from enum import StrEnum

from kiosk.ballot.crypto.chaum_pedersen import (
    DisjunctiveProof,
    Transcript,
    verify_disjunctive,
)
from kiosk.ballot.crypto.elgamal import Ciphertext, aggregate
from kiosk.ballot.crypto.group import GENERATOR, Point, Scalar
from kiosk.ballot.crypto.hashing import (
    Digest,
    Field,
    Tag,
    encode_fields,
    encode_int,
    encode_ints,
    encode_str,
    h_encoded,
    hq_encoded,
)
from kiosk.ballot.definition import VotingSession
from kiosk.ballot.e2e_layout import (
    OPTION_VALUES,
    BallotContext,
    QuestionLayout,
    plaintext_vector,
    session_layout,
)
from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.selections import SelectionError, Selections

SHORT_CODE_BYTES = 10  # 80 bits printed: a booth cannot grind a colliding pair (2^40 work) in one session
SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32, as the voting codes
_LABELS = {name: encode_str(name) for name in ("enc", "opt-u", "opt-c", "q-u", "q-c")}
_INDICES = struct.Struct(">III")  # qi, oi, j: three `int` fields in one call (hundreds per ballot)
_INDICES2 = struct.Struct(">II")  # qi, oi
OPTION_SET = encode_ints(OPTION_VALUES)


@dataclass(frozen=True, slots=True)
class ElectionKey:
    """What a booth, an importer or a verifier needs: H_E and the election key K."""

    extended_hash: Digest
    key: Point

    def __post_init__(self) -> None:
        if self.key.is_identity():  # then every β = K^(ξ+m) is the identity too, whatever the vote
            raise ValueError("the election key must not be the identity element")


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
    """N(label, qi, oi, j) = Hq(H_E; 0x20, ξ_B, ctx, label, qi, oi, j), the prefix encoded once.

    Not the choices: the booth makes every exponentiation before the voter has chosen (e2e_seal.py).
    """

    def __init__(self, extended_hash: Digest, ballot_nonce: Digest, ctx: Digest) -> None:
        self._key = extended_hash
        self._prefix = bytes(ballot_nonce) + bytes(ctx)

    def __call__(self, label: str, qi: int, oi: int, j: int) -> Scalar:
        body = self._prefix + _LABELS[label] + _INDICES.pack(qi, oi, j)
        return hq_encoded(self._key, Tag.NONCE, body)


def option_statement_prefix(election: ElectionKey, ctx: Digest, qi: int, oi: int, alpha: Point) -> bytes:
    """Tag 0x21's fields before β (ctx, qi, oi, K, α), concatenated directly: the hot path, pinned to
    the generic field encoder by tests/ballot/test_e2e_ballot.py."""
    return b"".join((ctx, _INDICES2.pack(qi, oi), election.key.encode(), alpha.encode()))


def option_transcript(election: ElectionKey, ctx: Digest, qi: int, oi: int, ct: Ciphertext) -> Transcript:
    prefix = option_statement_prefix(election, ctx, qi, oi, ct.alpha)
    return Transcript(election.extended_hash, Tag.OPTION_PROOF, prefix + ct.beta.encode() + OPTION_SET)


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
    points = b"".join(ct.alpha.encode() + ct.beta.encode() for ct in ciphertexts)
    body = b"".join((ctx, encode_int(qi), election.key.encode(), points))
    return h_encoded(election.extended_hash, Tag.QUESTION_DIGEST, body)


def confirmation_code(election: ElectionKey, ctx: Digest, digests: list[Digest]) -> Digest:
    return h_encoded(election.extended_hash, Tag.CODE, b"".join([ctx, *digests]))


def code_set_digest(
    election: ElectionKey, session: SessionId, station: StationId, kind: str, codes: list[Digest]
) -> Digest:
    """Tag 0x26: one booth's cast (or checked) codes as a set, sorted bytewise, so no order is kept."""
    ordered = sorted(bytes(code) for code in codes)
    body = encode_fields([session, station, kind, len(ordered)]) + b"".join(ordered)
    return h_encoded(election.extended_hash, Tag.CODE_SET, body)


def short_code(code: Digest) -> str:
    """The 16 symbols printed for typing on the board: the code's first 80 bits, in four groups."""
    value = int.from_bytes(code[:SHORT_CODE_BYTES], "big")
    symbols = "".join(SHORT_CODE_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(16)))
    return "-".join(symbols[i : i + 4] for i in range(0, 16, 4))


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
    """Every α seen so far: a copied ciphertext is refused even under a fresh proof (V6).

    Kept as raw encodings in memory: right for an import or a booth's shard (a 5,000-ballot booth
    holds 360,000 α). Across a million-ballot election, sort the α of every shard instead.
    """

    def __init__(self) -> None:
        self._seen: set[bytes] = set()

    def admit(self, ballot: EncryptedBallot) -> BallotFault | None:
        """Records the ballot's α unless one was seen before (in it or earlier): then nothing is recorded."""
        mine: set[bytes] = set()
        for qi, question in enumerate(ballot.questions):
            for oi, ct in enumerate(question.ciphertexts):
                alpha = ct.alpha.encode()
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
    nonces = BallotNonces(election.extended_hash, ballot_nonce, ctx)
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
