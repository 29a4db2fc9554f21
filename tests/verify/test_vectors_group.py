"""The producer's group vectors, read by the verifier's own decoder (E2E.md §13, spec §1).

Threat: the producer's and the verifier's decoders disagree on an encoding; a record element that one
accepts and the other refuses would split observers. Both must agree on every vector.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isoloir_verify.group import GroupError, base_mul, decode_element


def _files(vectors: Path) -> list[dict[str, object]]:
    files = sorted((vectors / "group").glob("*.json"))
    assert files, "vectors/group holds no file"
    return [json.loads(p.read_text()) for p in files]


def test_generator_multiples_and_invalid_encodings(vectors: Path) -> None:
    seen = 0
    for body in _files(vectors):
        multiples = body.get("generator_multiples")
        if isinstance(multiples, list):
            for k, hex_text in enumerate(multiples):
                assert base_mul(k) == bytes.fromhex(hex_text)
                assert decode_element(bytes.fromhex(hex_text)) == bytes.fromhex(hex_text)
                seen += 1
        invalid = body.get("invalid_encodings")
        if isinstance(invalid, list):
            for hex_text in invalid:
                with pytest.raises(GroupError):
                    decode_element(bytes.fromhex(hex_text))
                seen += 1
    assert seen > 0


def test_multiplication_products_quotients_and_scalars(vectors: Path) -> None:
    from isoloir_verify.group import add, decode_scalar, mul, sub

    body = json.loads((vectors / "group" / "elements.json").read_text())
    h = bytes.fromhex
    for case in body["base_multiplication"]:
        assert base_mul(decode_scalar(h(case["scalar"]))) == h(case["result"])
    for case in body["multiplication"]:
        point = decode_element(h(case["point"]))
        assert mul(point, decode_scalar(h(case["scalar"]))) == h(case["result"])
    for case in body["operation"]:
        a, b = decode_element(h(case["a"])), decode_element(h(case["b"]))
        assert add(a, b) == h(case["product"])
        assert sub(a, b) == h(case["quotient"])
    for hex_text in body["invalid_elements"]:
        with pytest.raises(GroupError):
            decode_element(h(hex_text))
    for hex_text in body["valid_scalars"]:
        assert decode_scalar(h(hex_text)) == int.from_bytes(h(hex_text), "little")
    for hex_text in body["invalid_scalars"]:
        with pytest.raises(GroupError):
            decode_scalar(h(hex_text))
