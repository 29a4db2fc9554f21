"""The producer's hash vectors through the verifier's own encoders (spec §2, §3; E2E.md §15.3).

Threat: producer and verifier encode a field differently (a missing length prefix, another integer
width); every proof would then fail, or worse, two inputs would collide. The exact message bytes and
the outputs of every tag must agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from isoloir_verify.ballot_proofs import enc_ints
from isoloir_verify.checks.base import h_p
from isoloir_verify.group import Element, decode_element
from isoloir_verify.hashing import H, Hq, enc_bytes, enc_element, enc_hash, enc_int, enc_str


def _field(field: dict[str, Any]) -> bytes:
    kind, value = field["type"], field["value"]
    if kind == "bytes":
        return enc_bytes(bytes.fromhex(value))
    if kind == "digest":
        return enc_hash(bytes.fromhex(value))
    if kind == "elem":
        return enc_element(Element(decode_element(bytes.fromhex(value))))
    if kind == "int":
        return enc_int(value)
    if kind == "ints":
        return enc_ints(value)
    assert kind == "str", kind
    return enc_str(value)


def test_every_tag_gives_the_same_message_and_output(vectors: Path) -> None:
    body = json.loads((vectors / "hash" / "hash.json").read_text())
    assert bytes.fromhex(body["h_p"]) == h_p()
    tags = set()
    for case in body["cases"]:
        tag = int(case["tag"], 16)
        fields = [_field(f) for f in case["fields"]]
        assert bytes([tag]) + b"".join(fields) == bytes.fromhex(case["message"]), case["tag"]
        key = bytes.fromhex(case["key"])
        if case["function"] == "H":
            assert H(key, tag, *fields).hex() == case["output"], case["tag"]
        else:
            assert Hq(key, tag, *fields).to_bytes(32, "little").hex() == case["output"], case["tag"]
        tags.add(tag)
    assert {0x01, 0x02, 0x10, 0x11, 0x12, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x30, 0x40} <= tags
