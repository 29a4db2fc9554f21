"""The data members of a version-2 sealed file: per session, the record's own JSON lines.

`ballots.jsonl`, `checked.jsonl` and `marks.jsonl` each hold one block per session that has lines,
sessions in ascending id order. A block is exactly the file the published record carries as
`<kind>/<session>/<station>.jsonl` (docs/e2e-spec.md §10): a header line naming the format, session
and station, then one object a line, sorted by code (ballots, checked) or voter id (marks). The
publisher copies a block's bytes; nothing is serialised twice, so nothing can drift.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.package import InvalidText, load_json_text
from kiosk.ballot.sealed_file import Refusal, SealedFileError, shown

# Not version 1's domain: a signature over one version's manifest never passes for the other's.
SEALED_E2E_DOMAIN = "isoloir sealed ballot file/2"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
BALLOTS, CHECKED, MARKS, AUDIT = "ballots.jsonl", "checked.jsonl", "marks.jsonl", "audit.jsonl"
MEMBERS = (MANIFEST, SIGNATURE, BALLOTS, CHECKED, MARKS, AUDIT)
KINDS = ("ballots", "checked", "marks")
HEADER_FORMATS = {kind: f"isoloir-record/1 {kind}" for kind in KINDS}
HEADER_FIELDS = {"format", "session", "station"}


def line_bytes(value: dict[str, Any]) -> bytes:
    """One record line: compact JSON, UTF-8 as written (no escapes), fields in the writer's order."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def header_line(kind: str, session: SessionId, station: StationId) -> bytes:
    return line_bytes({"format": HEADER_FORMATS[kind], "session": session, "station": station})


def build_member(kind: str, station: StationId, blocks: dict[SessionId, Sequence[bytes]]) -> bytes:
    """The member's bytes: one block per session with lines (already sorted), sessions ascending."""
    out = []
    for session in sorted(blocks):
        if blocks[session]:
            out.append(header_line(kind, session, station) + b"\n")
            out.extend(line + b"\n" for line in blocks[session])
    return b"".join(out)


@dataclass(frozen=True)
class Block:
    """One session's lines of one kind: the raw bytes (what the record publishes) and their values."""

    session: SessionId
    lines: tuple[bytes, ...]
    values: tuple[dict[str, Any], ...]

    def file_bytes(self, kind: str, station: StationId) -> bytes:
        return header_line(kind, self.session, station) + b"\n" + b"".join(x + b"\n" for x in self.lines)


def parse_member(kind: str, name: str, data: bytes, station: StationId) -> dict[SessionId, Block]:
    """The blocks of a member by session; a header out of place, a line that is not an object, a
    session twice or out of order, or another station's header are refused."""
    if data and not data.endswith(b"\n"):
        raise SealedFileError(Refusal.TAMPERED, f"{name} does not end with a whole line")
    blocks: dict[SessionId, Block] = {}
    session: SessionId | None = None
    lines: list[bytes] = []
    values: list[dict[str, Any]] = []
    for raw in data.split(b"\n")[:-1] if data else []:
        value = _object(raw, name)
        if "format" in value:
            if session is not None:
                blocks[session] = _block(session, lines, values, name)
            session = _header(kind, name, value, station, blocks)
            lines, values = [], []
        elif session is None:
            raise SealedFileError(Refusal.TAMPERED, f"{name} has a line before its first header")
        else:
            lines.append(raw)
            values.append(value)
    if session is not None:
        blocks[session] = _block(session, lines, values, name)
    return blocks


def _object(raw: bytes, name: str) -> dict[str, Any]:
    try:
        value = load_json_text(raw)
    except InvalidText as exc:
        raise SealedFileError(Refusal.TAMPERED, f"{name} is malformed: {exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        raise SealedFileError(Refusal.TAMPERED, f"{name} is malformed") from None
    if not isinstance(value, dict):
        raise SealedFileError(Refusal.TAMPERED, f"{name} holds a line that is not an object")
    return value


def _header(
    kind: str, name: str, value: dict[str, Any], station: StationId, seen: dict[SessionId, Block]
) -> SessionId:
    if set(value) != HEADER_FIELDS or value["format"] != HEADER_FORMATS[kind]:
        raise SealedFileError(Refusal.TAMPERED, f"{name} has a header that is not {HEADER_FORMATS[kind]!r}")
    session = value["session"]
    if not isinstance(session, str) or value["station"] != station:
        raise SealedFileError(Refusal.TAMPERED, f"{name} has a block of another booth than {station!r}")
    if seen and (session in seen or session < max(seen)):
        raise SealedFileError(Refusal.TAMPERED, f"{name}: session {shown(session)} twice or out of order")
    return SessionId(session)


def _block(session: SessionId, lines: list[bytes], values: list[dict[str, Any]], name: str) -> Block:
    if not lines:
        raise SealedFileError(Refusal.TAMPERED, f"{name}: session {shown(session)} has a header and no line")
    return Block(session, tuple(lines), tuple(values))


def strictly_ascending(keys: Iterable[bytes]) -> bool:
    previous: bytes | None = None
    for key in keys:
        if previous is not None and key <= previous:
            return False
        previous = key
    return True
