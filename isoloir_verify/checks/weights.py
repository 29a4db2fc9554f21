"""V9 for a session weighted by group (docs/e2e-spec.md §9.1a): the weights, the classes, the product.

From the manifest as amended by the record's addenda: the members entitled to vote in each group
(the session's voters, less those struck off), the smallest whole numbers of equal strength
w_g = L / n_g (L the least common multiple of the non-zero n_g; a group of no member carries 0); each
group's class C_g recomputed from its ballots; the one decrypted aggregate C = ∏_g C_g^(w_g) per
option, with bound Σ_g w_g · ballots_g. A class decrypted apart, a weight altered, a ballot in another
class or a total decrypted without its weights each fail here, naming what differs.
"""

from __future__ import annotations

from collections import Counter
from math import lcm

from isoloir_verify.ballot_proofs import Ciphertext
from isoloir_verify.group import IDENTITY, add, mul
from isoloir_verify.record.manifest import Manifest, Session
from isoloir_verify.record.tally import Tally
from isoloir_verify.report import CheckResult

Totals = dict[tuple[int, int, str], Ciphertext]  # (qi, oi, group) -> the class aggregate


def equal_strength(members: dict[str, int]) -> dict[str, int]:
    """w_g = L / n_g, the smallest whole numbers that make every group with members weigh the same."""
    present = [n for n in members.values() if n > 0]
    common = lcm(*present) if present else 0
    return {g: common // n if n > 0 else 0 for g, n in members.items()}


def composition(manifest: Manifest, struck: frozenset[str], session: str) -> dict[str, int]:
    """The members entitled to vote in each group of the manifest, in the manifest's group order."""
    entitled = [v for v in manifest.voters if session in v.sessions and v.id not in struck]
    return {g.id: sum(1 for v in entitled if v.group == g.id) for g in manifest.groups}


def check_weighted_session(
    manifest: Manifest,
    struck: frozenset[str],
    session: Session,
    tally: Tally,
    totals: Totals,
    ballots: Counter[str],
    result: CheckResult,
) -> None:
    """Everything V9 checks of a session weighted by group; each fault a failure with its place."""
    members = composition(manifest, struck, session.id)
    weights = equal_strength(members)
    published = tally.weights
    if published is None:
        result.fail(f"session {session.id!r} is weighted by group but its tally publishes no weights")
        return
    result.count()
    expected = [(g, members[g], weights[g]) for g in members]
    if [(g.id, g.members, g.weight) for g in published.groups] != expected:
        shown = ", ".join(f"{g} {n} members × {w}" for g, n, w in expected)
        result.fail(
            f"session {session.id!r}: the weights are not equality of strength from the composition ({shown})"
        )
    if "" in ballots:
        result.fail(f"session {session.id!r}: {ballots['']} ballot(s) carry no group, so no weight")
    bound = sum(weights.get(g, 0) * n for g, n in ballots.items())
    for qi, (question, tq) in enumerate(zip(session.questions, tally.questions, strict=True)):
        where = f"{session.id}/{question.id}"
        _check_classes(where, qi, question.ciphertexts, tq.classes or [], totals, ballots, weights, result)
        if [a.group for a in tq.aggregates] != [""]:
            result.fail(f"{where}: a weighted session decrypts one total, not a class apart")
            continue
        aggregate = tq.aggregates[0]
        result.count()
        product = [_weighted(totals, qi, oi, weights, ballots) for oi in range(question.ciphertexts)]
        if [tuple(pair) for pair in aggregate.ct] != product:
            result.fail(f"{where}: the decrypted total is not ∏ C_g^(w_g) of the classes with their weights")
        if aggregate.bound != bound:
            result.fail(f"{where}: bound {aggregate.bound} is not the ballots' votes {bound}")


def _check_classes(
    where: str,
    qi: int,
    n: int,
    classes: list,  # type: ignore[type-arg]
    totals: Totals,
    ballots: Counter[str],
    weights: dict[str, int],
    result: CheckResult,
) -> None:
    if sorted(c.group for c in classes) != sorted(ballots) or len({c.group for c in classes}) != len(classes):
        result.fail(f"{where}: the classes are not one per group that voted")
        return
    for c in classes:
        result.count()
        recomputed = [totals.get((qi, oi, c.group), (IDENTITY, IDENTITY)) for oi in range(n)]
        if [tuple(pair) for pair in c.ct] != recomputed or c.ballots != ballots[c.group]:
            result.fail(f"{where} class {c.group!r}: not the aggregate of that group's ballots")
        should = weights.get(c.group, 0)
        if c.weight != should:
            result.fail(f"{where} class {c.group!r}: weight {c.weight}, the composition gives {should}")


def _weighted(totals: Totals, qi: int, oi: int, weights: dict[str, int], ballots: Counter[str]) -> Ciphertext:
    a, b = IDENTITY, IDENTITY
    for group in sorted(ballots):
        ca, cb = totals.get((qi, oi, group), (IDENTITY, IDENTITY))
        w = weights.get(group, 0)
        a, b = add(a, mul(ca, w)), add(b, mul(cb, w))
    return a, b
