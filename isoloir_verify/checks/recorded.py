"""V11: a recorded (named) session's ballots, each decrypted with trustee proofs (spec §9.1, §10).

Each line names a voter and a cast ballot's code; its per-question decryptions must verify with
bound 1 (each m is 0 or 1); voters are unique and every recorded ballot appears once; the weighted
sum of the values equals the tally's decrypted values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from isoloir_verify.b64 import b64encode
from isoloir_verify.checks.cast import CastOutcome
from isoloir_verify.checks.decryptions import Keys, decryption_problems
from isoloir_verify.record.manifest import Session
from isoloir_verify.record.reader import RecordError, iter_lines, parse
from isoloir_verify.record.tally import RecordedBallot, RecordedHeader, Tally
from isoloir_verify.report import CheckResult


def check_recorded(
    session: Session, data: bytes, where: str, cast: list[CastOutcome], tally: Tally | None, keys: Keys
) -> CheckResult:
    result = CheckResult("V11")
    lines = list(iter_lines(data, where))
    if not lines:
        raise RecordError(f"{where}: no header line")
    header = parse(RecordedHeader, lines[0][1], lines[0][0])
    if header.session != session.id:
        result.fail(f"{where}: header names session {header.session!r}")
    ballots = {code: entry for o in cast if o.session == session.id for code, entry in o.recorded.items()}
    sums: Counter[tuple[int, int, str]] = Counter()
    voters: Counter[str] = Counter()
    codes: set[bytes] = set()
    for label, line in lines[1:]:
        result.count()
        entry = parse(RecordedBallot, line, label)
        voters[entry.voter] += 1
        codes.add(entry.code)
        cast_ballot = ballots.get(entry.code)
        if cast_ballot is None:
            result.fail(f"{label}: code {b64encode(entry.code)[:12]}… is no cast ballot of this session")
            continue
        voter, group, weight, cts = cast_ballot
        if voter != entry.voter:
            result.fail(f"{label}: the cast ballot names voter {voter!r}, not {entry.voter!r}")
        if len(entry.decryptions) != len(cts) or len(entry.values) != len(cts):
            result.fail(
                f"{label}: decryptions for {len(entry.decryptions)} questions, the ballot has {len(cts)}"
            )
            continue
        for qi, (row, decs, values) in enumerate(zip(cts, entry.decryptions, entry.values, strict=True)):
            for problem in decryption_problems(keys, keys.ceremony.h_e, row, decs, values, 1):
                result.fail(f"{label} question {qi}: {problem}")
            for oi, m in enumerate(values):
                sums[(qi, oi, group)] += weight * m
    _check_totals(session, ballots, codes, voters, sums, tally, result)
    return result


def _check_totals(
    session: Session,
    ballots: Mapping[bytes, object],
    codes: set[bytes],
    voters: Counter[str],
    sums: Counter[tuple[int, int, str]],
    tally: Tally | None,
    result: CheckResult,
) -> None:
    twice = [v for v, n in voters.items() if n > 1]
    if twice:
        result.fail(f"voter {twice[0]!r} has two recorded ballots")
    if codes != set(ballots):
        result.fail(f"{len(set(ballots) - codes)} cast ballots missing from the recorded list")
    if tally is None:
        result.fail(f"session {session.id!r}: no tally to compare the recorded votes with")
        return
    for qi, tq in enumerate(tally.questions):
        for aggregate in tq.aggregates:
            for oi, t in enumerate(aggregate.values):
                if sums.get((qi, oi, aggregate.group), 0) != t:
                    result.fail(
                        f"{tq.question} option {oi} group {aggregate.group!r}: recorded votes sum to "
                        f"{sums.get((qi, oi, aggregate.group), 0)}, the tally says {t}"
                    )
