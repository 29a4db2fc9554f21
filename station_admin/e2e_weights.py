"""Weighted votes with end-to-end ballots (docs/e2e-spec.md §9.1a): each group's aggregate raised to
the votes its members carry, and only the product decrypted.

A session weighted by group (the ILC's equality of strength, kiosk/ballot/weights.py) is aggregated per
group as any session that carries the group (§9.1: the classes C_g); then, per question and option,
C = ∏_g C_g^(w_g) with the w_g of the election as amended by every addendum issued, and only C is in
the trustees' request, with bound Σ_g w_g · ballots_g. No class is decrypted apart, so no group's own
count is ever a decrypted number of the record (a group under the secrecy floor included).

The officials (`aggregate`, `tally`) and each trustee (`trustee decrypt --ballots`, which recomputes
the weights from the manifest and the signed addenda beside the ballots) call the same functions, so
a request weighted otherwise than the composition says is refused by the trustee.

A session weighted per voter needs nothing here but its results' `weights`: each ballot's context
carries its delegate's mandates (§5, kiosk/ballot/e2e_layout.py), so the §9.1 aggregates of
station_admin/e2e_aggregates.py (∏_w C_w^w) are its weighted totals already.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kiosk.ballot.addendum import (
    ADDENDUM_PREFIX,
    ADDENDUM_SUFFIX,
    Addendum,
    AddendumError,
    next_in_sequence,
    parse_addendum,
)
from kiosk.ballot.amendments import amend_all
from kiosk.ballot.crypto.elgamal import EMPTY, Ciphertext
from kiosk.ballot.crypto.group import Scalar
from kiosk.ballot.definition import ElectionDefinition, Weighting
from kiosk.ballot.ids import SessionId
from kiosk.ballot.package import PackageError, parse_package
from kiosk.ballot.weights import SessionWeights, weights_history
from station_admin.e2e_aggregates import Aggregate, Line, SessionSums, session_sums


class E2EWeightsError(ValueError):
    """The weighted sums cannot be made; nothing is requested or counted."""


def by_group_weights(
    base: ElectionDefinition, addenda: list[Addendum]
) -> dict[SessionId, list[SessionWeights]]:
    """Every recomputation of the weights of each weighted session (by group or per voter), the last
    one applying. Only a session weighted by group is weighed here: per voter, each ballot's context
    already carries its voter's mandates (§5), so its aggregates are weighted by §9.1 itself."""
    final = amend_all(base, addenda).definition
    weighted = [s.id for s in final.sessions if s.weighting is not Weighting.NONE]
    return {s: weights_history(base, addenda, s) for s in weighted}


def weighted_session_sums(
    definition: ElectionDefinition,
    lines: Mapping[SessionId, Sequence[Line]],
    weights: Mapping[SessionId, list[SessionWeights]],
    jobs: int = 1,
    read_proofs: bool = True,
) -> list[SessionSums]:
    """session_sums, with each session weighted by group turned into its weighted totals."""
    sums = session_sums(definition, lines, jobs, read_proofs)
    for s in sums:
        history = weights.get(s.session)
        if history and history[-1].weighting is Weighting.BY_GROUP:
            weigh(s, history[-1])
    return sums


def weigh(sums: SessionSums, weights: SessionWeights) -> None:
    """The group classes become `classes`; the aggregates become ∏_g C_g^(w_g) per (qi, oi)."""
    unweighted = [g for g in sums.weights if weights.of_group(g) == 0]
    if unweighted:
        names = ", ".join(repr(g) for g in unweighted)
        raise E2EWeightsError(
            f"session {sums.session!r}: ballots of {names} carry no weight (no group, or a group with no "
            "member entitled to vote), so their votes cannot be weighted; a weighting is declared "
            "before the vote opens"
        )
    bound = sum(weights.of_group(g) * n for g, n in sums.weights.items())
    totals: dict[tuple[int, int], Ciphertext] = {}
    for a in sums.aggregates:
        weighted = a.ciphertext ** Scalar.reduce(weights.of_group(a.group))
        totals[(a.qi, a.oi)] = totals.get((a.qi, a.oi), EMPTY) * weighted
    sums.classes = sums.aggregates
    sums.aggregates = [
        Aggregate(f"{sums.session}/{qi}/{oi}/", sums.session, qi, oi, "", bound, ct)
        for (qi, oi), ct in sorted(totals.items())
    ]
    sums.weighting = weights
    sums.weighted_total = bound


def weights_entry(history: list[SessionWeights]) -> dict[str, Any]:
    """results.json's `weights` of a session (as the HPKE tally writes it): the last one and history."""
    return {**history[-1].as_dict(), "history": [h.as_dict() for h in history]}


def mark_weighted(
    results: dict[str, Any], sums: Sequence[SessionSums], weights: Mapping[SessionId, list[SessionWeights]]
) -> None:
    """Each weighted session's results carry its weights; its votes are already weighted (decrypted
    so), and a session weighted by group publishes no per-group counts: they were never decrypted."""
    by_id = {s.session: s for s in sums}
    for entry in results["sessions"]:
        history = weights.get(entry["id"])
        if not history:
            continue
        entry["weights"] = weights_entry(history)
        s = by_id.get(entry["id"])
        entry["weighted_ballots"] = s.vote_total if s is not None else 0
        if history[-1].weighting is Weighting.PER_VOTER:
            continue  # the mandates were in each ballot's context: its counts are votes already
        entry.pop("groups", None)
        entry["groups_withheld"] = (
            "counts per group are not published: with end-to-end ballots only the weighted totals "
            "are decrypted (docs/e2e-spec.md §9.1a)"
        )


def tally_weights(weights: SessionWeights) -> dict[str, Any]:
    """The tally file's `weights` (§10): the rule, the composition and the weights it gives."""
    return {
        "weighting": weights.weighting.value,
        "as_of_addendum": weights.as_of_addendum,
        "groups": [{"id": g.group, "members": g.members, "weight": g.weight} for g in weights.groups],
    }


def trustee_weights(
    folder: Path, definition: ElectionDefinition
) -> tuple[ElectionDefinition, dict[SessionId, list[SessionWeights]]]:
    """The definition as amended and the weights a trustee recomputes from the aggregate folder: its
    package.json (whose definition must be the ceremony's manifest) and addenda/, each signed by that
    package's authority and in sequence, exactly as the officials' own tally reads them."""
    package_path = folder / "package.json"
    if not package_path.exists():
        return definition, by_group_weights(definition, [])
    try:
        package = parse_package(package_path.read_bytes())
    except PackageError as exc:
        raise E2EWeightsError(f"{package_path}: {exc}") from None
    if package.definition != definition:
        raise E2EWeightsError(f"{package_path} is not the package of the ceremony's definition")
    held: list[Addendum] = []
    try:
        for path in sorted((folder / "addenda").glob(f"{ADDENDUM_PREFIX}*{ADDENDUM_SUFFIX}")):
            addendum = parse_addendum(path.read_bytes(), package)
            next_in_sequence(addendum, held)
            held.append(addendum)
        return amend_all(definition, held).definition, by_group_weights(definition, held)
    except AddendumError as exc:
        raise E2EWeightsError(f"the addenda beside the ballots: {exc}") from None


def beside_request(package_file: Path, addenda_folder: Path) -> dict[str, bytes]:
    """What `aggregate` puts beside the ballots for the trustees: the package and every addendum,
    their exact bytes as the officials hold them."""
    files = {"package.json": package_file.read_bytes()}
    for path in sorted(addenda_folder.glob(f"{ADDENDUM_PREFIX}*{ADDENDUM_SUFFIX}")):
        files[f"addenda/{path.name}"] = path.read_bytes()
    return files
