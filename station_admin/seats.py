"""Seats for list elections by proportional representation.

Highest average (D'Hondt): each seat goes in turn to the list whose votes divided by (seats won + 1)
is highest. Largest remainder (Hare quota): each list gets the whole part of votes x seats / total,
and the seats left go to the largest remainders. Every comparison is exact (integers, no floats),
so a tie is a real tie, and it is broken as the definition says.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from kiosk.ballot.definition import SeatMethod, TieBreak


class TieNeedsLot(ValueError):
    """A tie the definition breaks by lot, and no seed was entered for the draw."""


@dataclass(frozen=True)
class ListVotes:
    id: str
    votes: int


def allocate(
    lists: Sequence[ListVotes],
    seats: int,
    method: SeatMethod,
    tie_break: TieBreak,
    lot_seed: str | None = None,
) -> dict[str, int]:
    """Seats per list id, in the definition's order. No votes at all gives no seats."""
    won = {lst.id: 0 for lst in lists}
    if sum(lst.votes for lst in lists) == 0:
        return won
    order = _tie_order(lists, tie_break, lot_seed)
    if method is SeatMethod.HIGHEST_AVERAGE:
        _highest_average(lists, seats, won, order)
    else:
        _largest_remainder(lists, seats, won, order)
    return won


def _tie_order(lists: Sequence[ListVotes], tie_break: TieBreak, lot_seed: str | None) -> dict[str, int]:
    """The rank that wins a tie: lower is first."""
    if tie_break is TieBreak.ORDER:
        return {lst.id: n for n, lst in enumerate(lists)}
    if tie_break is TieBreak.MOST_VOTES:
        ranked = sorted(range(len(lists)), key=lambda n: (-lists[n].votes, n))
        return {lists[n].id: rank for rank, n in enumerate(ranked)}
    if lot_seed is None:
        return {}  # drawn only if a tie happens; see _pick
    drawn = [lst.id for lst in lists]
    random.Random(lot_seed).shuffle(drawn)
    return {list_id: rank for rank, list_id in enumerate(drawn)}


def _pick(tied: list[str], order: dict[str, int]) -> str:
    if len(tied) > 1 and not order:
        raise TieNeedsLot(
            f"lists {', '.join(tied)} are tied and the definition breaks ties by lot: draw a seed in "
            "public and give it to the tally with --lot-seed"
        )
    return min(tied, key=lambda list_id: order.get(list_id, 0))


def _highest_average(
    lists: Sequence[ListVotes], seats: int, won: dict[str, int], order: dict[str, int]
) -> None:
    for _ in range(seats):
        averages = {lst.id: Fraction(lst.votes, won[lst.id] + 1) for lst in lists}
        top = max(averages.values())
        tied = [list_id for list_id, average in averages.items() if average == top]
        won[_pick(tied, order)] += 1


def _largest_remainder(
    lists: Sequence[ListVotes], seats: int, won: dict[str, int], order: dict[str, int]
) -> None:
    total = sum(lst.votes for lst in lists)
    remainders = {}
    for lst in lists:
        whole, remainders[lst.id] = divmod(lst.votes * seats, total)
        won[lst.id] = whole
    left = seats - sum(won.values())
    candidates = [lst.id for lst in lists]
    for _ in range(left):
        top = max(remainders[c] for c in candidates)
        chosen = _pick([c for c in candidates if remainders[c] == top], order)
        won[chosen] += 1
        candidates.remove(chosen)
