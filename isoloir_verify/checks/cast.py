"""V5 on one piece of a booth's cast ballots, and what V6, V7, V9 and V11 need from it.

Each ballot is checked alone (context, layout, elements, α ≠ identity, proofs, code); the piece
returns its codes and the sorted 8-byte prefixes of its α values (V6, checks/unique.py), its
(group, weight) multiset and voters (V7) and its partial aggregates per (question, option, group,
weight) (V9), all of which combine associatively.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from isoloir_verify.b64 import b64encode
from isoloir_verify.ballot_proofs import (
    Ciphertext,
    ballot_context,
    confirmation_code,
    option_proof_valid,
    question_aggregate,
    question_digest,
    question_proof_valid,
)
from isoloir_verify.checks.unique import Prefixes, sorted_prefixes
from isoloir_verify.group import IDENTITY, Element, add
from isoloir_verify.record.ballots import CastBallot
from isoloir_verify.record.manifest import Manifest, Session, context_group, context_voter, context_weight
from isoloir_verify.record.reader import RecordError, parse
from isoloir_verify.report import CheckResult
from isoloir_verify.shards import Facts, Piece, manifest_of, piece_lines

AggregateKey = tuple[int, int, str, int]  # (qi, oi, group, weight)


@dataclass
class CastOutcome:
    session: str
    station: str
    v5: CheckResult
    ballots: int = 0
    codes: list[bytes] = field(default_factory=list)
    alpha_prefixes: Prefixes = field(default_factory=lambda: array("Q"))
    contexts: Counter[tuple[str, int]] = field(default_factory=Counter)
    voters: list[str] = field(default_factory=list)
    aggregates: dict[AggregateKey, Ciphertext] = field(default_factory=dict)
    recorded: dict[bytes, tuple[str, str, int, list[list[Ciphertext]]]] = field(default_factory=dict)


def allowed_contexts(
    manifest: Manifest, session: Session, station: str, any_delegate: bool = False
) -> dict[tuple[str, int, str], int]:
    """(group, weight, voter) a ballot of this session and station may carry, with how many voters;
    any_delegate for a booth of a hall (signed `roll` "hall", spec §9.2a)."""
    allowed: Counter[tuple[str, int, str]] = Counter()
    for voter in manifest.eligible(session.id, None if any_delegate else station):
        key = (context_group(session, voter), context_weight(session, voter), context_voter(session, voter))
        allowed[key] += 1
    return dict(allowed)


def check_cast_piece(piece: Piece, facts: Facts) -> CastOutcome:
    outcome = CastOutcome(piece.session, piece.station, CheckResult("V5"))
    manifest = manifest_of(facts)
    session = manifest.sessions_by_id.get(piece.session)
    if session is None or piece.station not in manifest.station_ids:
        outcome.v5.fail(
            f"{piece.relative}: session {piece.session!r} or station {piece.station!r} not in the manifest"
        )
        return outcome
    allowed = allowed_contexts(manifest, session, piece.station, piece.station in facts.hall)
    previous: bytes | None = None
    alphas: list[bytes] = []  # this piece's only: what it returns is their prefixes
    for offset, line in piece_lines(piece):
        where = f"{piece.relative}@{offset}"
        outcome.v5.count()
        try:
            ballot = parse(CastBallot, line, where)
        except RecordError as err:
            outcome.v5.fail(str(err))
            continue
        if previous is not None and ballot.code <= previous:
            outcome.v5.fail(f"{where}: ballots not sorted by code, or a code repeated")
        previous = ballot.code
        collect(outcome, session, ballot, alphas)
        try:
            problems = ballot_problems(facts, session, piece.station, allowed, ballot)
        except ValueError as err:  # a value the spec's encodings cannot hold (an integer ≥ 2^32)
            problems = [f"{type(err).__name__}: {err}"]
        for problem in problems:
            outcome.v5.fail(f"{where} (code {b64encode(ballot.code)[:12]}…): {problem}")
    outcome.alpha_prefixes = sorted_prefixes(alphas)
    return outcome


def piece_alphas(piece: Piece) -> Iterator[bytes]:
    """Every α of the piece's readable ballots, read again: V6 compares the full values behind a
    repeated prefix (rare), since the pieces kept only the prefixes."""
    for offset, line in piece_lines(piece):
        try:
            ballot = parse(CastBallot, line, f"{piece.relative}@{offset}")
        except RecordError:
            continue  # V5 has failed it already
        for question in ballot.questions:
            for alpha, _ in question.ct:
                yield bytes(alpha)


def collect(outcome: CastOutcome, session: Session, ballot: CastBallot, alphas: list[bytes]) -> None:
    """Collect what the election-wide checks need, from every readable ballot (valid or not)."""
    outcome.ballots += 1
    outcome.codes.append(ballot.code)
    outcome.contexts[(ballot.group, ballot.weight)] += 1
    if ballot.voter:
        outcome.voters.append(ballot.voter)
    cts: list[list[Ciphertext]] = []
    for qi, question in enumerate(ballot.questions):
        row = [(Element(a), Element(b)) for a, b in question.ct]
        cts.append(row)
        for oi, (alpha, beta) in enumerate(row):
            alphas.append(alpha)
            key = (qi, oi, ballot.group, ballot.weight)
            sum_a, sum_b = outcome.aggregates.get(key, (IDENTITY, IDENTITY))
            outcome.aggregates[key] = (add(sum_a, alpha), add(sum_b, beta))
    if session.mode == "recorded":
        outcome.recorded[ballot.code] = (ballot.voter, ballot.group, ballot.weight, cts)


def ballot_problems(
    facts: Facts, session: Session, station: str, allowed: dict[tuple[str, int, str], int], ballot: CastBallot
) -> list[str]:
    if (ballot.group, ballot.weight, ballot.voter) not in allowed:
        return [
            f"context (group {ballot.group!r}, weight {ballot.weight}, voter {ballot.voter!r}) "
            f"fits no eligible voter of station {station!r} in session {session.id!r}"
        ]
    return crypto_problems(facts, session, station, ballot)


def crypto_problems(facts: Facts, session: Session, station: str, ballot: CastBallot) -> list[str]:
    """Layout, α ≠ identity, every proof and the code of one ballot under its own context."""
    layout = _layout_problem(session, ballot)
    if layout:
        return [layout]
    ctx = ballot_context(facts.h_e, session.id, station, ballot.group, ballot.weight, ballot.voter)
    problems: list[str] = []
    digests = []
    for qi, (question, answer) in enumerate(zip(session.questions, ballot.questions, strict=True)):
        cts = [(Element(a), Element(b)) for a, b in answer.ct]
        if any(alpha == IDENTITY for alpha, _ in cts):
            problems.append(f"question {qi}: an α is the identity (it would publish the vote)")
        for oi, (ct, proof) in enumerate(zip(cts, answer.p, strict=True)):
            if not option_proof_valid(facts.h_e, ctx, qi, oi, facts.key, ct, proof):
                problems.append(f"question {qi} option {oi}: the 0-or-1 proof fails")
        aggregate = question_aggregate(cts, question.weights)
        if not question_proof_valid(facts.h_e, ctx, qi, facts.key, aggregate, question.value_set, answer.sp):
            problems.append(f"question {qi}: the proof of an allowed number of choices fails")
        digests.append(question_digest(facts.h_e, ctx, qi, facts.key, cts))
    if confirmation_code(facts.h_e, ctx, digests) != ballot.code:
        problems.append("the code recomputed from context and ciphertexts differs")
    return problems


def _layout_problem(session: Session, ballot: CastBallot) -> str | None:
    if len(ballot.questions) != len(session.questions):
        return f"{len(ballot.questions)} questions, the session has {len(session.questions)}"
    for qi, (question, answer) in enumerate(zip(session.questions, ballot.questions, strict=True)):
        n = question.ciphertexts
        if len(answer.ct) != n or len(answer.p) != n:
            return f"question {qi}: {len(answer.ct)} ciphertexts and {len(answer.p)} proofs, expected {n}"
        expected = 2 * len(question.value_set)
        if len(answer.sp) != expected:
            return f"question {qi}: {len(answer.sp)} question-proof scalars, expected {expected}"
    return None
