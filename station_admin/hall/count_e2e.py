"""Counting one closed vote of end-to-end ballots at the hall: the trustees' request, then the count.

As for HPKE ballots (count.py), the vote's session files are imported alone, with the import's
checks, into a tally database of their own; then the off-hall tally's own code runs
(station_admin/e2e_tally_results.py). `hall aggregate` writes the request and the ballots each
trustee recomputes it from before `trustee decrypt --ballots` answers it on the trustee's laptop;
`hall tally` recomputes the sums from the hall's files once more, takes only answers to exactly that
request, checks every trustee's proof, combines k of them and decides each question. The election
key is never assembled; no one at the desk holds a key.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from kiosk.ballot.ids import SessionId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.values import Mode
from station_admin.e2e_aggregates import SessionSums
from station_admin.e2e_election import E2EElection
from station_admin.e2e_tally_results import E2ECount, e2e_count, write_request
from station_admin.hall.close_store import HallSessions, VoteStatus
from station_admin.hall.count import VoteCount, import_vote
from station_admin.hall.store import HallStore
from station_admin.results import TallyInputs
from station_admin.tally_results import Amended


@contextmanager
def _imported(
    store: HallStore, sessions: HallSessions, package: ElectionPackage, amended: Amended,
    e2e: E2EElection, session_id: SessionId, mode: Mode,
) -> Iterator[tuple[Engine, VoteStatus, Path]]:
    work = Path(tempfile.mkdtemp(prefix=f"hall-count-{session_id}-"))
    try:
        engine, status = import_vote(store, sessions, package, amended, session_id, work, mode, e2e)
        yield engine, status, work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def aggregate_vote(
    store: HallStore, sessions: HallSessions, package: ElectionPackage, amended: Amended,
    e2e: E2EElection, session_id: SessionId, out: Path, beside: Mapping[str, bytes], jobs: int = 2,
    mode: Mode = "official",
) -> list[SessionSums]:
    """out/request.json of the closed vote alone, with the manifest and ballots beside it.

    Raises CountError (a booth waiting, a file that does not import), TallyError, E2EWeightsError."""
    with _imported(store, sessions, package, amended, e2e, session_id, mode) as (engine, _, work):
        sums = write_request(engine, package, e2e, amended, out, jobs, beside)
        engine.dispose()
    shutil.rmtree(work, ignore_errors=True)
    return sums


def count_e2e_vote(
    store: HallStore, sessions: HallSessions, package: ElectionPackage, amended: Amended,
    e2e: E2EElection, session_id: SessionId, request: bytes, answers: Sequence[bytes], inputs: TallyInputs,
    jobs: int = 2, mode: Mode = "official",
) -> tuple[VoteCount, E2ECount]:
    """Counts the closed vote from k trustees' answers and keeps its count at the hall. Never
    provisional: every file's proofs were checked when the hall took it, before this count began.

    Raises CountError, TallyError, E2ETallyError (naming the trustee whose answer fails),
    E2EWeightsError, ResultsError or TieNeedsLot; nothing is kept at the hall then."""
    with _imported(store, sessions, package, amended, e2e, session_id, mode) as (engine, status, _):
        count = e2e_count(engine, package, e2e, amended, request, answers, inputs, jobs)
    results = count.results
    results["sessions"] = [s for s in results["sessions"] if s["id"] == session_id]
    out = sorted(status.out_of_service.items())
    results["out_of_service"] = [{"station": b, "reason": r} for b, r in out]
    sessions.put_results(session_id, results["sessions"][0], provisional=False)
    return VoteCount(results, engine, status), count
