"""Voting codes: entropy, the check symbols, and where a typing mistake is."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from kiosk.ballot.codes import (
    ALPHABET,
    CODE_LENGTH,
    DATA_SYMBOLS,
    GROUP_SIZE,
    check_code,
    format_code,
    generate_code,
    hash_code,
    normalise,
)

codes = st.builds(lambda _: generate_code(), st.integers())
positions = st.integers(min_value=0, max_value=CODE_LENGTH - 1)


def test_a_code_carries_at_least_100_bits_and_reads_in_groups_of_four() -> None:
    assert DATA_SYMBOLS * math.log2(len(ALPHABET)) >= 100
    shown = format_code(generate_code())
    assert [len(group) for group in shown.split("-")] == [GROUP_SIZE] * (CODE_LENGTH // GROUP_SIZE)


def test_the_alphabet_has_no_look_alikes() -> None:
    assert not set("ILOU") & set(ALPHABET)
    assert normalise("o0il-u") == "0011V"


def test_fresh_codes_are_valid_and_differ() -> None:
    made = {generate_code() for _ in range(200)}
    assert len(made) == 200
    assert all(check_code(code).valid for code in made)


@given(codes, positions, st.integers(min_value=1, max_value=len(ALPHABET) - 1))
def test_any_single_wrong_symbol_is_caught_and_its_group_named(code: str, position: int, shift: int) -> None:
    wrong = ALPHABET[(ALPHABET.index(code[position]) + shift) % len(ALPHABET)]
    typed = code[:position] + wrong + code[position + 1 :]
    checked = check_code(typed)
    assert not checked.valid
    assert checked.groups_to_check == (position // GROUP_SIZE + 1,)


@given(codes, st.integers(min_value=0, max_value=CODE_LENGTH - 2))
def test_any_swap_of_neighbours_is_caught(code: str, position: int) -> None:
    if code[position] == code[position + 1]:
        return  # swapping equal symbols changes nothing
    typed = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    checked = check_code(typed)
    assert not checked.valid
    assert position // GROUP_SIZE + 1 in checked.groups_to_check


def test_a_short_code_is_told_apart_from_a_wrong_one() -> None:
    checked = check_code(generate_code()[:-3])
    assert not checked.valid and checked.wrong_length


def test_separators_and_case_do_not_matter() -> None:
    code = generate_code()
    assert check_code(format_code(code).lower()).valid
    assert hash_code("e", format_code(code).lower()) == hash_code("e", code)


def test_the_stored_hash_reveals_neither_the_code_nor_works_in_another_election() -> None:
    code = generate_code()
    assert code not in hash_code("e1", code)
    assert hash_code("e1", code) != hash_code("e2", code)
