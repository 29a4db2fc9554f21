"""Writes the end-to-end test vectors under vectors/ (run again after changing the scheme; a test checks
that this script reproduces the committed files byte for byte).

vectors/group: RFC 9496's data plus seeded operations; vectors/hash: H and Hq for each tag and each
field type; vectors/ballot: fixed ξ_B → exact ciphertexts, proofs and code for each question kind. The
randomness is seeded here and only here: a second implementation reproduces every output from the
inputs written beside it. Spec: docs/e2e-spec.md.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.ballot.crypto.base_hashes import (  # noqa: E402
    base_hash,
    commitments_hash,
    election_key,
    extended_base_hash,
    manifest_hash,
    parameters_hash,
    trustee_public_share,
)
from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, ORDER, GroupError, Point, Scalar  # noqa: E402
from kiosk.ballot.crypto.hashing import Digest, Field, Tag, encode_fields, h, hq  # noqa: E402
from kiosk.ballot.definition import parse_definition  # noqa: E402
from kiosk.ballot.e2e_ballot import (  # noqa: E402
    BallotNonces,
    ElectionKey,
    question_digest,
    short_code,
    verify_ballot,
)
from kiosk.ballot.e2e_layout import BallotContext, plaintext_bytes, plaintext_vector  # noqa: E402
from kiosk.ballot.e2e_record import ballot_to_json  # noqa: E402
from kiosk.ballot.e2e_seal import encrypt_ballot  # noqa: E402

VECTORS = ROOT / "vectors"
SEED = 20261201  # any fixed value; changing it changes every generated vector
TRUSTEES, THRESHOLD = 3, 2
FORMAT = "isoloir-vectors/1"


def _hex(value: Point | Scalar | bytes) -> str:
    return value.encode().hex() if isinstance(value, Point | Scalar) else bytes(value).hex()


def _write(out: Path, name: str, doc: dict[str, Any]) -> None:
    path = out / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def group_vectors(rng: random.Random) -> dict[str, Any]:
    rfc = json.loads((VECTORS / "group/rfc9496.json").read_text())
    multiples = [GENERATOR ** Scalar(n) for n in range(16)]
    assert [_hex(p) for p in multiples] == rfc["generator_multiples"], "the group disagrees with RFC 9496"
    for bad in rfc["invalid_encodings"]:
        try:
            Point.decode(bytes.fromhex(bad))
        except GroupError:
            continue
        raise AssertionError(f"an invalid RFC 9496 encoding decoded: {bad}")
    scalars = [Scalar(0), Scalar(1), Scalar(ORDER - 1)] + [Scalar(rng.randrange(ORDER)) for _ in range(4)]
    points = [IDENTITY, GENERATOR] + [GENERATOR ** Scalar(rng.randrange(1, ORDER)) for _ in range(3)]
    return {
        "format": f"{FORMAT} group",
        "group": "ristretto255",
        "order": str(ORDER),
        "generator": _hex(GENERATOR),
        "identity": _hex(IDENTITY),
        "base_multiplication": [{"scalar": _hex(s), "result": _hex(GENERATOR**s)} for s in scalars],
        "multiplication": [
            {"point": _hex(p), "scalar": _hex(s), "result": _hex(p**s)} for p in points for s in scalars[:5]
        ],
        "operation": [
            {"a": _hex(a), "b": _hex(b), "product": _hex(a * b), "quotient": _hex(a / b)}
            for a in points
            for b in points
        ],
        "invalid_elements": rfc["invalid_encodings"],
        "valid_scalars": [_hex(s) for s in scalars[:3]],
        "invalid_scalars": [(n).to_bytes(32, "little").hex() for n in (ORDER, ORDER + 1, 2**256 - 1)],
    }


def _typed(field: Field) -> dict[str, Any]:
    if isinstance(field, Point):
        return {"type": "elem", "value": _hex(field)}
    if isinstance(field, Scalar):
        return {"type": "scalar", "value": _hex(field)}
    if isinstance(field, Digest):
        return {"type": "digest", "value": _hex(field)}
    if isinstance(field, bytes):
        return {"type": "bytes", "value": field.hex()}
    if isinstance(field, str):
        return {"type": "str", "value": field}
    if isinstance(field, tuple):
        return {"type": "ints", "value": list(field)}
    return {"type": "int", "value": field}


def hash_vectors(rng: random.Random) -> dict[str, Any]:
    def digest() -> Digest:
        return Digest(rng.randbytes(32))

    def elem() -> Point:
        return GENERATOR ** Scalar(rng.randrange(1, ORDER))

    key = digest()
    cases: list[tuple[Tag, bool, list[Field]]] = [
        (Tag.MANIFEST, False, [b'{"id": "x"}']),
        (Tag.BASE, False, [digest(), 3, 2]),
        (Tag.SCHNORR, True, [1, 0, elem(), elem()]),
        (Tag.COMMITMENTS, False, [elem(), elem()]),
        (Tag.EXTENDED_BASE, False, [elem(), digest()]),
        (Tag.NONCE, True, [digest(), digest(), "enc", 0, 2, 0]),
        (
            Tag.OPTION_PROOF,
            True,
            [digest(), 1, 2, elem(), elem(), elem(), (0, 1), *[elem() for _ in range(4)]],
        ),
        (
            Tag.QUESTION_PROOF,
            True,
            [digest(), 0, elem(), elem(), elem(), (1, 2, 3), *[elem() for _ in range(6)]],
        ),
        (Tag.QUESTION_DIGEST, False, [digest(), 4, elem(), elem(), IDENTITY]),
        (Tag.CODE, False, [digest(), digest(), digest()]),
        (Tag.CONTEXT, False, ["isoloir-ballot/2", "séance", "booth-1", "", 1, ""]),
        (Tag.CODE_SET, False, ["kinds", "booth-1", "cast", 2, digest(), digest()]),
        (Tag.DECRYPTION_PROOF, True, [2, elem(), elem(), elem(), elem(), elem(), elem(), elem()]),
        (Tag.LOT, False, ["kinds", "seats", b"\x00seed", "red"]),
        (Tag.CONTEXT, False, ["", "", b"", (), 2**32 - 1]),  # empty string, bytes and list; the largest int
        # last, so that the cases above keep their random draws
        (Tag.VOTER_SET, False, ["budget", "booth-1", 2, "v02", "v26"]),
    ]
    entries = []
    for tag, wide, fields in cases:
        output = hq(key, tag, *fields) if wide else h(key, tag, *fields)
        entries.append(
            {
                "tag": f"0x{tag:02x}",
                "function": "Hq" if wide else "H",
                "key": _hex(key),
                "fields": [_typed(f) for f in fields],
                "message": (bytes([tag]) + encode_fields(fields)).hex(),
                "output": _hex(output),
            }
        )
    return {"format": f"{FORMAT} hash", "h_p": _hex(parameters_hash()), "cases": entries}


def _election(rng: random.Random, manifest: bytes) -> tuple[ElectionKey, dict[str, Any]]:
    h_p = parameters_hash()
    h_m = manifest_hash(h_p, manifest)
    h_b = base_hash(h_p, h_m, TRUSTEES, THRESHOLD)
    coefficients = [[Scalar(rng.randrange(1, ORDER)) for _ in range(THRESHOLD)] for _ in range(TRUSTEES)]
    commitments = [[GENERATOR**a for a in row] for row in coefficients]
    key = election_key(commitments)
    h_c = commitments_hash(h_b, commitments, THRESHOLD)
    h_e = extended_base_hash(h_b, key, h_c)
    doc = {
        "n": TRUSTEES,
        "k": THRESHOLD,
        "coefficients_test_only": [[_hex(a) for a in row] for row in coefficients],
        "commitments": [[_hex(p) for p in row] for row in commitments],
        "public_shares": [_hex(trustee_public_share(commitments, ell)) for ell in range(1, TRUSTEES + 1)],
        "h_p": _hex(h_p),
        "h_m": _hex(h_m),
        "h_b": _hex(h_b),
        "h_c": _hex(h_c),
        "election_key": _hex(key),
        "h_e": _hex(h_e),
    }
    return ElectionKey(h_e, key), doc


BALLOT_CASES: list[tuple[str, BallotContext, dict[str, tuple[str, ...]]]] = [
    (
        "every kind, with choices",
        BallotContext("kinds", "booth-1"),
        {
            "motion": ("yes",),
            "chair": ("chloe",),
            "board": ("dan", "gus"),
            "panel": ("ivy",),
            "seats": ("red",),
        },
    ),
    (
        "every blank that is allowed",
        BallotContext("kinds", "booth-2"),
        {"motion": ("abstain",), "chair": (), "board": ("fay",), "panel": (), "seats": ()},
    ),
    (
        "the most choices",
        BallotContext("kinds", "booth-1", weight=3),
        {
            "motion": ("no",),
            "chair": ("ana",),
            "board": ("eve", "fay"),
            "panel": ("hal", "joe", "kim"),
            "seats": ("blue",),
        },
    ),
    (
        "a session counted by group",
        BallotContext("grouped", "booth-1", group="workers"),
        {"grouped-motion": ("yes",)},
    ),
    ("a recorded (named) vote", BallotContext("named", "booth-2", voter="v2"), {"named-motion": ("no",)}),
]


def ballot_vectors(rng: random.Random) -> dict[str, Any]:
    manifest = (VECTORS / "ballot/manifest.json").read_bytes()
    definition = parse_definition(manifest)
    election, election_doc = _election(rng, manifest)
    cases = []
    for name, context, selections in BALLOT_CASES:
        session = definition.session(context.session)
        nonce = Digest(rng.randbytes(32))
        ballot = encrypt_ballot(election, session, context, selections, nonce)
        assert verify_ballot(election, session, ballot) is None
        plaintext = plaintext_vector(session, selections)
        ctx = context.digest(election.extended_hash)
        nonces = BallotNonces(election.extended_hash, nonce, ctx)
        cases.append(
            {
                "name": name,
                "session": context.session,
                "station": context.station,
                "ctx": _hex(ctx),
                "nonce": _hex(nonce),
                "choices": {q: list(c) for q, c in selections.items()},
                "plaintext": plaintext_bytes(plaintext).hex(),
                "encryption_nonces": [
                    [_hex(nonces("enc", qi, oi, 0)) for oi in range(len(values))]
                    for qi, values in enumerate(plaintext)
                ],
                "question_digests": [
                    _hex(question_digest(election, ctx, qi, q.ciphertexts))
                    for qi, q in enumerate(ballot.questions)
                ],
                "code": _hex(ballot.code),
                "short_code": short_code(ballot.code),
                "record_line": ballot_to_json(ballot),
            }
        )
    return {
        "format": f"{FORMAT} ballot",
        "manifest": "manifest.json",
        "election": election_doc,
        "cases": cases,
    }


def write_vectors(out: Path) -> None:
    rng = random.Random(SEED)
    _write(out, "group/elements.json", group_vectors(rng))
    _write(out, "hash/hash.json", hash_vectors(rng))
    _write(out, "ballot/ballots.json", ballot_vectors(rng))


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--records"]
    target = Path(arguments[0]) if arguments else VECTORS
    write_vectors(target)
    if "--records" in sys.argv[1:]:
        from record_vectors import write_records  # scripts/, beside this file

        write_records(target)
