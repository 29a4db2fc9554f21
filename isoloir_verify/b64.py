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


class Base64Error(ValueError):
    """A value that is not canonical unpadded base64url."""


def b64decode(text: str) -> bytes:
    if not _ALPHABET.fullmatch(text):
        raise Base64Error("not unpadded base64url (A-Z a-z 0-9 - _ only, no '=')")
    if len(text) % 4 == 1:
        raise Base64Error("base64url length cannot be 1 mod 4")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as err:
        raise Base64Error(str(err)) from err
    # Unused low bits of the last character must be zero, or two texts would give one value.
    if b64encode(data) != text:
        raise Base64Error("non-canonical base64url (stray bits in the last character)")
    return data


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
