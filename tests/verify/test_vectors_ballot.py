"""The producer's exact ballots, checked and opened by the verifier's own code (spec §5–§7).

Threat: a booth that encrypts, proves or codes a ballot differently from the spec (or a verifier
that checks something else): the producer's record lines must pass every V5 check here, open from
their ξ_B to the same ciphertexts and code (V8), and fail once a single value is changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from isoloir_verify.b64 import b64encode
from isoloir_verify.ballot_proofs import (
    ballot_context,
    confirmation_code,
    encryption_nonce,
    plaintext_for,
    question_digest,
    reencrypt,
)
from isoloir_verify.checks.base import h_b, h_m, h_p
from isoloir_verify.checks.cast import crypto_problems
from isoloir_verify.checks.ceremony import h_c, h_e
from isoloir_verify.checks.checked import choice_problem
from isoloir_verify.decryption import verification_key
from isoloir_verify.group import Element, decode_element, product
from isoloir_verify.record.ballots import CastBallot
from isoloir_verify.record.manifest import Manifest
from isoloir_verify.shards import Facts


def _load(vectors: Path) -> tuple[dict[str, Any], bytes, Manifest]:
    body = json.loads((vectors / "ballot" / "ballots.json").read_text())
    manifest_bytes = (vectors / "ballot" / body["manifest"]).read_bytes()
    return body, manifest_bytes, Manifest.model_validate_json(manifest_bytes)


def _facts(body: dict[str, Any], manifest_bytes: bytes) -> Facts:
    e = body["election"]
    return Facts(bytes.fromhex(e["h_e"]), Element(bytes.fromhex(e["election_key"])), manifest_bytes)


def test_the_election_hashes_and_keys_recompute(vectors: Path) -> None:
    body, manifest_bytes, _ = _load(vectors)
    e = body["election"]
    commitments = [[decode_element(bytes.fromhex(c)) for c in row] for row in e["commitments"]]
    assert h_p().hex() == e["h_p"]
    assert h_m(h_p(), manifest_bytes).hex() == e["h_m"]
    assert h_b(h_p(), h_m(h_p(), manifest_bytes), e["n"], e["k"]).hex() == e["h_b"]
    assert h_c(bytes.fromhex(e["h_b"]), commitments).hex() == e["h_c"]
    key = product([row[0] for row in commitments])
    assert key.hex() == e["election_key"]
    assert h_e(bytes.fromhex(e["h_b"]), key, bytes.fromhex(e["h_c"])).hex() == e["h_e"]
    for ell, share in enumerate(e["public_shares"], start=1):
        assert verification_key(commitments, ell).hex() == share


def test_every_record_line_passes_v5_and_opens_from_its_nonce(vectors: Path) -> None:
    body, manifest_bytes, manifest = _load(vectors)
    facts = _facts(body, manifest_bytes)
    assert body["cases"]
    for case in body["cases"]:
        session = manifest.sessions_by_id[case["session"]]
        line = CastBallot.model_validate_json(json.dumps(case["record_line"]))
        assert crypto_problems(facts, session, case["station"], line) == [], case["name"]
        ctx = ballot_context(facts.h_e, session.id, case["station"], line.group, line.weight, line.voter)
        assert ctx.hex() == case["ctx"]
        cts = [[(Element(a), Element(b)) for a, b in q.ct] for q in line.questions]
        digests = [question_digest(facts.h_e, ctx, qi, facts.key, row) for qi, row in enumerate(cts)]
        assert [d.hex() for d in digests] == case["question_digests"]
        assert confirmation_code(facts.h_e, ctx, digests).hex() == case["code"]
        # The Benaloh opening: choices valid, plaintext, every nonce, the same ciphertexts.
        for question in session.questions:
            assert choice_problem(question, case["choices"][question.id]) is None
        plaintext = plaintext_for(session.questions, case["choices"])
        assert plaintext.hex() == case["plaintext"]
        nonce = bytes.fromhex(case["nonce"])
        nonces = [
            [
                encryption_nonce(facts.h_e, nonce, ctx, qi, oi).to_bytes(32, "little").hex()
                for oi in range(len(row))
            ]
            for qi, row in enumerate(cts)
        ]
        assert nonces == case["encryption_nonces"]
        assert reencrypt(facts.h_e, facts.key, nonce, ctx, session.questions, plaintext) == cts


def _mutated(case: dict[str, Any], edit: str) -> dict[str, Any]:
    line = json.loads(json.dumps(case["record_line"]))
    q0 = line["questions"][0]
    if edit == "swap-proofs":
        q0["p"][0], q0["p"][1] = q0["p"][1], q0["p"][0]
    elif edit == "swap-ciphertexts":
        q0["ct"][0], q0["ct"][1] = q0["ct"][1], q0["ct"][0]
    elif edit == "other-weight":
        line["weight"] += 1
    elif edit == "other-code":
        line["code"] = b64encode(bytes(32))
    elif edit == "question-proof-from-another-question":
        line["questions"][0]["sp"] = line["questions"][-1]["sp"][: len(q0["sp"])]
    return line


@pytest.mark.parametrize(
    "edit",
    ["swap-proofs", "swap-ciphertexts", "other-weight", "other-code", "question-proof-from-another-question"],
)
def test_one_changed_value_fails_v5(vectors: Path, edit: str) -> None:
    body, manifest_bytes, manifest = _load(vectors)
    facts = _facts(body, manifest_bytes)
    case = body["cases"][0]
    session = manifest.sessions_by_id[case["session"]]
    line = CastBallot.model_validate_json(json.dumps(_mutated(case, edit)))
    assert crypto_problems(facts, session, case["station"], line) != []
    # The same line in another booth: its context changes, so every proof and the code fail.
    other = "booth-2" if case["station"] == "booth-1" else "booth-1"
    original = CastBallot.model_validate_json(json.dumps(case["record_line"]))
    assert len(crypto_problems(facts, session, other, original)) > 1
