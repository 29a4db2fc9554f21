"""base64url in trustees' messages and ballot lines: one spelling per value.

Threat: a forger (or a faulty producer) who spells a value with stray bits in its last character,
padding or the standard alphabet, so that the import and the verifier read different bytes or one
file has two spellings of one value. The fast last-character test must refuse exactly what
re-encoding and comparing refuses.
"""

from __future__ import annotations

import base64
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.ballot.crypto.wire import WireError, b64decode, b64encode

URL_ALPHABET = string.ascii_letters + string.digits + "-_"


def _by_definition(text: str) -> bytes | None:
    if len(text) % 4 == 1 or any(c not in URL_ALPHABET for c in text):
        return None
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    return data if b64encode(data) == text else None


def _read(text: str) -> bytes | None:
    try:
        return b64decode(text)
    except WireError:
        return None


@pytest.mark.parametrize("length", [42, 43, 44, 86])
@pytest.mark.parametrize("last", list(URL_ALPHABET))
def test_each_last_character_is_refused_exactly_when_it_is_not_canonical(length: int, last: str) -> None:
    text = "w" * (length - 1) + last
    assert _read(text) == _by_definition(text)


@given(st.text(alphabet=URL_ALPHABET + "=+/ \n", max_size=90))
def test_any_text_reads_as_the_definition_reads_it(text: str) -> None:
    assert _read(text) == _by_definition(text)


@given(st.binary(max_size=70))
def test_every_value_round_trips(data: bytes) -> None:
    assert b64decode(b64encode(data)) == data
