"""Reading the record's files into models; every fault becomes a RecordError naming the file.

The directory is untrusted: paths are relative to it and may not leave it, each file is one JSON
object (or one per line) parsed by a strict model, and an unreadable file fails the check that
needed it, not the whole run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class RecordError(ValueError):
    """A file of the record that is missing, unreadable or not of its format."""


def resolve(root: Path, relative: str) -> Path:
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise RecordError(f"{relative}: path leaves the record directory")
    return path


def read_bytes(root: Path, relative: str) -> bytes:
    try:
        return resolve(root, relative).read_bytes()
    except FileNotFoundError:
        raise RecordError(f"{relative}: missing from the record") from None
    except OSError as err:
        raise RecordError(f"{relative}: cannot be read ({err.strerror})") from None


def _explain(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top)"
    return f"{where}: {first['msg']}"


def parse(model: type[M], data: bytes, where: str) -> M:
    try:
        return model.model_validate_json(data)
    except ValidationError as err:
        raise RecordError(f"{where}: {_explain(err)}") from None


def load(root: Path, relative: str, model: type[M]) -> M:
    return parse(model, read_bytes(root, relative), relative)


def iter_lines(data: bytes, where: str, first_line: int = 1) -> Iterator[tuple[str, bytes]]:
    """(where, line) for each line of a JSON-lines chunk; a blank line is a fault, not skipped."""
    if data and not data.endswith(b"\n"):
        raise RecordError(f"{where}: last line not terminated")
    for offset, line in enumerate(data.split(b"\n")[:-1] if data else []):
        label = f"{where}:{first_line + offset}"
        if not line.strip():
            raise RecordError(f"{label}: blank line")
        yield label, line
