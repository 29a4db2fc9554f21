"""V7's reading of the marks: one booth's marks for a session (who voted; sorted, no time), and the
voter list each booth signed for each session (spec §9.2a), which the published marks must be."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from isoloir_verify.hashing import H, enc_int, enc_str
from isoloir_verify.record.ballots import Mark
from isoloir_verify.record.index import BoothFile
from isoloir_verify.record.reader import RecordError, parse, read_bytes
from isoloir_verify.report import CheckResult
from isoloir_verify.shards import Piece, piece_lines

TAG_VOTER_SET: Final = 0x27


@dataclass
class MarksOutcome:
    session: str
    station: str
    v7: CheckResult
    voters: list[str] = field(default_factory=list)


def read_marks_piece(piece: Piece) -> MarksOutcome:
    outcome = MarksOutcome(piece.session, piece.station, CheckResult("V7"))
    previous: bytes | None = None
    for offset, line in piece_lines(piece):
        where = f"{piece.relative}@{offset}"
        try:
            mark = parse(Mark, line, where)
        except RecordError as err:
            outcome.v7.fail(str(err))
            continue
        key = mark.voter.encode("utf-8")
        if previous is not None and key <= previous:
            outcome.v7.fail(f"{where}: marks not sorted by voter id, or a voter repeated")
        previous = key
        outcome.voters.append(mark.voter)
    return outcome


def voter_set_digest(h_e: bytes, session: str, station: str, voters: list[str]) -> bytes:
    """Tag 0x27 (spec §9.2a): the voter ids sorted by their UTF-8 bytes, each a length-prefixed str."""
    ordered = sorted(voters, key=lambda v: v.encode("utf-8"))
    fields = [enc_str(session), enc_str(station), enc_int(len(ordered))]
    return H(h_e, TAG_VOTER_SET, *fields, *(enc_str(v) for v in ordered))


def read_booth_files(root: Path) -> dict[str, BoothFile]:
    folder = root / "booths"
    booths = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        relative = str(path.relative_to(root))
        booths[path.stem] = parse(BoothFile, read_bytes(root, relative), relative)
    return booths


def check_signed_lists(h_e: bytes, booths: dict[str, BoothFile], marks: list[MarksOutcome]) -> CheckResult:
    """Each booth's published marks, per session, are the voter list it signed (its sealed manifest's
    `voters` digest, carried in its booth file, whose signature V4 checks): no mark added or dropped
    after the booth sealed them, and none that the booth does not hold."""
    result = CheckResult("V7")
    published: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in marks:
        published[(m.session, m.station)] += m.voters
    listed = set()
    for station, booth in booths.items():
        for s in booth.sessions:
            result.count()
            listed.add((s.session, station))
            voters = published.get((s.session, station), [])
            if s.voters != voter_set_digest(h_e, s.session, station, voters):
                result.fail(
                    f"session {s.session!r} at {station!r}: the {len(voters)} published marks are not "
                    "the voter list the booth signed"
                )
    for session, station in sorted(set(published) - listed):
        result.fail(f"session {session!r} at {station!r}: marks that no booth file lists")
    return result


def hall_stations(booths: dict[str, BoothFile]) -> frozenset[str]:
    """The booths whose signed manifest says they let in every delegate (a booth of a hall)."""
    return frozenset(station for station, booth in booths.items() if booth.roll == "hall")
