"""Counting one closed vote at the hall: its session files imported as sticks are, then tallied.

The hall's session files go through the import's own checks (station_admin/importer.py: signatures,
certificate chain, counts, audit log, ballots = marks per booth, no voter marked by two booths) into
a tally database of their own, so nothing else is counted with them; the count is the tally's own
(station_admin/tally_results.py: decrypted, weighed, each question decided under its rule), and kept
at the hall for the projector page (station_admin/hall/projector.py).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.ids import SessionId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.values import Mode
from station_admin.cast_weightings import check_cast_weightings
from station_admin.e2e_election import E2EElection
from station_admin.hall.close_store import HallSessions, SessionFile, VoteStatus
from station_admin.hall.store import HallStore
from station_admin.importer import import_file
from station_admin.results import TallyInputs
from station_admin.tally import TrusteeShare
from station_admin.tally_db import open_db
from station_admin.tally_results import tally_results
from station_admin.weights import WeightsError


class CountError(ValueError):
    """The vote cannot be counted yet, or a file did not import: says why and what to do."""


@dataclass(frozen=True)
class VoteCount:
    results: dict[str, Any]  # results.json's shape, with this one session
    engine: Engine  # the vote's own tally database (its booths, codes and marks for the record)
    status: VoteStatus


def vote_status(store: HallStore, sessions: HallSessions, session_id: SessionId) -> VoteStatus:
    return sessions.status(session_id, sorted(store.booths()))


def ready_status(store: HallStore, sessions: HallSessions, session_id: SessionId) -> VoteStatus:
    """The vote's status if every booth reported or is out of service; CountError otherwise."""
    status = vote_status(store, sessions, session_id)
    if status.closed_at is None:
        raise CountError(f"the vote {session_id!r} is not closed: station-admin hall close {session_id}")
    if status.waiting:
        raise CountError(
            f"booth(s) {', '.join(status.waiting)} have not sent their session file of {session_id!r}; "
            "wait for them, or record one out of service: station-admin hall out-of-service BOOTH "
            f"--session {session_id} --reason ... --by ..."
        )
    return status


def import_vote(
    store: HallStore, sessions: HallSessions, package: ElectionPackage,
    amended: tuple[ElectionDefinition, list[Addendum]], session_id: SessionId, work: Path,
    mode: Mode = "official", e2e: E2EElection | None = None,
) -> tuple[Engine, VoteStatus, list[SessionFile]]:
    """The vote's session files imported into a tally database in work (nothing else in it), and
    those files.

    End-to-end files (e2e given) are imported without checking their proofs again: the hall stored
    each only after checking every proof of those very bytes (station_admin/hall/e2e_collect.py),
    so a count is not slowed by a second pass; every other check of the import runs."""
    status = ready_status(store, sessions, session_id)
    engine = open_db(f"sqlite:///{work / 'vote.sqlite'}")
    files = sessions.files(session_id)
    for file in files:
        path = work / file.name
        path.write_bytes(file.data)
        result = import_file(engine, package, path, mode=mode, addenda=amended, e2e=e2e,
                             proofs_checked=e2e is not None)  # fmt: skip
        if result.status != "imported":
            raise CountError(f"booth {file.station}'s session file of {session_id!r}: {result.reason}")
    try:
        check_cast_weightings(engine, package.election_id, *amended)
    except WeightsError as exc:
        raise CountError(str(exc)) from None
    return engine, status, files


def count_vote(
    store: HallStore, sessions: HallSessions, package: ElectionPackage,
    amended: tuple[ElectionDefinition, list[Addendum]], session_id: SessionId, shares: list[TrusteeShare],
    inputs: TallyInputs, mode: Mode = "official",
) -> VoteCount:
    """Counts the closed vote alone and keeps its count at the hall (never provisional: every file
    was wholly verified before any ballot was decrypted)."""
    work = Path(tempfile.mkdtemp(prefix=f"hall-count-{session_id}-"))
    engine, status, _ = import_vote(store, sessions, package, amended, session_id, work, mode)
    try:
        results = tally_results(engine, package, amended, shares, inputs)  # `station-admin tally`'s own
    except WeightsError as exc:
        raise CountError(str(exc)) from None
    results["sessions"] = [s for s in results["sessions"] if s["id"] == session_id]
    out = sorted(status.out_of_service.items())
    results["out_of_service"] = [{"station": b, "reason": r} for b, r in out]
    sessions.put_results(session_id, results["sessions"][0], provisional=False)
    return VoteCount(results, engine, status)
