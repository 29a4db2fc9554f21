"""A booth's stick after a hall day against what the hall already holds: the same, or each
difference named. The stick stays the fallback and the audit copy of the hall's votes (issue 15).

For each vote the hall holds a session file of that booth for, the stick's end-of-day sealed file
must hold exactly the same ballots (tracking code and ciphertext, byte for byte) and marks for
that vote; votes the hall never collected are listed apart, to be counted from the sticks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_file import SealedFile, parse_sealed_bytes
from station_admin.hall.close_store import HallSessions

SHOWN = 3  # differing ballots or voters named per vote: enough to find them, never a flood


@dataclass(frozen=True)
class VoteComparison:
    session_id: str
    ballots: int
    differences: list[str] = field(default_factory=list)  # empty: the same as the hall

    @property
    def same(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class StickComparison:
    station: str
    votes: list[VoteComparison]  # the votes the hall holds this booth's session file of
    not_at_hall: dict[str, int]  # the stick's other votes: session -> ballots

    @property
    def same(self) -> bool:
        return all(v.same for v in self.votes)


def compare_stick(sealed: SealedFile, package: ElectionPackage, sessions: HallSessions) -> StickComparison:
    station = sealed.manifest.station
    votes, seen = [], set()
    for session_id in sessions.closed():
        held = next((f for f in sessions.files(session_id) if f.station == station), None)
        if held is None:
            continue
        seen.add(session_id)
        at_hall = parse_sealed_bytes(held.data, package)
        votes.append(_compare(session_id, sealed, at_hall))
    others: dict[str, int] = {}
    for ballot in sealed.ballots:
        if ballot.session not in seen:
            others[ballot.session] = others.get(ballot.session, 0) + 1
    return StickComparison(station, votes, dict(sorted(others.items())))


def _compare(session_id: str, stick: SealedFile, hall: SealedFile) -> VoteComparison:
    mine = {(b.tracking_code, b.ciphertext) for b in stick.ballots if b.session == session_id}
    theirs = {(b.tracking_code, b.ciphertext) for b in hall.ballots}
    differences = []
    for what, extra in (("the hall lacks", mine - theirs), ("the stick lacks", theirs - mine)):
        if extra:
            codes = ", ".join(sorted(code for code, _ in extra)[:SHOWN])
            differences.append(f"{len(extra)} ballot(s) {what}: {codes}")
    stick_marks = {v for s, v in stick.marks if s == session_id}
    hall_marks = {v for _, v in hall.marks}
    lacking = (("the hall lacks", stick_marks - hall_marks), ("the stick lacks", hall_marks - stick_marks))
    for what, voters in lacking:
        if voters:
            differences.append(f"{len(voters)} mark(s) {what}: {', '.join(sorted(voters)[:SHOWN])}")
    return VoteComparison(session_id, len(mine), differences)
