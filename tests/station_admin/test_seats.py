"""Seats by highest average and largest remainder, against allocations worked out by hand."""

from __future__ import annotations

import pytest

from kiosk.ballot.definition import SeatMethod, TieBreak
from station_admin.seats import ListVotes, TieNeedsLot, allocate

HIGHEST, LARGEST = SeatMethod.HIGHEST_AVERAGE, SeatMethod.LARGEST_REMAINDER


def votes(**by_list: int) -> list[ListVotes]:
    return [ListVotes(list_id, count) for list_id, count in by_list.items()]


def test_dhondt_gives_each_seat_to_the_highest_average() -> None:
    # Averages in order: A 100, B 80, A 50, B 40, A 33.3, C 30, B 26.7, A 25 -> A 4, B 3, C 1.
    assert allocate(votes(A=100, B=80, C=30), 8, HIGHEST, TieBreak.MOST_VOTES) == {"A": 4, "B": 3, "C": 1}


def test_dhondt_tie_goes_to_the_list_with_more_votes_or_first_in_the_definition() -> None:
    # Seat 1: A (60). Seat 2: A 60/2 = 30 against B 30/1 = 30, a real tie.
    lists = votes(B=30, A=60)
    assert allocate(lists, 2, HIGHEST, TieBreak.MOST_VOTES) == {"B": 0, "A": 2}
    assert allocate(lists, 2, HIGHEST, TieBreak.ORDER) == {"B": 1, "A": 1}


def test_hare_gives_whole_quotas_then_the_largest_remainders() -> None:
    # 100 votes, 10 seats, quota 10: whole parts A 4, B 1, C 1, D 1 (7 seats);
    # remainders A 7, B 6, E 6, C 5, F 4, D 2 take the 3 seats left: A, B, E.
    lists = votes(A=47, B=16, C=15, D=12, E=6, F=4)
    assert allocate(lists, 10, LARGEST, TieBreak.MOST_VOTES) == {
        "A": 5,
        "B": 2,
        "C": 1,
        "D": 1,
        "E": 1,
        "F": 0,
    }


def test_hare_tie_between_equal_remainders_is_broken_as_the_definition_says() -> None:
    # 10 votes, 2 seats, quota 5: whole parts A 1 (7 x 2 = 14 = 1 x 10 + 4), B 0, C 0;
    # remainders B 4, A 4, C 2: the seat left is a tie between B and A.
    lists = votes(B=2, A=7, C=1)
    assert allocate(lists, 2, LARGEST, TieBreak.MOST_VOTES) == {"B": 0, "A": 2, "C": 0}
    assert allocate(lists, 2, LARGEST, TieBreak.ORDER) == {"B": 1, "A": 1, "C": 0}


def test_a_tie_by_lot_needs_a_seed_and_the_same_seed_draws_the_same_list() -> None:
    lists = votes(A=30, B=30)
    with pytest.raises(TieNeedsLot):
        allocate(lists, 1, HIGHEST, TieBreak.LOT)
    drawn = allocate(lists, 1, HIGHEST, TieBreak.LOT, lot_seed="chair's envelope 17")
    assert sorted(drawn.values()) == [0, 1]
    assert allocate(lists, 1, HIGHEST, TieBreak.LOT, lot_seed="chair's envelope 17") == drawn


def test_no_votes_gives_no_seats() -> None:
    assert allocate(votes(A=0, B=0), 5, HIGHEST, TieBreak.MOST_VOTES) == {"A": 0, "B": 0}
