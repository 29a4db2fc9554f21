"""A ballot line of the published record: one text per ballot, and every non-canonical text refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.ballot.crypto.group import ORDER
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.e2e_ballot import CheckOutcome, open_checked, verify_ballot
from kiosk.ballot.e2e_layout import BallotContext
from kiosk.ballot.e2e_record import (
    CheckedBallot,
    RecordError,
    b64decode,
    b64encode,
    ballot_from_json,
    ballot_to_json,
    checked_from_json,
    checked_to_json,
)
from kiosk.ballot.e2e_seal import encrypt_ballot
from tests.ballot.e2e_kit import make_kit

KIT = make_kit()
RFC = json.loads((Path(__file__).parents[2] / "vectors/group/rfc9496.json").read_text())
CHOICE = {"motion": ("no",), "chair": ("ben",), "board": ("eve",), "panel": ("hal", "kim"), "seats": ()}
BALLOT = encrypt_ballot(
    KIT.election, KIT.session(), BallotContext("kinds", "booth-1"), CHOICE, Digest(bytes(32))
)
LINE = ballot_to_json(BALLOT)


def _read(line: Any) -> object:
    return ballot_from_json(line, "kinds", "booth-1")


def test_a_ballot_line_round_trips_and_still_verifies() -> None:
    text = json.dumps(LINE)
    again = _read(json.loads(text))
    assert again == BALLOT
    assert verify_ballot(KIT.election, KIT.session(), BALLOT) is None
    assert len(LINE["code"]) == 43 and "=" not in text


def test_base64url_has_exactly_one_text_per_value() -> None:
    value = bytes(range(32))
    text = b64encode(value)
    assert b64decode(text) == value
    # Threat: two texts of one ballot (a padded copy, spare bits set) pass as two ballots or break
    # the record's digests; each is refused.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    spare_bits = text[:-1] + alphabet[alphabet.index(text[-1]) | 1]  # 256 bits in 258: 2 must be 0
    for bad in (text + "=", text[:-1] + "+", text[:-1], text + "A", spare_bits, 42, None):
        with pytest.raises(RecordError):
            b64decode(bad)


def _mutated(change: Any) -> dict[str, Any]:
    line = copy.deepcopy(LINE)
    change(line)
    return line


def test_a_non_canonical_element_is_refused() -> None:
    # Threat: a ciphertext element that is no group element (RFC 9496 A.2), e.g. to alias another.
    for encoding in RFC["invalid_encodings"][:6]:
        bad = b64encode(bytes.fromhex(encoding))
        with pytest.raises(RecordError, match="canonical"):
            _read(_mutated(lambda line, bad=bad: line["questions"][0]["ct"][0].__setitem__(0, bad)))


def test_a_response_plus_q_is_refused() -> None:
    # Threat: v + q is the same response modulo q: a second valid-looking text of one proof.
    def bump(line: dict[str, Any]) -> None:
        v = int.from_bytes(b64decode(line["questions"][0]["p"][0][1]), "little")
        line["questions"][0]["p"][0][1] = b64encode((v + ORDER).to_bytes(32, "little"))

    with pytest.raises(RecordError, match="scalar"):
        _read(_mutated(bump))


def test_unknown_fields_and_wrong_types_are_refused() -> None:
    mutations = [
        lambda line: line.__setitem__("time", 1),
        lambda line: line.pop("voter"),
        lambda line: line.__setitem__("weight", True),
        lambda line: line.__setitem__("weight", 0),
        lambda line: line.__setitem__("group", None),
        lambda line: line["questions"][0].__setitem__("extra", []),
        lambda line: line["questions"][0]["ct"].__setitem__(0, ["x"]),
        lambda line: line["questions"][0].__setitem__("sp", []),
        lambda line: line["questions"][0]["p"][0].pop(),
    ]
    for mutation in mutations:
        with pytest.raises(RecordError):
            _read(_mutated(mutation))


def test_a_checked_ballot_line_round_trips_and_opens() -> None:
    session = KIT.session()
    choices = {q: tuple(ids) for q, ids in CHOICE.items()}
    checked = CheckedBallot(BALLOT.context, BALLOT.code, Digest(bytes(32)), choices)
    line = json.loads(json.dumps(checked_to_json(checked)))
    again = checked_from_json(line, session, "booth-1")
    assert again == checked
    outcome = open_checked(KIT.election, session, again.context, again.nonce, again.choices, again.code)
    assert outcome is CheckOutcome.MATCH


def test_a_checked_line_must_answer_every_question() -> None:
    # Threat: a slip that leaves a question out would be "opened" as blank there, hiding what the
    # booth encrypted for it; the record names every question.
    checked = CheckedBallot(BALLOT.context, BALLOT.code, Digest(bytes(32)), dict(CHOICE))
    line = checked_to_json(checked)
    for mutation in (
        lambda line: line["choices"].pop("seats"),
        lambda line: line["choices"].__setitem__("other", []),
        lambda line: line["choices"].__setitem__("motion", "no"),
        lambda line: line.__setitem__("nonce", "x"),
        lambda line: line.pop("code"),
    ):
        bad = copy.deepcopy(line)
        mutation(bad)
        with pytest.raises(RecordError):
            checked_from_json(bad, KIT.session(), "booth-1")


def _texts(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The paths of every base64url text in a ballot line."""
    if isinstance(value, str) and len(value) == 43:
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _texts(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _texts(v, (*path, i))]
    return []


TEXT_PATHS = _texts(LINE)
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(TEXT_PATHS), st.integers(0, 42), st.integers(1, 63))
def test_any_one_symbol_changed_in_a_cast_ballot_is_refused(
    path: tuple[Any, ...], at: int, shift: int
) -> None:
    # Threat: anyone between the booth and the board (importer, publisher) alters one ciphertext,
    # proof value or code. The line is refused when read, or the ballot fails its check: never
    # accepted, and never another exception than the typed refusals.
    line = copy.deepcopy(LINE)
    holder = line
    for key in path[:-1]:
        holder = holder[key]
    text = holder[path[-1]]
    holder[path[-1]] = text[:at] + ALPHABET[(ALPHABET.index(text[at]) + shift) % 64] + text[at + 1 :]
    try:
        ballot = ballot_from_json(line, "kinds", "booth-1")
    except RecordError:
        return
    assert verify_ballot(KIT.election, KIT.session(), ballot) is not None
