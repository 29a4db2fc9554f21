"""base64url without padding, strictly (docs/e2e-spec.md, the record's binary values).

One spelling per value: padding, the standard alphabet, whitespace or a non-canonical last
character are refused, so that two readers of one record never disagree about its bytes.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Final

_ALPHABET: Final = re.compile(r"[A-Za-z0-9_-]*")
_URL_TO_STANDARD: Final = bytes.maketrans(b"-_", b"+/")
# A text of length 2 or 3 mod 4 ends in a character whose low 4 or 2 bits encode nothing: the
# canonical text has them zero (the characters whose alphabet index is a multiple of 16 or 4).
# Checking that last character is the same test as re-encoding and comparing, without the encode:
# a ballot line holds 481 such values.
_CANONICAL_LAST: Final = {2: frozenset("AQgw"), 3: frozenset("AEIMQUYcgkosw048")}


class Base64Error(ValueError):
    """A value that is not canonical unpadded base64url."""


def b64decode(text: str) -> bytes:
    if not _ALPHABET.fullmatch(text):
        raise Base64Error("not unpadded base64url (A-Z a-z 0-9 - _ only, no '=')")
    spare = len(text) % 4
    if spare == 1:
        raise Base64Error("base64url length cannot be 1 mod 4")
    # Unused low bits of the last character must be zero, or two texts would give one value.
    if spare and text[-1] not in _CANONICAL_LAST[spare]:
        raise Base64Error("non-canonical base64url (stray bits in the last character)")
    standard = text.encode("ascii").translate(_URL_TO_STANDARD) + b"=" * (-len(text) % 4)
    try:
        return binascii.a2b_base64(standard, strict_mode=True)
    except binascii.Error as err:
        raise Base64Error(str(err)) from err


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
