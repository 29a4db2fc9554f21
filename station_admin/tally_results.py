"""From imported ballots to results: decrypted, counted, weighed, each question decided.

The one path for every desk that counts ballots it decrypts: `station-admin tally` and the hall's
count of one closed vote (station_admin/hall/count.py) both call `tally_results`, so that what the
projector shows and what the report prints cannot drift apart (a hall's count once forgot the
weights). `decided` is its last half, for counts that come from elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import ElectionPackage
from station_admin.results import TallyInputs, with_outcomes
from station_admin.tally import TrusteeShare, count_ballots, recover_key, voter_marks
from station_admin.weights import apply_weights

Amended = tuple[ElectionDefinition, list[Addendum]]  # the definition as first signed, and its addenda


def decided(
    counts: dict[str, Any], package: ElectionPackage, amended: Amended, marked: Iterable[tuple[str, str]],
    inputs: TallyInputs,
) -> dict[str, Any]:
    """The counts weighed (a weighted vote before any rule) and each question decided under its rule.

    Raises WeightsError, ResultsError or TieNeedsLot; changes nothing then."""
    apply_weights(counts, *amended)
    return with_outcomes(counts, package.definition, marked, inputs)


def tally_results(
    engine: Engine, package: ElectionPackage, amended: Amended, shares: list[TrusteeShare],
    inputs: TallyInputs,
) -> dict[str, Any]:
    """Every ballot imported in engine counted and decided, the election key recovered from k shares
    and kept in memory only while the ballots are decrypted.

    Raises TallyError too (shares, ballots that do not match their marks or do not decrypt)."""
    secret = recover_key(package, shares)
    counted = count_ballots(engine, package, secret)
    del secret
    marked = voter_marks(engine, package.election_id)
    return decided(counted.as_results(), package, amended, marked, inputs)
