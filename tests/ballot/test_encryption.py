"""Ballots: encrypted to the election key, bound to their session, the same length whatever the choice."""

from __future__ import annotations

import pytest

from kiosk.ballot.encryption import DecryptionError, decrypt_ballot, encrypt_ballot, tracking_code
from kiosk.ballot.selections import SelectionError, decode_ballot, encode_ballot
from tests.kit import ElectionKit


def test_a_ballot_decrypts_only_with_the_election_key_to_what_was_chosen(small_election: ElectionKit) -> None:
    election, package = small_election.definition, small_election.package
    session = election.session("board")
    chosen = {"members": ("ana", "chloe"), "lists": ("l2",)}
    plain = encode_ballot(election, session, chosen, "v01")
    sealed = encrypt_ballot(package.body.election_public_key, election.id, "board", plain)
    assert plain not in sealed
    decoded = decode_ballot(
        election, session, decrypt_ballot(small_election.secret, election.id, "board", sealed)
    )
    assert decoded.answers == chosen
    assert decoded.voter is None and decoded.group is None


def test_a_ballot_cannot_be_moved_to_another_session(small_election: ElectionKit) -> None:
    election, package = small_election.definition, small_election.package
    plain = encode_ballot(election, election.session("budget"), {"q1": ("yes",)}, "v01")
    sealed = encrypt_ballot(package.body.election_public_key, election.id, "budget", plain)
    with pytest.raises(DecryptionError):
        decrypt_ballot(small_election.secret, election.id, "roll-call", sealed)


def test_the_ciphertext_length_does_not_depend_on_the_choice(small_election: ElectionKit) -> None:
    election, key = small_election.definition, small_election.package.body.election_public_key
    session = election.session("board")
    lengths = {
        len(encrypt_ballot(key, election.id, "board", encode_ballot(election, session, chosen, "v01")))
        for chosen in (
            {"members": ("ana",), "lists": ()},
            {"members": ("ana", "ben"), "lists": ("l1",)},
            {"members": (), "lists": ("l2",)},
        )
    }
    assert len(lengths) == 1


def test_group_is_carried_only_where_the_session_counts_by_group(small_election: ElectionKit) -> None:
    election = small_election.definition
    voter = election.voter("v01")
    plain = encode_ballot(election, election.session("budget"), {"q1": ("no",)}, voter.id)
    decoded = decode_ballot(election, election.session("budget"), plain)
    assert decoded.group == voter.group and decoded.voter is None


def test_a_recorded_vote_carries_its_voter(small_election: ElectionKit) -> None:
    election = small_election.definition
    plain = encode_ballot(election, election.session("roll-call"), {"q1": ("yes",)}, "v03")
    assert decode_ballot(election, election.session("roll-call"), plain).voter == "v03"


@pytest.mark.parametrize(
    ("chosen", "problem"),
    [
        ({"q1": ()}, "an answer is required"),
        ({"q1": ("maybe",)}, "no choice 'maybe'"),
        ({"q1": ("yes", "no")}, "choose between 1 and 1"),
        ({"q2": ("yes",)}, "no question 'q2'"),
    ],
)
def test_selections_that_do_not_fit_are_refused(
    small_election: ElectionKit, chosen: dict, problem: str
) -> None:  # type: ignore[type-arg]
    election = small_election.definition
    with pytest.raises(SelectionError, match=problem):
        encode_ballot(election, election.session("budget"), chosen, "v01")


def test_the_tracking_code_is_short_readable_and_follows_the_ciphertext() -> None:
    code = tracking_code(b"ciphertext one")
    assert len(code) == 14 and code.count("-") == 2
    assert code != tracking_code(b"ciphertext two")
    assert code == tracking_code(b"ciphertext one")
