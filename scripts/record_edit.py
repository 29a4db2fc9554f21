"""Reading and rewriting a record's files in place, for scripts/mutate_record.py's broken copies."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from isoloir_verify.b64 import b64decode
from isoloir_verify.group import Element, decode_element

Json = dict[str, Any]


def read_lines(path: Path) -> tuple[Json, list[Json]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return rows[0], rows[1:]


def write_lines(path: Path, header: Json, rows: list[Json], key: Callable[[Json], Any] | None = None) -> None:
    if key is not None:
        rows = sorted(rows, key=key)
    body = "".join(json.dumps(r, separators=(",", ":"), ensure_ascii=False) + "\n" for r in [header, *rows])
    path.write_text(body, encoding="utf-8")


def by_code(row: Json) -> bytes:
    return b64decode(row["code"])


def first_file(root: Path, kind: str) -> Path:
    files = sorted((root / kind).rglob("*.jsonl"))
    if not files:
        raise SystemExit(f"the good record has no {kind} file")
    return files[0]


def element(text: str) -> Element:
    return decode_element(b64decode(text))


def load(path: Path) -> Json:
    body: Json = json.loads(path.read_text(encoding="utf-8"))
    return body


def dump(path: Path, body: Json) -> None:
    path.write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def first_ballot(root: Path) -> tuple[Path, Json, list[Json]]:
    path = first_file(root, "ballots")
    header, rows = read_lines(path)
    return path, header, rows


def election_key(root: Path) -> Element:
    body = load(root / "ceremony.json")
    return element(body.get("election_key") or body["K"])
