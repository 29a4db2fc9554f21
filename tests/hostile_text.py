"""Where a JSON document holds text, and the document with one of those texts replaced: what the
property tests and the fuzzers put hostile strings into."""

from __future__ import annotations

import copy
from typing import Any

Path_ = tuple[Any, ...]  # keys and indexes down to a string; a last step ("key", k) renames key k


def text_paths(document: Any, here: Path_ = ()) -> list[Path_]:
    """Where the document holds text: every string value, and every object key."""
    if isinstance(document, str):
        return [here]
    if isinstance(document, list):
        return [p for i, item in enumerate(document) for p in text_paths(item, (*here, i))]
    if isinstance(document, dict):
        keys = [(*here, ("key", k)) for k in document]
        return keys + [p for k, v in document.items() for p in text_paths(v, (*here, k))]
    return []


def with_text(document: Any, path: Path_, text: str) -> Any:
    changed = copy.deepcopy(document)
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1] if path else None
    if isinstance(last, tuple):  # rename the key, keeping its value
        parent[text] = parent.pop(last[1])
    elif last is not None:
        parent[last] = text
    else:
        return text
    return changed
