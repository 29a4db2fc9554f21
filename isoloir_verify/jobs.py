"""The one function every executor runs: a piece of a booth file in, its outcome out.

Top-level and free of closures so that process pools and Dask can ship it by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from isoloir_verify.checks.cast import CastOutcome, check_cast_piece
from isoloir_verify.checks.checked import CheckedOutcome, check_checked_piece
from isoloir_verify.checks.marks import MarksOutcome, read_marks_piece
from isoloir_verify.record.reader import RecordError
from isoloir_verify.report import CheckResult
from isoloir_verify.shards import Facts, Piece

Kind = Literal["ballots", "checked", "marks"]
Outcome = CastOutcome | CheckedOutcome | MarksOutcome


@dataclass(frozen=True)
class Job:
    kind: Kind
    piece: Piece
    facts: Facts


def run_job(job: Job) -> Outcome:
    piece = job.piece
    try:
        if job.kind == "ballots":
            return check_cast_piece(piece, job.facts)
        if job.kind == "checked":
            return check_checked_piece(piece, job.facts)
        return read_marks_piece(piece)
    except Exception as err:  # a hostile piece fails its check, it never stops the run
        failed = CheckResult({"ballots": "V5", "checked": "V8", "marks": "V7"}[job.kind])
        failed.fail(
            str(err) if isinstance(err, RecordError) else f"{piece.relative}: {type(err).__name__}: {err}"
        )
        if job.kind == "ballots":
            return CastOutcome(piece.session, piece.station, failed)
        if job.kind == "checked":
            return CheckedOutcome(piece.session, piece.station, failed)
        return MarksOutcome(piece.session, piece.station, failed)
