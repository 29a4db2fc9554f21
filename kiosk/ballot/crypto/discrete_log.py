"""The count inside a decrypted tally: t with K^t = T, by baby-step giant-step (docs/e2e-trustees.md §7).

A tally is at most the number of ballots (or the total weight), so t is small: √bound table entries
and at most √bound + 1 giant steps. One table serves every option of the same bound. Everything here
is public (T and t are published), so the timing leaks nothing.
"""

from __future__ import annotations

from math import isqrt

from kiosk.ballot.crypto.group import IDENTITY, Point, Scalar


class DiscreteLogTable:
    def __init__(self, base: Point, bound: int) -> None:
        if bound < 0:
            raise ValueError("the bound of a count is never negative")
        self.bound = bound
        self.width = isqrt(bound) + 1  # width² > bound: every t ≤ bound is r·width + j with j < width
        self._baby: dict[bytes, int] = {}
        current = IDENTITY
        for j in range(self.width):
            self._baby.setdefault(current.encode(), j)
            current = current * base
        self._giant = IDENTITY / base ** Scalar.reduce(self.width)

    def log(self, target: Point) -> int | None:
        """t in 0..bound with base^t = target, or None when there is none (not a count)."""
        current = target
        for r in range(self.width + 1):
            j = self._baby.get(current.encode())
            if j is not None:
                t = r * self.width + j
                return t if t <= self.bound else None
            current = current * self._giant
        return None
