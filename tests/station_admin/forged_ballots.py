"""Ballots a cheating booth could make: valid 0-or-1 ciphertexts whose sum breaks the question's rule."""

from __future__ import annotations

from kiosk.ballot.crypto.chaum_pedersen import prove_disjunctive
from kiosk.ballot.crypto.elgamal import encrypt
from kiosk.ballot.crypto.group import Nonce, Scalar
from kiosk.ballot.definition import VotingSession
from kiosk.ballot.e2e_ballot import (
    ElectionKey,
    EncryptedBallot,
    EncryptedQuestion,
    confirmation_code,
    option_transcript,
    question_digest,
    question_total,
    question_transcript,
)
from kiosk.ballot.e2e_layout import session_layout


def forge_question(
    election: ElectionKey,
    session: VotingSession,
    ballot: EncryptedBallot,
    qi: int,
    values: list[int],
    claimed: int,
) -> EncryptedBallot:
    """Ciphertexts of `values` with honest 0/1 proofs, a question proof claiming `claimed`, the code
    recomputed: only the question proof can tell."""
    ctx = ballot.context.digest(election.extended_hash)
    layout = session_layout(session)[qi]
    xis = [Scalar(900 + oi) for oi in range(len(values))]
    cts = tuple(encrypt(election.key, m, Nonce(xi)) for m, xi in zip(values, xis, strict=True))
    proofs = tuple(
        prove_disjunctive(election.key, (0, 1), m, xi, {0: Scalar(5), 1: Scalar(6)}, {1 - m: Scalar(7)},
                          option_transcript(election, ctx, qi, oi, ct))
        for oi, (m, xi, ct) in enumerate(zip(values, xis, cts, strict=True))
    )  # fmt: skip
    total = question_total(cts, layout)
    total_nonce = sum((Scalar(w) * xi for w, xi in zip(layout.weights, xis, strict=True)), Scalar(0))
    fake = {j: Scalar(20 + j) for j in layout.allowed if j != claimed}
    commit = {j: Scalar(40 + j) for j in layout.allowed}
    sp = prove_disjunctive(election.key, layout.allowed, claimed, total_nonce, commit, fake,
                           question_transcript(election, ctx, qi, total, layout))  # fmt: skip
    questions = list(ballot.questions)
    questions[qi] = EncryptedQuestion(cts, proofs, sp)
    digests = [question_digest(election, ctx, i, q.ciphertexts) for i, q in enumerate(questions)]
    return EncryptedBallot(ballot.context, tuple(questions), confirmation_code(election, ctx, digests))
