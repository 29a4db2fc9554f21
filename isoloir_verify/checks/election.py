"""The election-wide checks over the pieces' outcomes: V6 (uniqueness), V7 (ballots = marks), V9."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from isoloir_verify.b64 import b64encode
from isoloir_verify.ballot_proofs import Ciphertext
from isoloir_verify.checks.cast import AggregateKey, CastOutcome
from isoloir_verify.checks.marks import MarksOutcome
from isoloir_verify.checks.unique import repeated_values, sorted_prefixes
from isoloir_verify.checks.weights import check_weighted_session
from isoloir_verify.group import IDENTITY, add, mul
from isoloir_verify.record.manifest import Manifest, context_group, context_weight
from isoloir_verify.record.tally import Tally
from isoloir_verify.report import CheckResult

Booth = tuple[str, str]  # (session, station)


def check_unique(
    cast: list[CastOutcome],
    checked_alphas: list[bytes],
    cast_alphas: Callable[[set[int]], Iterable[bytes]],
) -> CheckResult:
    """Codes unique among cast ballots; α unique among cast ballots and opened checked ones (spec §6.3).

    In bounded memory (checks/unique.py): the pieces kept their α as sorted 8-byte prefixes;
    cast_alphas reads again every cast α whose prefix is in the set it is given, only when one repeats.
    """
    result = CheckResult("V6")
    n_codes, codes = repeated_values(
        (sorted_prefixes(o.codes) for o in cast), lambda wanted: (c for o in cast for c in o.codes)
    )
    pieces = [o.alpha_prefixes for o in cast] + [sorted_prefixes(checked_alphas)]

    def full_alphas(wanted: set[int]) -> Iterable[bytes]:
        yield from cast_alphas(wanted)
        yield from checked_alphas

    n_alphas, alphas = repeated_values(pieces, full_alphas)
    result.count(n_codes + n_alphas)
    for code, n in codes.items():
        result.fail(f"code {b64encode(code)[:12]}… cast {n} times")
    for alpha, n in alphas.items():
        result.fail(f"α {b64encode(alpha)[:12]}… appears {n} times (a copied ciphertext)")
    return result


def check_marks(
    manifest: Manifest,
    cast: list[CastOutcome],
    marks: list[MarksOutcome],
    hall: frozenset[str] = frozenset(),
) -> CheckResult:
    """hall: the booths that signed `roll` "hall" (any delegate may vote there, spec §9.2a); a voter
    is still marked at most once per session across all booths."""
    result = CheckResult("V7")
    for outcome in marks:
        result.merge(outcome.v7)
    ballots: dict[Booth, list[CastOutcome]] = defaultdict(list)
    for o in cast:
        ballots[(o.session, o.station)].append(o)
    marked: dict[Booth, list[str]] = defaultdict(list)
    for m in marks:
        marked[(m.session, m.station)] += m.voters
    seen: dict[str, dict[str, str]] = defaultdict(dict)  # session → voter → station
    for booth in sorted(set(ballots) | set(marked)):
        result.count()
        voters = marked.get(booth, [])
        _check_booth(manifest, booth, ballots.get(booth, []), voters, booth[1] in hall, seen, result)
    return result


def _check_booth(
    manifest: Manifest,
    booth: Booth,
    outcomes: list[CastOutcome],
    voters: list[str],
    any_delegate: bool,
    seen: dict[str, dict[str, str]],
    result: CheckResult,
) -> None:
    session_id, station = booth
    where = f"session {session_id!r} at {station!r}"
    n_ballots = sum(o.ballots for o in outcomes)
    if n_ballots != len(voters):
        result.fail(f"{where}: {n_ballots} ballots but {len(voters)} marks")
    session = manifest.sessions_by_id.get(session_id)
    if session is None:
        result.fail(f"{where}: no such session in the manifest")
        return
    expected: Counter[tuple[str, int]] = Counter()
    for voter_id in voters:
        voter = manifest.voters_by_id.get(voter_id)
        served = voter is not None and (any_delegate or voter.station == station)
        if voter is None or not served or session_id not in voter.sessions:
            result.fail(f"{where}: marked voter {voter_id!r} is not eligible at this station")
            continue
        earlier = seen[session_id].get(voter_id)
        if earlier is not None:
            result.fail(f"{where}: voter {voter_id!r} marked twice (also at {earlier!r})")
        seen[session_id][voter_id] = station
        expected[(context_group(session, voter), context_weight(session, voter))] += 1
    got: Counter[tuple[str, int]] = Counter()
    for o in outcomes:
        got.update(o.contexts)
    if got != expected:
        result.fail(f"{where}: the ballots' (group, weight) multiset differs from the marked voters'")
    if session.mode == "recorded":
        named = sorted(v for o in outcomes for v in o.voters)
        if named != sorted(voters):
            result.fail(f"{where}: the recorded ballots' voters are not the marked voters")


def weighted_aggregates(
    cast: list[CastOutcome], session: str
) -> tuple[dict[tuple[int, int, str], Ciphertext], Counter[str]]:
    """C = ∏_w C_w^w per (qi, oi, group), and the total weight per group (spec §9.1)."""
    classes: dict[AggregateKey, Ciphertext] = {}
    weight: Counter[str] = Counter()
    for o in cast:
        if o.session != session:
            continue
        for (group, w), n in o.contexts.items():
            weight[group] += w * n
        for key, (a, b) in o.aggregates.items():
            sa, sb = classes.get(key, (IDENTITY, IDENTITY))
            classes[key] = (add(sa, a), add(sb, b))
    totals: dict[tuple[int, int, str], Ciphertext] = {}
    for (qi, oi, group, w), (a, b) in sorted(classes.items()):
        ta, tb = totals.get((qi, oi, group), (IDENTITY, IDENTITY))
        totals[(qi, oi, group)] = (add(ta, mul(a, w)), add(tb, mul(b, w)))
    return totals, weight


def check_aggregates(
    manifest: Manifest,
    cast: list[CastOutcome],
    tallies: dict[str, Tally],
    struck: frozenset[str] = frozenset(),
) -> CheckResult:
    result = CheckResult("V9")
    sessions = {o.session for o in cast} | set(tallies)
    for session_id in sorted(sessions):
        session = manifest.sessions_by_id.get(session_id)
        tally = tallies.get(session_id)
        if session is None or tally is None:
            result.fail(f"session {session_id!r}: ballots without a tally file, or a tally for no session")
            continue
        totals, weight = weighted_aggregates(cast, session_id)
        if [q.question for q in tally.questions] != [q.id for q in session.questions]:
            result.fail(f"session {session_id!r}: the tally's questions are not the session's, in order")
            continue
        if session.weighting == "by-group":
            check_weighted_session(manifest, struck, session, tally, totals, weight, result)
            continue
        for qi, (question, tq) in enumerate(zip(session.questions, tally.questions, strict=True)):
            groups = [a.group for a in tq.aggregates]
            if len(set(groups)) != len(groups) or not set(weight) <= set(groups):
                result.fail(f"{session_id}/{question.id}: aggregates missing or repeated for a group")
                continue
            for aggregate in tq.aggregates:
                result.count()
                where = f"{session_id}/{question.id} group {aggregate.group!r}"
                n = question.ciphertexts
                recomputed = [totals.get((qi, oi, aggregate.group), (IDENTITY, IDENTITY)) for oi in range(n)]
                if [tuple(pair) for pair in aggregate.ct] != recomputed:
                    result.fail(f"{where}: aggregate differs from the one recomputed from the ballots")
                total = weight.get(aggregate.group, 0)
                if aggregate.bound != total:
                    result.fail(f"{where}: bound {aggregate.bound} is not the total weight {total}")
    return result
