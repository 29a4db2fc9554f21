"""The committed test vectors: reproduced by their seeded producer, and consistent with the spec."""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from kiosk.ballot.crypto.group import ORDER, Point
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.definition import parse_definition
from kiosk.ballot.e2e_ballot import CheckOutcome, ElectionKey, open_checked, verify_ballot
from kiosk.ballot.e2e_layout import BallotContext
from kiosk.ballot.e2e_record import ballot_from_json

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "vectors"
GENERATED = ["group/elements.json", "hash/hash.json", "ballot/ballots.json"]


def _producer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_vectors", ROOT / "scripts" / "make_vectors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_seeded_producer_reproduces_every_committed_vector(tmp_path: Path) -> None:
    # A change to the scheme that forgets the vectors (or the reverse) fails here, before a second
    # implementation finds it (E2E.md §15.4: spec and code drift).
    _producer().write_vectors(tmp_path)
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (VECTORS / name).read_bytes(), f"{name} is stale"


def _field(entry: dict[str, Any]) -> bytes:
    """The spec's field encodings (docs/e2e-spec.md §2), written again here from the text."""
    kind, value = entry["type"], entry["value"]
    if kind in ("elem", "scalar", "digest"):
        return bytes.fromhex(value)
    if kind == "int":
        return int(value).to_bytes(4, "big")
    if kind == "str":
        data = value.encode("utf-8")
        return len(data).to_bytes(4, "big") + data
    if kind == "bytes":
        data = bytes.fromhex(value)
        return len(data).to_bytes(4, "big") + data
    assert kind == "ints"
    return len(value).to_bytes(4, "big") + b"".join(v.to_bytes(4, "big") for v in value)


def test_each_hash_vector_is_its_message_under_hmac() -> None:
    doc = json.loads((VECTORS / "hash/hash.json").read_text())
    tags = set()
    for case in doc["cases"]:
        message = bytes([int(case["tag"], 16)]) + b"".join(_field(f) for f in case["fields"])
        assert message.hex() == case["message"]
        key = bytes.fromhex(case["key"])
        if case["function"] == "H":
            assert hmac.new(key, message, hashlib.sha256).hexdigest() == case["output"]
        else:
            wide = int.from_bytes(hmac.new(key, message, hashlib.sha512).digest(), "little")
            assert (wide % ORDER).to_bytes(32, "little").hex() == case["output"]
        tags.add(case["tag"])
    assert len(tags) >= 14  # every tag of the spec's table but H_P's, which has its own entry
    generator = "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"
    fields = [
        ("str", "isoloir-e2e/1"),
        ("str", "ristretto255"),
        ("elem", generator),
        ("str", "HMAC-SHA-256/512"),
    ]
    message = b"\x00" + b"".join(_field({"type": t, "value": v}) for t, v in fields)
    assert hmac.new(bytes(32), message, hashlib.sha256).hexdigest() == doc["h_p"]


def test_each_ballot_vector_verifies_and_opens_from_its_nonce() -> None:
    doc = json.loads((VECTORS / "ballot/ballots.json").read_text())
    definition = parse_definition((VECTORS / "ballot" / doc["manifest"]).read_bytes())
    election = ElectionKey(
        Digest(bytes.fromhex(doc["election"]["h_e"])), Point(bytes.fromhex(doc["election"]["election_key"]))
    )
    kinds = set()
    for case in doc["cases"]:
        session = definition.session(case["session"])
        ballot = ballot_from_json(case["record_line"], case["session"], case["station"])
        assert verify_ballot(election, session, ballot) is None, case["name"]
        assert ballot.code.hex() == case["code"]
        context: BallotContext = ballot.context
        choices = {q: tuple(c) for q, c in case["choices"].items()}
        nonce = Digest(bytes.fromhex(case["nonce"]))
        assert open_checked(election, session, context, nonce, choices, ballot.code) is CheckOutcome.MATCH
        kinds |= {q.kind for q in session.questions}
    assert kinds == {"single", "multiple", "list"}
