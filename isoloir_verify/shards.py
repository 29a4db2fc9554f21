"""Cutting the booth files into independent pieces of work, and reading one piece.

A piece is a byte range of one `.jsonl` file; it holds whole lines (a line belongs to the piece in
which it starts), so pieces can run anywhere in any order. A piece carries only the file's name and
range and the small public facts every ballot needs (H_E, K, the manifest), never the ballots.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from isoloir_verify.group import Element
from isoloir_verify.record.manifest import Manifest
from isoloir_verify.record.reader import RecordError, resolve

# About 500 maritime ballots a piece: enough to amortise a process hop, small enough to balance.
PIECE_BYTES: Final = 8 * 1024 * 1024
# A header line is small; a longer first line is refused rather than read whole.
MAX_HEADER_BYTES: Final = 64 * 1024


@dataclass(frozen=True)
class Facts:
    """The public values a piece needs, sent with every piece (small)."""

    h_e: bytes
    key: Element
    manifest: bytes
    # The booths whose signed manifest says `roll` "hall": any delegate may vote there (spec §9.2a).
    hall: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def _manifest(digest: bytes, data: bytes) -> Manifest:
    return Manifest.model_validate_json(data)


def manifest_of(facts: Facts) -> Manifest:
    """One parse per process per manifest, however many pieces the process runs."""
    return _manifest(hashlib.sha256(facts.manifest).digest(), facts.manifest)


@dataclass(frozen=True)
class Piece:
    root: str
    relative: str
    session: str
    station: str
    start: int  # the first line starting at or after start belongs here (the header excepted)
    end: int


def read_header(root: Path, relative: str) -> tuple[bytes, int]:
    """The header line's bytes and the offset where the first data line starts."""
    with resolve(root, relative).open("rb") as handle:
        line = handle.readline(MAX_HEADER_BYTES + 1)
    if not line.endswith(b"\n"):
        raise RecordError(f"{relative}: no header line (or one over {MAX_HEADER_BYTES} bytes)")
    return line, len(line)


def plan_pieces(root: Path, relative: str, session: str, station: str, body_start: int) -> list[Piece]:
    size = resolve(root, relative).stat().st_size
    starts = range(body_start, max(size, body_start + 1), PIECE_BYTES)
    return [Piece(str(root), relative, session, station, s, min(s + PIECE_BYTES, size)) for s in starts]


def piece_lines(piece: Piece) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line without its newline) for every line that starts in [start, end)."""
    path = resolve(Path(piece.root), piece.relative)
    with path.open("rb") as handle:
        handle.seek(max(piece.start - 1, 0))
        if piece.start > 0 and handle.read(1) != b"\n":
            handle.readline()  # the line in progress belongs to the previous piece
        while (offset := handle.tell()) < piece.end:
            line = handle.readline()
            if not line:
                return
            if not line.endswith(b"\n"):
                raise RecordError(f"{piece.relative}@{offset}: last line not terminated")
            yield offset, line[:-1]
