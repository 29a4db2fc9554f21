"""The proofs of a version-2 sealed file: every cast ballot's (V5), no α twice (V6), every checked
ballot opened to its code (V8). The slow part of an import, so it can run over several processes.

Work goes to the processes as the sealed lines themselves (bytes) with H_E and K: each worker decodes
and validates every element of its share and checks it; nothing the parent decoded is trusted there.
The import's parent reads the cast ballots without validating their elements (it only compares and
stores their encodings), so each element is validated once, here, before the import stores anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from kiosk.ballot.crypto.group import Point
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.definition import VotingSession
from kiosk.ballot.e2e_ballot import (
    AlphaRegister,
    CheckOutcome,
    ElectionKey,
    open_checked,
    short_code,
    verify_ballot,
)
from kiosk.ballot.e2e_record import RecordError, ballot_from_json
from kiosk.ballot.ids import StationId
from kiosk.ballot.package import ElectionPackage, load_json_text
from kiosk.ballot.sealed_e2e import SealedE2E
from kiosk.ballot.sealed_e2e_blocks import BALLOTS, parse_member
from kiosk.ballot.sealed_file import Refusal, SealedFileError

# Ballots a worker checks per task: 50 maritime ballots are ~2.5 s of checks against ~1 MB sent, and
# a booth of 100 ballots already keeps two workers busy.
CHUNK = 50


@dataclass(frozen=True)
class _Task:
    h_e: bytes
    key: bytes
    session: VotingSession
    station: StationId
    lines: tuple[bytes, ...]


def check_proofs(sealed: SealedE2E, package: ElectionPackage, election: ElectionKey, jobs: int = 1) -> None:
    """Raises SealedFileError naming the first ballot (by its short code) whose proof, code or α fails,
    or the first checked ballot that does not open to its code; returns when all hold."""
    _check_alphas(sealed)
    _check_openings(sealed, package, election)
    tasks = list(_tasks(sealed, package, election))
    if jobs <= 1 or len(tasks) <= 1:
        failures = [_check_task(t) for t in tasks]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            failures = list(pool.map(_check_task, tasks))
    for failure in failures:
        if failure is not None:
            raise SealedFileError(*failure)


def _tasks(sealed: SealedE2E, package: ElectionPackage, election: ElectionKey) -> Iterator[_Task]:
    blocks = parse_member("ballots", BALLOTS, sealed.members[BALLOTS], sealed.station)
    for session_id, block in blocks.items():
        session = package.definition.session(session_id)
        for start in range(0, len(block.lines), CHUNK):
            lines = block.lines[start : start + CHUNK]
            yield _Task(election.extended_hash, election.key.encode(), session, sealed.station, lines)


def _check_task(task: _Task) -> tuple[Refusal, str] | None:
    election = ElectionKey(Digest(task.h_e), Point.decode(task.key))
    for line in task.lines:
        try:  # every element validated here, once: the import's parent did not (importer_e2e.read_any)
            ballot = ballot_from_json(load_json_text(line), task.session.id, task.station)
        except RecordError as exc:
            return Refusal.TAMPERED, f"a ballot of {task.session.id!r} is malformed: {exc}"
        fault = verify_ballot(election, task.session, ballot)
        if fault is not None:
            where = "" if fault.question is None else f" (question {fault.question + 1})"
            message = f"ballot {short_code(ballot.code)} of {task.session.id!r}{where}: {fault.fault.value}"
            return Refusal.INVALID_BALLOT, message
    return None


def _check_alphas(sealed: SealedE2E) -> None:
    register = AlphaRegister()
    for session, ballots in sealed.ballots.items():
        for ballot in ballots:
            fault = register.admit(ballot)
            if fault is not None:
                raise SealedFileError(
                    Refusal.INVALID_BALLOT,
                    f"ballot {short_code(ballot.code)} of {session!r}: {fault.fault.value}",
                )


def _check_openings(sealed: SealedE2E, package: ElectionPackage, election: ElectionKey) -> None:
    for session_id, checked in sealed.checked.items():
        session = package.definition.session(session_id)
        for c in checked:
            outcome = open_checked(election, session, c.context, c.nonce, c.choices, c.code)
            if outcome is not CheckOutcome.MATCH:
                raise SealedFileError(
                    Refusal.CHECK_FAILED,
                    f"checked ballot {short_code(c.code)} of {session_id!r}: {outcome.value}",
                )
