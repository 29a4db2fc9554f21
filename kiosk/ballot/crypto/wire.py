"""Bytes in the trustees' JSON messages: base64url without padding, read strictly.

docs/e2e-trustees.md §1: a decoder refuses padding, characters outside the alphabet and (where the
field has one) a wrong length, so that one value has exactly one spelling in a file.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator

_ALPHABET = re.compile(r"[A-Za-z0-9_-]*")
_URL_SAFE = bytes.maketrans(b"-_", b"+/")
# The last character of a text 2 or 3 long mod 4 has 4 or 2 low bits that encode nothing; only the
# characters with those bits zero spell a value canonically. Testing that character replaces a
# re-encode and compare: an imported ballot line holds 481 values.
_CANONICAL_LAST = {2: frozenset("AQgw"), 3: frozenset("AEIMQUYcgkosw048")}


class WireError(ValueError):
    pass


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str) -> bytes:
    if not _ALPHABET.fullmatch(text) or len(text) % 4 == 1:
        raise WireError("not base64url without padding")
    tail = len(text) % 4
    if tail and text[-1] not in _CANONICAL_LAST[tail]:  # stray low bits: a second spelling
        raise WireError("not the canonical base64url of its bytes")
    try:
        padded = text.encode("ascii").translate(_URL_SAFE) + b"=" * (4 - tail if tail else 0)
        return binascii.a2b_base64(padded, strict_mode=True)
    except (binascii.Error, ValueError):
        raise WireError("not base64url without padding") from None


def _validate(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return b64decode(value)
    raise WireError("expected a base64url string")


B64 = Annotated[bytes, PlainValidator(_validate), PlainSerializer(b64encode, return_type=str)]
