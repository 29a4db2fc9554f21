"""Counting one closed vote of end-to-end ballots at the hall: the trustees' request, then the count.

As for HPKE ballots (count.py), `hall aggregate` imports the vote's session files alone, with the
import's checks, into a tally database of its own, and makes the trustees' request with the off-hall
tally's own code (station_admin/e2e_tally_results.py); it writes the request and the ballots each
trustee recomputes it from before `trustee decrypt --ballots` answers it on the trustee's laptop. It
keeps the sums at the hall, with the files they were made from (station_admin/hall/kept_aggregate.py).
`hall tally` takes those sums once it finds the hall holding exactly those files still, takes only
answers to exactly that request, checks every trustee's proof, combines k of them and decides each
question. The election key is never assembled; no one at the desk holds a key.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.ballot.ids import SessionId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.values import Mode
from station_admin.e2e_aggregates import SessionSums
from station_admin.e2e_election import E2EElection
from station_admin.e2e_sums_json import sums_from_json, sums_json
from station_admin.e2e_tally_results import E2ECount, count_sums, write_request
from station_admin.e2e_weights import by_group_weights
from station_admin.hall.close_store import HallSessions
from station_admin.hall.count import CountError, import_vote, ready_status
from station_admin.hall.kept_aggregate import KeptAggregate, aggregate_command, basis_of, keep, kept_for
from station_admin.hall.store import HallStore
from station_admin.results import TallyInputs
from station_admin.results_entries import imported_entries
from station_admin.tally import voter_marks
from station_admin.tally_results import Amended


@dataclass(frozen=True)
class E2EVoteCount:
    results: dict[str, Any]  # results.json's shape, with this one session
    entries: dict[str, Any]  # results.json's entries of the files counted (results_entries.py)
    count: E2ECount


def aggregate_vote(
    store: HallStore, sessions: HallSessions, package: ElectionPackage, amended: Amended,
    e2e: E2EElection, session_id: SessionId, out: Path, beside: Mapping[str, bytes], jobs: int = 2,
    mode: Mode = "official",
) -> list[SessionSums]:
    """out/request.json of the closed vote alone, with the manifest and ballots beside it; the sums
    kept at the hall for `hall tally`, with what they were made from.

    Raises CountError (a booth waiting, a file that does not import), TallyError, E2EWeightsError."""
    work = Path(tempfile.mkdtemp(prefix=f"hall-count-{session_id}-"))
    try:
        engine, _, files = import_vote(store, sessions, package, amended, session_id, work, mode, e2e)
        try:
            sums = write_request(engine, package, e2e, amended, out, jobs, beside)
            entries = imported_entries(engine, package, amended)
            marks = voter_marks(engine, package.election_id)
        finally:
            engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    basis = basis_of({f.station: f.file_sha256 for f in files}, mode, beside)
    keep(sessions, session_id, KeptAggregate(basis, sums_json(sums), marks, entries))
    return sums


def count_e2e_vote(
    store: HallStore, sessions: HallSessions, package: ElectionPackage, amended: Amended,
    e2e: E2EElection, session_id: SessionId, request: bytes, answers: Sequence[bytes], inputs: TallyInputs,
    beside: Mapping[str, bytes], mode: Mode = "official",
) -> E2EVoteCount:
    """Counts the closed vote from k trustees' answers to the sums `hall aggregate` kept, and keeps
    its count at the hall. Never provisional: every file's proofs were checked when the hall took it,
    before this count began.

    Raises CountError (a booth waiting; no aggregate, or one of other files than the hall holds now),
    E2ETallyError (naming the trustee whose answer fails), ResultsError or TieNeedsLot; nothing is
    kept at the hall then."""
    status = ready_status(store, sessions, session_id)
    kept = kept_for(sessions, session_id, basis_of(sessions.file_digests(session_id), mode, beside))
    try:
        sums = sums_from_json(kept.sums, by_group_weights(*amended))
    except (ValueError, KeyError, TypeError) as exc:
        raise CountError(f"the sums kept by `station-admin hall aggregate` cannot be read ({exc}): run "
                         f"`{aggregate_command(session_id)}` again") from None  # fmt: skip
    count = count_sums(package, e2e, amended, sums, kept.marks, request, answers, inputs,
                       aggregate_command(session_id))  # fmt: skip
    results = count.results
    results["sessions"] = [s for s in results["sessions"] if s["id"] == session_id]
    out = sorted(status.out_of_service.items())
    results["out_of_service"] = [{"station": b, "reason": r} for b, r in out]
    sessions.put_results(session_id, results["sessions"][0], provisional=False)
    return E2EVoteCount(results, kept.entries, count)
