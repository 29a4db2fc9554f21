"""The booth's side of an end-to-end ballot: prepare while the voter chooses, seal when she taps Seal.

Every nonce derives from ξ_B and the ballot's context, not from the choices (docs/e2e-spec.md §6.3), so
every exponentiation can be done before the choices are known: for each option both possible β and
both possible proof commitments. Sealing then only picks the prepared elements for each choice and
hashes: the voter waits a few milliseconds, not the ~500 exponentiations of a 24-question ballot.
The prepared ballot holds secret nonces: it lives in memory only and is dropped once sealed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ballot.crypto.chaum_pedersen import DisjunctiveProof, ProofPair, Transcript
from kiosk.ballot.crypto.elgamal import Ciphertext
from kiosk.ballot.crypto.group import GENERATOR, Nonce, Point, Scalar
from kiosk.ballot.crypto.hashing import Digest, Tag
from kiosk.ballot.definition import VotingSession
from kiosk.ballot.e2e_ballot import (
    OPTION_SET,
    BallotNonces,
    ElectionKey,
    EncryptedBallot,
    EncryptedQuestion,
    confirmation_code,
    option_statement_prefix,
    question_digest,
    question_transcript,
)
from kiosk.ballot.e2e_layout import BallotContext, QuestionLayout, plaintext_vector, session_layout
from kiosk.ballot.selections import Selections


@dataclass(frozen=True, slots=True)
class _PreparedOption:
    xi: Scalar
    commit_nonces: tuple[Scalar, Scalar]  # u_0, u_1
    fake_challenge: Scalar  # c of the simulated branch, whichever it is
    alpha: Point
    betas: tuple[Point, Point]  # β for m = 0 and for m = 1
    a: tuple[Point, Point]  # g^u_0, g^u_1
    b: tuple[tuple[Point, Point], tuple[Point, Point]]  # (b_0, b_1) for m = 0 and for m = 1
    statement_prefix: bytes  # tag 0x21's fields before β


@dataclass(frozen=True, slots=True)
class _PreparedQuestion:
    layout: QuestionLayout
    options: tuple[_PreparedOption, ...]
    total_nonce: Scalar  # ξ_q = Σ w ξ
    total_alpha: Point  # A = g^ξ_q
    total_betas: dict[int, Point]  # B = K^(ξ_q + V) for each allowed V
    commit_nonces: dict[int, Scalar]  # u_j, j ∈ S_q
    a: dict[int, Point]  # g^u_j
    real_b: dict[int, Point]  # K^u_j


class AlreadySealed(RuntimeError):
    """A prepared ballot sealed twice: two ballots would share every nonce (a booth bug, not input)."""


@dataclass(slots=True)
class PreparedBallot:
    """Everything but the choices: made for one voter's session and context, sealed at most once.

    Twice would give two ballots with the same α and nonces; if one were then checked, its ξ_B would
    open the other. The flag makes the second seal fail loudly instead.
    """

    election: ElectionKey
    session: VotingSession
    context: BallotContext
    ctx: Digest
    ballot_nonce: Digest
    questions: tuple[_PreparedQuestion, ...]
    sealed: bool = False


def prepare_ballot(
    election: ElectionKey, session: VotingSession, context: BallotContext, ballot_nonce: Digest
) -> PreparedBallot:
    """All exponentiations of the ballot; raises GroupError for a zero nonce (p = 2^-252): draw again."""
    if context.session != session.id:
        raise ValueError(f"a context of session {context.session!r} for a ballot of {session.id!r}")
    ctx = context.digest(election.extended_hash)
    nonces = BallotNonces(election.extended_hash, ballot_nonce, ctx)
    questions = tuple(
        _prepare_question(election, ctx, qi, layout, nonces)
        for qi, layout in enumerate(session_layout(session))
    )
    return PreparedBallot(election, session, context, ctx, ballot_nonce, questions)


def _prepare_option(
    election: ElectionKey, ctx: Digest, qi: int, oi: int, nonces: BallotNonces
) -> _PreparedOption:
    key = election.key
    xi = Nonce(nonces("enc", qi, oi, 0)).scalar  # Nonce refuses 0: α = identity would publish the vote
    u0, u1 = nonces("opt-u", qi, oi, 0), nonces("opt-u", qi, oi, 1)
    c = nonces("opt-c", qi, oi, 0)
    alpha, key_xi = GENERATOR**xi, key**xi
    key_u0, key_u1, key_c = key**u0, key**u1, key**c
    # Real branch m: b_m = K^u_m. Simulated branch j: b_j = K^(u_j + (m - j) c), so K^(u_0 + c) when
    # m = 1 and K^(u_1 - c) when m = 0.
    b = ((key_u0, key_u1 / key_c), (key_u0 * key_c, key_u1))
    prefix = option_statement_prefix(election, ctx, qi, oi, alpha)
    return _PreparedOption(
        xi, (u0, u1), c, alpha, (key_xi, key_xi * key), (GENERATOR**u0, GENERATOR**u1), b, prefix
    )


def _prepare_question(
    election: ElectionKey, ctx: Digest, qi: int, layout: QuestionLayout, nonces: BallotNonces
) -> _PreparedQuestion:
    options = tuple(_prepare_option(election, ctx, qi, oi, nonces) for oi in range(layout.size))
    total = Scalar(0)
    for option, weight in zip(options, layout.weights, strict=True):
        total = total + Scalar(weight) * option.xi
    commit = {j: nonces("q-u", qi, 0, j) for j in layout.allowed}
    key = election.key
    return _PreparedQuestion(
        layout=layout,
        options=options,
        total_nonce=total,
        total_alpha=GENERATOR**total,
        total_betas={v: key ** (total + Scalar(v)) for v in layout.allowed},
        commit_nonces=commit,
        a={j: GENERATOR**u for j, u in commit.items()},
        real_b={j: key**u for j, u in commit.items()},
    )


def seal_ballot(prepared: PreparedBallot, selections: Selections) -> EncryptedBallot:
    """The ballot of these choices; raises SelectionError if the session's rules refuse them."""
    if prepared.sealed:
        raise AlreadySealed("this prepared ballot was already sealed: prepare a new one")
    plaintext = plaintext_vector(prepared.session, selections)  # refused choices leave it unsealed
    prepared.sealed = True
    nonces = BallotNonces(prepared.election.extended_hash, prepared.ballot_nonce, prepared.ctx)
    questions = tuple(
        _seal_question(prepared, nonces, qi, question, values)
        for qi, (question, values) in enumerate(zip(prepared.questions, plaintext, strict=True))
    )
    election, ctx = prepared.election, prepared.ctx
    digests = [question_digest(election, ctx, qi, q.ciphertexts) for qi, q in enumerate(questions)]
    return EncryptedBallot(prepared.context, questions, confirmation_code(election, ctx, digests))


def _seal_option(
    extended_hash: Digest, option: _PreparedOption, m: int
) -> tuple[Ciphertext, DisjunctiveProof]:
    beta = option.betas[m]
    b0, b1 = option.b[m]
    transcript = Transcript(
        extended_hash, Tag.OPTION_PROOF, option.statement_prefix + beta.encode() + OPTION_SET
    )
    total = transcript.challenge([option.a[0], b0, option.a[1], b1])
    real = total - option.fake_challenge
    pairs = []
    for j in (0, 1):
        c = real if j == m else option.fake_challenge
        pairs.append(ProofPair(c, option.commit_nonces[j] - c * option.xi))
    return Ciphertext(option.alpha, beta), (pairs[0], pairs[1])


def _seal_question(
    prepared: PreparedBallot,
    nonces: BallotNonces,
    qi: int,
    question: _PreparedQuestion,
    values: tuple[int, ...],
) -> EncryptedQuestion:
    election = prepared.election
    sealed = [
        _seal_option(election.extended_hash, o, m) for o, m in zip(question.options, values, strict=True)
    ]
    layout = question.layout
    value = layout.value(values)
    total = Ciphertext(question.total_alpha, question.total_betas[value])
    fake = {j: nonces("q-c", qi, 0, j) for j in layout.allowed if j != value}
    commitments: list[Point] = []
    for j in layout.allowed:
        commitments.append(question.a[j])
        if j == value:
            commitments.append(question.real_b[j])
        else:  # a simulated branch: one exponentiation at sealing, only for sets of two or more values
            exponent = question.commit_nonces[j] + Scalar.reduce(value - j) * fake[j]
            commitments.append(election.key**exponent)
    challenge = question_transcript(election, prepared.ctx, qi, total, layout).challenge(commitments)
    real = challenge
    for c in fake.values():
        real = real - c
    pairs = []
    for j in layout.allowed:
        c = real if j == value else fake[j]
        pairs.append(ProofPair(c, question.commit_nonces[j] - c * question.total_nonce))
    return EncryptedQuestion(tuple(ct for ct, _ in sealed), tuple(p for _, p in sealed), tuple(pairs))


def encrypt_ballot(
    election: ElectionKey,
    session: VotingSession,
    context: BallotContext,
    selections: Selections,
    ballot_nonce: Digest,
) -> EncryptedBallot:
    """Prepare and seal in one go (tests, vectors, the simulator)."""
    return seal_ballot(prepare_ballot(election, session, context, ballot_nonce), selections)
