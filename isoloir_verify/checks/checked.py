"""V8 on one piece of a booth's checked (challenged) ballots (docs/e2e-spec.md §7.6).

Each checked ballot is re-encrypted from its ξ_B and its choices; the code recomputed must equal the
published one (all 32 bytes). That no checked code is among the cast codes is checked election-wide,
and the recomputed α join the cast ones in V6 (a ξ_B used for a checked and a cast ballot repeats α).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from isoloir_verify.b64 import b64encode
from isoloir_verify.ballot_proofs import (
    ballot_context,
    confirmation_code,
    plaintext_for,
    question_digest,
    reencrypt,
)
from isoloir_verify.checks.cast import allowed_contexts
from isoloir_verify.record.ballots import CheckedBallot
from isoloir_verify.record.manifest import Question
from isoloir_verify.record.reader import RecordError, parse
from isoloir_verify.report import CheckResult
from isoloir_verify.shards import Facts, Piece, manifest_of, piece_lines


@dataclass
class CheckedOutcome:
    session: str
    station: str
    v8: CheckResult
    codes: list[bytes] = field(default_factory=list)
    # The α of every checked ballot that opened: equal to a cast α means one ξ_B served twice (V6).
    alphas: list[bytes] = field(default_factory=list)


def choice_problem(question: Question, chosen: list[str]) -> str | None:
    """The question's rules (spec §6.1, §11.2): a valid answer, or a blank where allowed."""
    if len(set(chosen)) != len(chosen):
        return f"question {question.id!r}: a choice repeated"
    unknown = [c for c in chosen if c not in question.choices]
    if unknown:
        return f"question {question.id!r}: no choice {unknown[0]!r}"
    if not chosen:
        return None if question.allow_blank else f"question {question.id!r}: blank not allowed"
    if question.kind == "multiple":
        lo, hi = question.lo_hi
        ok = lo <= len(chosen) <= hi
    else:
        ok = len(chosen) == 1
    return None if ok else f"question {question.id!r}: {len(chosen)} choices not allowed"


def check_checked_piece(piece: Piece, facts: Facts) -> CheckedOutcome:
    outcome = CheckedOutcome(piece.session, piece.station, CheckResult("V8"))
    manifest = manifest_of(facts)
    session = manifest.sessions_by_id.get(piece.session)
    if session is None or piece.station not in manifest.station_ids:
        outcome.v8.fail(f"{piece.relative}: session or station not in the manifest")
        return outcome
    allowed = allowed_contexts(manifest, session, piece.station, piece.station in facts.hall)
    previous: bytes | None = None
    for offset, line in piece_lines(piece):
        where = f"{piece.relative}@{offset}"
        outcome.v8.count()
        try:
            ballot = parse(CheckedBallot, line, where)
        except RecordError as err:
            outcome.v8.fail(str(err))
            continue
        if previous is not None and ballot.code <= previous:
            outcome.v8.fail(f"{where}: checked ballots not sorted by code, or a code repeated")
        previous = ballot.code
        outcome.codes.append(ballot.code)
        try:
            problem = _problem(facts, session.questions, piece, allowed, ballot, session.id, outcome.alphas)
        except ValueError as err:  # a value the spec's encodings cannot hold
            problem = f"{type(err).__name__}: {err}"
        if problem:
            outcome.v8.fail(f"{where} (code {b64encode(ballot.code)[:12]}…): {problem}")
    return outcome


def _problem(
    facts: Facts,
    questions: list[Question],
    piece: Piece,
    allowed: dict[tuple[str, int, str], int],
    ballot: CheckedBallot,
    session: str,
    alphas: list[bytes],
) -> str | None:
    if (ballot.group, ballot.weight, ballot.voter) not in allowed:
        return "context fits no eligible voter of this station and session"
    if set(ballot.choices) != {q.id for q in questions}:
        return "choices do not name exactly the session's questions"
    for question in questions:
        problem = choice_problem(question, ballot.choices[question.id])
        if problem:
            return problem
    ctx = ballot_context(facts.h_e, session, piece.station, ballot.group, ballot.weight, ballot.voter)
    plaintext = plaintext_for(questions, ballot.choices)
    cts = reencrypt(facts.h_e, facts.key, ballot.nonce, ctx, questions, plaintext)
    alphas.extend(alpha for row in cts for alpha, _ in row)
    digests = [question_digest(facts.h_e, ctx, qi, facts.key, row) for qi, row in enumerate(cts)]
    if confirmation_code(facts.h_e, ctx, digests) != ballot.code:
        return "re-encrypting the choices from ξ_B does not give the published code"
    return None
