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


class WireError(ValueError):
    pass


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str) -> bytes:
    if not _ALPHABET.fullmatch(text) or len(text) % 4 == 1:
        raise WireError("not base64url without padding")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise WireError("not base64url without padding") from None
    if b64encode(data) != text:  # stray low bits in the last character: a second spelling
        raise WireError("not the canonical base64url of its bytes")
    return data


def _validate(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return b64decode(value)
    raise WireError("expected a base64url string")


B64 = Annotated[bytes, PlainValidator(_validate), PlainSerializer(b64encode, return_type=str)]
