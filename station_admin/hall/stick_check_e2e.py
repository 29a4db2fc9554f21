"""A booth's end-of-day stick of end-to-end ballots (sealed file /2) against the session files /2 the
hall already holds: the same ballots (code and record line, byte for byte), checked ballots and
marks for each vote, or each difference named (station_admin/hall/stick_check.py for version 1)."""

from __future__ import annotations

from pathlib import Path

from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.e2e_ballot import short_code
from kiosk.ballot.e2e_record import ballot_to_json, checked_to_json
from kiosk.ballot.ids import SessionId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import SealedE2E, parse_sealed_e2e, read_sealed_e2e
from kiosk.ballot.sealed_e2e_blocks import line_bytes
from kiosk.ballot.sealed_file import read_sealed_file
from station_admin.hall.close_store import HallSessions
from station_admin.hall.stick_check import SHOWN, StickComparison, VoteComparison, compare_stick


def read_and_compare(path: Path, package: ElectionPackage, sessions: HallSessions) -> StickComparison:
    """A stick's sealed file of either version, read wholly, compared with the hall's session files.
    SealedFileError when the file does not read (the comparison would mean nothing)."""
    election = package.election_key
    if election is None:
        return compare_stick(read_sealed_file(path, package), package, sessions)
    return compare_e2e_stick(read_sealed_e2e(path, package, election), package, sessions)


def compare_e2e_stick(sealed: SealedE2E, package: ElectionPackage, sessions: HallSessions) -> StickComparison:
    election = package.election_key
    assert election is not None  # the stick was read as a file /2 of this election's key
    station = sealed.station
    votes, seen = [], set()
    for session_id in sessions.closed():
        held = next((f for f in sessions.files(session_id) if f.station == station), None)
        if held is None:
            continue
        seen.add(session_id)
        votes.append(_compare(session_id, sealed, parse_sealed_e2e(held.data, package, election)))
    others = {s: len(cast) for s, cast in sealed.ballots.items() if s not in seen and cast}
    return StickComparison(station, votes, dict(sorted(others.items())))


def _lines(sealed: SealedE2E, session_id: SessionId) -> dict[str, set[tuple[str, bytes]]]:
    return {
        "ballot": {(short_code(Digest(b.code)), line_bytes(ballot_to_json(b)))
                   for b in sealed.ballots.get(session_id, ())},
        "checked ballot": {(short_code(Digest(c.code)), line_bytes(checked_to_json(c)))
                           for c in sealed.checked.get(session_id, ())},
    }  # fmt: skip


def _compare(session_id: SessionId, stick: SealedE2E, hall: SealedE2E) -> VoteComparison:
    mine, theirs = _lines(stick, session_id), _lines(hall, session_id)
    differences = []
    for kind in mine:
        for what, extra in (
            ("the hall lacks", mine[kind] - theirs[kind]),
            ("the stick lacks", theirs[kind] - mine[kind]),
        ):
            if extra:
                codes = ", ".join(sorted(code for code, _ in extra)[:SHOWN])
                differences.append(f"{len(extra)} {kind}(s) {what}: {codes}")
    stick_marks = {v for s, v in stick.marks if s == session_id}
    hall_marks = {v for _, v in hall.marks}
    for what, voters in (
        ("the hall lacks", stick_marks - hall_marks),
        ("the stick lacks", hall_marks - stick_marks),
    ):
        if voters:
            differences.append(f"{len(voters)} mark(s) {what}: {', '.join(sorted(voters)[:SHOWN])}")
    return VoteComparison(session_id, len(mine["ballot"]), differences)
