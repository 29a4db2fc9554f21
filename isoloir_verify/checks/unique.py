"""Finding repeated values among tens of millions in bounded memory, exactly (V6's α and codes).

A record of 1M maritime ballots holds 72M α. A Counter of their 32-byte encodings costs about 130
bytes each (the bytes object, the list slot, the dict entry), ≈ 9 GB. Instead each piece keeps the
first 8 bytes of each value as an unsigned integer in a sorted `array('Q')` (8 bytes a value, 9×
smaller than the values themselves on the wire), and the election-wide check merges the pieces'
sorted arrays in one pass, keeping only the prefixes seen twice. Equal values have equal prefixes,
so nothing repeated is missed; a repeated prefix is only a candidate (two different values can share
8 bytes: by chance about once in 10⁴ records of 72M, or on purpose with 2³² work), so the full values
behind it are read again and compared before anything is reported.
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeAlias

PREFIX_BYTES = 8
Prefixes: TypeAlias = "array[int]"  # array('Q') of 8-byte big-endian prefixes, sorted


def prefix(value: bytes) -> int:
    return int.from_bytes(value[:PREFIX_BYTES], "big")


def sorted_prefixes(values: Iterable[bytes]) -> Prefixes:
    """What a piece keeps of its values: their prefixes, sorted (a piece holds thousands)."""
    return array("Q", sorted(map(prefix, values)))


def repeated_prefixes(pieces: Iterable[Prefixes]) -> set[int]:
    """The prefixes found more than once across all pieces, in one merge of the sorted arrays."""
    repeated: set[int] = set()
    previous: int | None = None
    for value in heapq.merge(*pieces):
        if value == previous:
            repeated.add(value)
        previous = value
    return repeated


def repeated_values(
    pieces: Iterable[Prefixes], full_values: Callable[[set[int]], Iterable[bytes]]
) -> tuple[int, dict[bytes, int]]:
    """(how many values, {value: times} for each value present more than once); full_values gives
    every value whose prefix is in the set it is passed (called only when a prefix repeats)."""
    arrays = list(pieces)
    total = sum(len(a) for a in arrays)
    candidates = repeated_prefixes(arrays)
    if not candidates:
        return total, {}
    counts = Counter(v for v in full_values(candidates) if prefix(v) in candidates)
    return total, {value: n for value, n in sorted(counts.items()) if n > 1}
