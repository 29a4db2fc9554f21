"""Finding the booth files of a record and reading their header lines (docs/e2e-spec.md §10)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from isoloir_verify.record.ballots import BallotsHeader, BoothHeader, CheckedHeader, MarksHeader
from isoloir_verify.record.reader import RecordError, parse
from isoloir_verify.shards import read_header

HEADERS: dict[str, type[BoothHeader]] = {
    "ballots": BallotsHeader,
    "checked": CheckedHeader,
    "marks": MarksHeader,
}


@dataclass(frozen=True)
class BoothFile:
    kind: str
    relative: str
    session: str
    station: str
    body_start: int


def booth_files(root: Path, kind: str) -> list[str]:
    """`<kind>/<session>/<station>.jsonl`, sorted; anything else under the folder is a fault."""
    folder = root / kind
    if not folder.is_dir():
        return []
    return sorted(str(p.relative_to(root)) for p in folder.rglob("*") if p.is_file())


def open_booth_file(root: Path, kind: str, relative: str) -> BoothFile:
    parts = Path(relative).parts
    if len(parts) != 3 or not parts[2].endswith(".jsonl"):
        raise RecordError(f"{relative}: not a {kind}/<session>/<station>.jsonl file")
    session, station = parts[1], parts[2][: -len(".jsonl")]
    line, body_start = read_header(root, relative)
    header = parse(HEADERS[kind], line, f"{relative} header")
    if header.session != session or header.station != station:
        raise RecordError(f"{relative}: header names another session or station than the file's path")
    return BoothFile(kind, relative, session, station, body_start)
