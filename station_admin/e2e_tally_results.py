"""From imported end-to-end ballots to the trustees' request, and from their answers to results.

The one path for every desk that counts end-to-end ballots, as station_admin/tally_results.py is for
HPKE ones: `station-admin aggregate` and `tally` (over the imported sticks) and the hall's count of one
closed vote (station_admin/hall/count_e2e.py) call these, so the projector and the report cannot
drift apart. No key is at the desk: the sums are recomputed from the ballots in `engine` (or, at the
hall, are the ones `hall aggregate` made from the very files the hall still holds), the trustees'
answers must be to exactly that request, and every proof is checked.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from kiosk.ballot.package import ElectionPackage
from station_admin.e2e_aggregates import SessionSums
from station_admin.e2e_count import OFF_HALL_AGGREGATE, Decrypted, decrypt_sums, e2e_results
from station_admin.e2e_election import E2EElection
from station_admin.e2e_tally import aggregate, imported_lines, tally_files, write_files
from station_admin.e2e_weights import by_group_weights, mark_weighted, weighted_session_sums
from station_admin.results import TallyInputs, with_outcomes
from station_admin.tally import check_ballots_match_marks, voter_marks
from station_admin.tally_results import Amended


@dataclass(frozen=True)
class E2ECount:
    results: dict[str, Any]  # results.json's shape, each question decided
    sums: list[SessionSums]
    decrypted: Decrypted
    counted: dict[str, Any]  # the decrypted counts before the outcomes (the record's tally files)


def write_request(
    engine: Engine, package: ElectionPackage, e2e: E2EElection, amended: Amended, out: Path, jobs: int,
    beside: Mapping[str, bytes],
) -> list[SessionSums]:
    """out/request.json, and the manifest and ballots a trustee recomputes it from.

    Raises TallyError (ballots that do not match their marks) or E2EWeightsError."""
    with engine.connect() as connection:
        check_ballots_match_marks(connection, package.election_id)
    lines = imported_lines(engine, package.election_id)
    weights = by_group_weights(*amended)
    return aggregate(package.definition, e2e.keys, e2e.manifest, lines, out, jobs, weights, beside)


def e2e_count(
    engine: Engine, package: ElectionPackage, e2e: E2EElection, amended: Amended, request: bytes,
    answers: Sequence[bytes], inputs: TallyInputs, jobs: int = 2,
) -> E2ECount:
    """The sums recomputed, k trustees' answers to exactly them checked and combined, each question
    decided. Raises TallyError, E2ETallyError, E2EWeightsError, ResultsError or TieNeedsLot."""
    with engine.connect() as connection:
        check_ballots_match_marks(connection, package.election_id)
    weights = by_group_weights(*amended)
    lines = imported_lines(engine, package.election_id)
    # imported lines, every proof checked before they were stored (by the import or the hall's take)
    sums = weighted_session_sums(package.definition, lines, weights, jobs, read_proofs=False)
    marked = voter_marks(engine, package.election_id)
    return count_sums(package, e2e, amended, sums, marked, request, answers, inputs)


def count_sums(
    package: ElectionPackage, e2e: E2EElection, amended: Amended, sums: list[SessionSums],
    marked: Sequence[tuple[str, str]], request: bytes, answers: Sequence[bytes], inputs: TallyInputs,
    aggregate_command: str = OFF_HALL_AGGREGATE,
) -> E2ECount:
    """k trustees' answers to exactly these sums (of the ballots of voters `marked`) checked and
    combined, each question decided. Raises E2ETallyError (naming `aggregate_command` for a request
    that is not these sums), ResultsError or TieNeedsLot."""
    decrypted = decrypt_sums(e2e.keys, sums, request, answers, aggregate_command)
    counted = e2e_results(package.definition, sums, decrypted.values)
    mark_weighted(counted, sums, by_group_weights(*amended))
    return E2ECount(with_outcomes(counted, package.definition, marked, inputs), sums, decrypted, counted)


def write_e2e_files(
    target: Path, package: ElectionPackage, count: E2ECount, request: Path, partials: Sequence[Path],
    lot_seed: str | None,
) -> None:
    """target/: the request, each trustee's partial-<ℓ>.json, tally/ and recorded/ of the record."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copyfile(request, target / "request.json")
    for path in partials:
        ell = json.loads(path.read_text(encoding="utf-8"))["trustee"]
        shutil.copyfile(path, target / f"partial-{ell}.json")
    write_files(target, tally_files(package.definition, count.sums, count.decrypted, count.counted, lot_seed))
