"""Cutting a booth file into pieces loses no line and counts none twice, wherever the cuts fall.

Threat: a piece boundary that drops or repeats a ballot would let a dropped ballot pass V7 or a
repeated one pass V6; every line must belong to exactly one piece.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from isoloir_verify import shards
from isoloir_verify.record.reader import RecordError
from isoloir_verify.shards import piece_lines, plan_pieces, read_header


def _file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "marks" / "s" / "b.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("".join(line + "\n" for line in lines))
    return path


@pytest.mark.parametrize("piece_bytes", [1, 2, 7, 13, 64, 10_000])
def test_every_line_is_in_exactly_one_piece(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece_bytes: int
) -> None:
    lines = ['{"format":"x"}'] + [f'{{"voter":"v{i:0{i % 5 + 1}d}"}}' for i in range(50)]
    _file(tmp_path, lines)
    monkeypatch.setattr(shards, "PIECE_BYTES", piece_bytes)
    header, body_start = read_header(tmp_path, "marks/s/b.jsonl")
    assert header == (lines[0] + "\n").encode()
    pieces = plan_pieces(tmp_path, "marks/s/b.jsonl", "s", "b", body_start)
    seen = [line.decode() for piece in pieces for _, line in piece_lines(piece)]
    assert seen == lines[1:]


def test_an_unterminated_last_line_is_a_fault(tmp_path: Path) -> None:
    path = _file(tmp_path, ['{"format":"x"}', '{"voter":"a"}'])
    path.write_bytes(path.read_bytes() + b'{"voter":"b"}')
    _, body_start = read_header(tmp_path, "marks/s/b.jsonl")
    (piece,) = plan_pieces(tmp_path, "marks/s/b.jsonl", "s", "b", body_start)
    with pytest.raises(RecordError):
        list(piece_lines(piece))


def test_a_file_without_a_header_line_is_a_fault(tmp_path: Path) -> None:
    path = _file(tmp_path, [])
    path.write_bytes(b'{"format":"x"}')
    with pytest.raises(RecordError):
        read_header(tmp_path, "marks/s/b.jsonl")


def test_a_path_that_leaves_the_record_is_refused(tmp_path: Path) -> None:
    from isoloir_verify.record.reader import resolve

    with pytest.raises(RecordError):
        resolve(tmp_path / "record", "../outside.json")


def test_order_is_checked_where_two_pieces_meet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repeated mark split across two pieces is still seen (each piece alone looks sorted)."""
    from isoloir_verify.checks.marks import read_marks_piece
    from isoloir_verify.report import CheckResult
    from isoloir_verify.runner import check_order_across_pieces

    monkeypatch.setattr(shards, "PIECE_BYTES", 16)
    path = _file(tmp_path, ['{"format":"x"}', '{"voter":"a"}', '{"voter":"b"}', '{"voter":"b"}'])
    _, body_start = read_header(tmp_path, "marks/s/b.jsonl")
    outcomes = [read_marks_piece(p) for p in plan_pieces(tmp_path, "marks/s/b.jsonl", "s", "b", body_start)]
    assert len(outcomes) > 1 and all(o.v7.ok for o in outcomes)
    result = CheckResult("V7")
    check_order_across_pieces(
        [(("s", "b"), [v.encode() for v in o.voters]) for o in outcomes], "marks", result
    )
    assert "piece boundary" in result.failures[0]
    assert path.exists()
