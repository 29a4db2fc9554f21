"""The board's check page (its JavaScript, under Node) on slips and receipts the booth's own services
made and signed: honest ones are confirmed with their choices; each attack below is caught, with its
attacker and what they hold written beside it."""

from __future__ import annotations

import json
from dataclasses import replace

from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.e2e_receipt import checked_link, parse_cast, parse_checked
from kiosk.booth.station import Station
from tests.board_check.slips import (
    VERIFY_URL,
    Board,
    FlippingCaster,
    booth_signed,
    cast_receipt,
    ceremony_of,
    check_slip,
    page_verdicts,
)
from tests.booth.test_e2e_cast import booth_public_key
from tests.e2e_election import make_ceremony
from tests.kit import SMALL_ELECTION, ElectionKit


def _board(station: Station) -> Board:
    return Board(booth_public_key(station).hex())


def test_honest_slips_are_confirmed_with_exactly_their_choices(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    board = _board(e2e_booth)
    slips = [
        check_slip(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("abstain",)}),
        check_slip(
            e2e_booth, e2e_election, board, 1, "board", {"members": ("ana", "chloe"), "lists": ("l2",)}
        ),
        check_slip(e2e_booth, e2e_election, board, 2, "board", {"members": (), "lists": ()}),  # both blank
        check_slip(e2e_booth, e2e_election, board, 3, "roll-call", {"q1": ("no",)}),  # a named vote
    ]
    said = page_verdicts(board.data(ceremony_of(e2e_election)), slips)
    assert [v["verdict"] for v in said] == ["match"] * 4
    assert [v["choices"] for v in said] == [
        {"q1": ["abstain"]}, {"members": ["ana", "chloe"], "lists": ["l2"]}, {"members": [], "lists": []},
        {"q1": ["no"]},
    ]  # fmt: skip
    assert said[0]["shortCode"] == _short(slips[0])  # the code printed at Seal, before she chose


def _short(qr: str) -> str:
    from kiosk.ballot.e2e_ballot import short_code

    return short_code(parse_checked(qr).code)


def test_a_booth_that_encrypts_other_choices_is_a_mismatch(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: booth software altered to vote "no" while it shows and prints "yes" and signs the slip
    (a malicious update, a corrupted technician). No nonce gives the printed code for "yes"."""
    board = _board(e2e_booth)
    e2e_booth.e2e_caster = FlippingCaster(e2e_booth.e2e_caster, {"q1": ("no",)})
    slip = check_slip(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("yes",)})
    [said] = page_verdicts(board.data(ceremony_of(e2e_election)), [slip])
    assert said["verdict"] == "mismatch"


def test_a_booth_that_opens_with_another_nonce_or_invalid_choices_is_caught(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: a booth asked to open that prints and signs a made-up nonce, or choices no voter could
    make (two answers to a yes/no question), hoping no one checks."""
    board = _board(e2e_booth)
    honest = parse_checked(check_slip(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("yes",)}))
    other_nonce = booth_signed(e2e_booth, replace(honest, nonce=Digest(bytes(32))))
    two_answers = booth_signed(e2e_booth, replace(honest, plaintext=b"\x01\x01\x00"))
    not_bits = booth_signed(e2e_booth, replace(honest, plaintext=b"\x02\x00\x00"))
    named = booth_signed(e2e_booth, replace(honest, voter="v01"))  # a secret session's ballot named
    slips = [other_nonce, two_answers, not_bits, named]
    said = page_verdicts(board.data(ceremony_of(e2e_election)), slips)
    expected = ["mismatch", "invalid_choices", "invalid_choices", "unknown_context"]
    assert [v["verdict"] for v in said] == expected


def test_a_slip_edited_after_printing_is_not_signed_by_the_booth(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: someone without the booth's key who edits a slip's choice or nonce (or prints a fake
    "checked" slip) to discredit an honest booth: the booth's signature no longer holds."""
    board = _board(e2e_booth)
    honest = parse_checked(check_slip(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("yes",)}))
    choice = checked_link(VERIFY_URL, replace(honest, plaintext=b"\x00\x01\x00"))
    nonce = checked_link(VERIFY_URL, replace(honest, nonce=Digest(bytes(reversed(honest.nonce)))))
    station = checked_link(VERIFY_URL, replace(honest, station="booth-2"))  # a booth it was not
    said = page_verdicts(board.data(ceremony_of(e2e_election)), [choice, nonce, station])
    assert [v["verdict"] for v in said] == ["unsigned"] * 3


def test_a_slip_of_another_election_is_refused(e2e_booth: Station, e2e_election: ElectionKit) -> None:
    """Threat: a slip from another election (same sessions, booth names, even the same booth key)
    shown as if it were this one's: the signature binds H_E, which the other trustees' key changes."""
    board = _board(e2e_booth)
    slip = check_slip(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("yes",)})
    other_trustees = json.loads(make_ceremony(SMALL_ELECTION.read_bytes()).text)
    other = replace(board.data(ceremony_of(e2e_election)), ceremony=other_trustees)
    [said] = page_verdicts(other, [slip])
    assert said["verdict"] == "unsigned"


def test_a_checked_ballot_counted_on_the_board_is_reported(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: officials who count an opened (challenged) ballot, whose choices everyone has seen."""
    board = _board(e2e_booth)
    slip = check_slip(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("yes",)})
    board.add("cast", "budget", "booth-1", parse_checked(slip).code)
    [said] = page_verdicts(board.data(ceremony_of(e2e_election)), [slip])
    assert said["verdict"] == "checked_but_counted"


def test_a_receipt_finds_its_ballot_on_the_board_and_a_missing_one_is_reported(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: officials who leave a cast ballot out of the published board (or record), or an
    attacker who prints receipts for ballots that were never cast."""
    board = _board(e2e_booth)
    kept = cast_receipt(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("yes",)})
    dropped = cast_receipt(e2e_booth, e2e_election, board, 1, "budget", {"q1": ("no",)})
    data = board.data(ceremony_of(e2e_election), drop=parse_cast(dropped).code)
    forged = kept.replace(f"c={kept.split('c=')[1].split('&')[0]}", "c=" + "A" * 43)
    said = page_verdicts(data, [kept, dropped, forged])
    assert [v["verdict"] for v in said] == ["on_board", "not_on_board", "unsigned"]


def test_text_that_is_no_slip_is_unreadable(e2e_booth: Station, e2e_election: ElectionKit) -> None:
    board = _board(e2e_booth)
    texts = ["hello", f"{VERIFY_URL}?check=2&s=budget", f"{VERIFY_URL}?code=006N-K5A7-9K1J", ""]
    said = page_verdicts(board.data(ceremony_of(e2e_election)), texts)
    assert [v["verdict"] for v in said] == ["unreadable"] * 4
