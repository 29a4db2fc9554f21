"""The record's value types, checked when a file is read (docs/e2e-spec.md §11, trustees §1).

Binary values are unpadded base64url of an exact length; elements pass the group's one decode gate;
scalars are refused at or above q, never reduced. Models built from these types hold only valid
values, so the checks work on trusted types.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from pydantic import BaseModel, BeforeValidator, ConfigDict

from isoloir_verify.b64 import b64decode
from isoloir_verify.group import Element, decode_element, decode_scalar

HASH_BYTES: Final = 32
KEY_BYTES: Final = 32
SIGNATURE_BYTES: Final = 64


class Strict(BaseModel):
    """Every record model: unknown fields refused, no coercion (a "3" is not 3), immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a base64url string")
    return value


def _fixed(size: int) -> Any:
    def check(value: Any) -> bytes:
        data = b64decode(_text(value))
        if len(data) != size:
            raise ValueError(f"expected {size} bytes, got {len(data)}")
        return data

    return check


_fixed32 = _fixed(32)  # made once: a ballot line reads 480 elements and scalars through it


def _element(value: Any) -> Element:
    return decode_element(_fixed32(value))


def _scalar(value: Any) -> int:
    return decode_scalar(_fixed32(value))


def _any_bytes(value: Any) -> bytes:
    return b64decode(_text(value))


# Strict mode would refuse the str → bytes step; the BeforeValidators do the decoding themselves.
ElementB64 = Annotated[bytes, BeforeValidator(_element)]
ScalarB64 = Annotated[int, BeforeValidator(_scalar)]
Hash32 = Annotated[bytes, BeforeValidator(_fixed(HASH_BYTES))]
Key32 = Annotated[bytes, BeforeValidator(_fixed(KEY_BYTES))]
Signature64 = Annotated[bytes, BeforeValidator(_fixed(SIGNATURE_BYTES))]
BytesB64 = Annotated[bytes, BeforeValidator(_any_bytes)]
