"""The verifier's base64url reader accepts exactly one spelling of each value.

Threat: a producer or forger who writes a value with stray bits in its last character (or padding,
or the standard alphabet) so that two readers of one record disagree about its bytes, or one reader
hashes bytes that another never sees. The reader's fast last-character test must refuse exactly
what re-encoding and comparing refuses.
"""

from __future__ import annotations

import base64
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from isoloir_verify.b64 import Base64Error, b64decode, b64encode

URL_ALPHABET = string.ascii_letters + string.digits + "-_"


def _by_definition(text: str) -> bytes | None:
    """The spec's rule read literally: decodable, and re-encoding gives back the same text."""
    if len(text) % 4 == 1 or any(c not in URL_ALPHABET for c in text):
        return None
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    return data if b64encode(data) == text else None


def _read(text: str) -> bytes | None:
    try:
        return b64decode(text)
    except Base64Error:
        return None


@pytest.mark.parametrize("length", [42, 43, 44, 86])
@pytest.mark.parametrize("last", list(URL_ALPHABET))
def test_every_last_character_is_judged_as_re_encoding_judges_it(length: int, last: str) -> None:
    text = "Q" * (length - 1) + last
    assert _read(text) == _by_definition(text)


@given(st.text(alphabet=URL_ALPHABET + "=+/ ", max_size=90))
def test_any_text_is_read_as_the_definition_reads_it(text: str) -> None:
    assert _read(text) == _by_definition(text)


@given(st.binary(max_size=70))
def test_every_value_round_trips(data: bytes) -> None:
    assert b64decode(b64encode(data)) == data
