"""Tally and recorded files for the record laid out from the vectors (tests only; NOT independent).

The vectors hold no tally, so this test helper makes one, from the vectors' published test-only
trustee coefficients, to exercise the verifier's V9–V12 plumbing (files, groups, weights, recorded
votes) end to end. It uses the verifier's group shim and hash, so it proves nothing about agreement
with the producer: that is shown for decryptions by test_trustee_outputs.py (the producer's own
partials) and for ballots by test_vectors_ballot.py. The counts come from the vectors' plaintexts,
not from a decryption.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from isoloir_verify.b64 import b64decode, b64encode
from isoloir_verify.decryption import verification_key
from isoloir_verify.group import IDENTITY, Element, Q, add, base_mul, decode_element, mul
from isoloir_verify.hashing import Hq, enc_element, enc_int
from isoloir_verify.record.manifest import Manifest

TRUSTEES = (1, 2)  # k = 2 of the vectors' 3
RNG = random.Random(1409)


def _share(coefficients: list[list[int]], ell: int) -> int:
    return sum(a * pow(ell, j, Q) for row in coefficients for j, a in enumerate(row)) % Q


def _decrypt(
    h_e: bytes,
    key: Element,
    keys: dict[int, Element],
    shares: dict[int, int],
    cts: list[tuple[Element, Element]],
) -> list[dict[str, Any]]:
    out = []
    for ell in TRUSTEES:
        row: dict[str, Any] = {"trustee": ell, "shares": [], "proofs": []}
        for a, b in cts:
            m = mul(a, shares[ell])
            u = RNG.randrange(Q)
            fields = [enc_int(ell)] + [
                enc_element(x) for x in (keys[ell], key, a, b, m, base_mul(u), mul(a, u))
            ]
            c = Hq(h_e, 0x30, *fields)
            row["shares"].append(b64encode(m))
            row["proofs"].append(
                [
                    b64encode(c.to_bytes(32, "little")),
                    b64encode(((u - c * shares[ell]) % Q).to_bytes(32, "little")),
                ]
            )
        out.append(row)
    return out


def add_tally(vectors: Path, root: Path, body: dict[str, Any]) -> None:
    e = body["election"]
    coefficients = [
        [int.from_bytes(bytes.fromhex(a), "little") for a in row] for row in e["coefficients_test_only"]
    ]
    commitments = [[decode_element(bytes.fromhex(c)) for c in row] for row in e["commitments"]]
    keys = {ell: verification_key(commitments, ell) for ell in TRUSTEES}
    shares = {ell: _share(coefficients, ell) for ell in TRUSTEES}
    h_e, key = bytes.fromhex(e["h_e"]), Element(bytes.fromhex(e["election_key"]))
    manifest = Manifest.model_validate_json((root / "manifest.json").read_bytes())
    plaintexts = {c["record_line"]["code"]: bytes.fromhex(c["plaintext"]) for c in body["cases"]}
    for session in manifest.sessions:
        files = sorted((root / "ballots" / session.id).glob("*.jsonl"))
        ballots = [json.loads(line) for f in files for line in f.read_text().splitlines()[1:]]
        if not ballots:
            continue
        tally_questions = []
        position = 0
        for qi, question in enumerate(session.questions):
            n = question.ciphertexts
            aggregates = []
            for group in sorted({b["group"] for b in ballots}):
                members = [b for b in ballots if b["group"] == group]
                cts = []
                for oi in range(n):
                    a, bb = IDENTITY, IDENTITY
                    for ballot in members:
                        alpha, beta = (Element(b64decode(x)) for x in ballot["questions"][qi]["ct"][oi])
                        a, bb = add(a, mul(alpha, ballot["weight"])), add(bb, mul(beta, ballot["weight"]))
                    cts.append((a, bb))
                values = [
                    sum(b["weight"] * plaintexts[b["code"]][position + oi] for b in members)
                    for oi in range(n)
                ]
                aggregates.append(
                    {
                        "group": group,
                        "ct": [[b64encode(a), b64encode(bb)] for a, bb in cts],
                        "bound": sum(b["weight"] for b in members),
                        "decryptions": _decrypt(h_e, key, keys, shares, cts),
                        "values": values,
                    }
                )
            total = [sum(a["values"][oi] for a in aggregates) for oi in range(n)]
            weight = sum(a["bound"] for a in aggregates)
            blank = (
                total[-1]
                if question.has_blank_flag
                else 0
                if question.kind == "multiple"
                else weight - sum(total)
            )
            tally_questions.append({"question": question.id, "aggregates": aggregates, "blank": blank})
            position += n
        tally = {"format": "isoloir-record/1 tally", "session": session.id, "questions": tally_questions}
        tally |= {"lot_seed": None, "seats": None}
        (root / "tally").mkdir(exist_ok=True)
        (root / "tally" / f"{session.id}.json").write_text(json.dumps(tally, indent=1))
        if session.mode == "recorded":
            _add_recorded(root, session.id, ballots, plaintexts, session, h_e, key, keys, shares)


def _add_recorded(
    root: Path,
    session_id: str,
    ballots: list[dict[str, Any]],
    plaintexts: dict[str, bytes],
    session: Any,
    h_e: bytes,
    key: Element,
    keys: dict[int, Element],
    shares: dict[int, int],
) -> None:
    rows = []
    for ballot in ballots:
        decryptions, values, position = [], [], 0
        for qi, question in enumerate(session.questions):
            cts = [(Element(b64decode(a)), Element(b64decode(b))) for a, b in ballot["questions"][qi]["ct"]]
            decryptions.append(_decrypt(h_e, key, keys, shares, cts))
            values.append(list(plaintexts[ballot["code"]][position : position + question.ciphertexts]))
            position += question.ciphertexts
        rows.append(
            {"voter": ballot["voter"], "code": ballot["code"], "decryptions": decryptions, "values": values}
        )
    header = {"format": "isoloir-record/1 recorded", "session": session_id}
    (root / "recorded").mkdir(exist_ok=True)
    text = "".join(json.dumps(r) + "\n" for r in [header, *rows])
    (root / "recorded" / f"{session_id}.jsonl").write_text(text)
