"""Reading one booth's marks for a session (who voted; sorted, no time), for V7."""

from __future__ import annotations

from dataclasses import dataclass, field

from isoloir_verify.record.ballots import Mark
from isoloir_verify.record.reader import RecordError, parse
from isoloir_verify.report import CheckResult
from isoloir_verify.shards import Piece, piece_lines


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
