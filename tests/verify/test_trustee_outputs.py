"""V3 and V10 on the producer's own ceremony and partial decryptions (data/trustees/README.md).

Threat: a trustee (or the administrator routing the files) publishes a commitment without knowing its
coefficient, a wrong election key or H_E, a wrong partial decryption, or a count from fewer than k
trustees; each must fail V3 or V10, while the producer's genuine files pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from isoloir_verify.b64 import b64decode, b64encode
from isoloir_verify.checks.base import h_b, h_m, h_p
from isoloir_verify.checks.ceremony import check_ceremony
from isoloir_verify.checks.decryptions import Keys, decryption_problems
from isoloir_verify.group import GENERATOR, Element, add
from isoloir_verify.record.ceremony import Ceremony, read_ceremony
from isoloir_verify.record.tally import Decryption

DATA = Path(__file__).parent / "data" / "trustees"


def _ceremony(body: dict[str, Any] | None = None) -> Ceremony:
    data = (DATA / "ceremony.json").read_bytes() if body is None else json.dumps(body).encode()
    return read_ceremony(data)


def _expected_h_b(ceremony: Ceremony) -> bytes:
    manifest = (DATA / "manifest.json").read_bytes()
    return h_b(h_p(), h_m(h_p(), manifest), ceremony.n, ceremony.k)


def test_the_producers_ceremony_passes_v3() -> None:
    ceremony = _ceremony()
    result = check_ceremony(ceremony, _expected_h_b(ceremony))
    assert result.ok, result.failures
    assert ceremony.h_m == h_m(h_p(), (DATA / "manifest.json").read_bytes())


def _edited(edit: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((DATA / "ceremony.json").read_text())
    trustee = body["trustees"][1]
    if edit == "proof":
        trustee["proofs"][0] = trustee["proofs"][0][::-1]
    elif edit == "commitment":
        trustee["commitments"][1] = body["trustees"][0]["commitments"][1]
    elif edit == "key":
        body["election_key"] = trustee["commitments"][0]
    elif edit == "h_e":
        body["h_e"] = body["h_c"]
    elif edit == "numbering":
        trustee["index"] = 4
    elif edit == "identity":
        trustee["commitments"][0] = b64encode(bytes(32))
    elif edit == "dealer":
        body["mode"] = "dealer"
    elif edit == "shared-identity-key":
        trustee["identity_key"] = body["trustees"][0]["identity_key"]
    elif edit == "false-reveal":
        trustee["complaints"] = [{"by": 1, "reason": "feldman", "reveal": b64encode(bytes(32))}]
    elif edit == "self-complaint":
        trustee["complaints"] = [
            {"by": trustee["index"], "reason": "feldman", "reveal": b64encode(bytes(32))}
        ]
    return body


EDITS = ["proof", "commitment", "key", "h_e", "numbering", "identity", "dealer", "shared-identity-key"]


@pytest.mark.parametrize("edit", [*EDITS, "false-reveal", "self-complaint"])
def test_a_changed_ceremony_fails_v3(edit: str) -> None:
    ceremony = _ceremony(_edited(edit))
    assert not check_ceremony(ceremony, _expected_h_b(ceremony)).ok


def test_another_manifest_fails_v3_through_h_b() -> None:
    ceremony = _ceremony()
    other = h_b(h_p(), h_m(h_p(), b'{"id": "x"}'), ceremony.n, ceremony.k)
    assert not check_ceremony(ceremony, other).ok


def _decryptions(edit: str = "") -> list[Decryption]:
    out = []
    for ell in (1, 3):
        body = json.loads((DATA / f"partial-{ell}.json").read_text())
        shares = [p["M"] for p in body["partials"]]
        if edit == "share" and ell == 3:
            shares[0] = b64encode(add(Element(b64decode(shares[0])), GENERATOR))
        row = {"trustee": ell, "shares": shares, "proofs": [[p["c"], p["v"]] for p in body["partials"]]}
        out.append(Decryption.model_validate_json(json.dumps(row)))
    return out


def _ciphertexts() -> list[tuple[Element, Element]]:
    request = json.loads((DATA / "request.json").read_text())
    return [(Element(b64decode(c["A"])), Element(b64decode(c["B"]))) for c in request["ciphertexts"]]


def test_the_producers_partial_decryptions_pass_v10() -> None:
    keys = Keys(_ceremony())
    for ell in (1, 3):
        published = json.loads((DATA / f"partial-{ell}.json").read_text())["K_l"]
        assert keys.by_trustee[ell] == b64decode(published)
    assert decryption_problems(keys, keys.ceremony.h_e, _ciphertexts(), _decryptions(), [5, 0], 10) == []


def test_a_wrong_count_a_wrong_share_or_k_minus_1_trustees_fail_v10() -> None:
    keys = Keys(_ceremony())
    h_e, cts = keys.ceremony.h_e, _ciphertexts()
    assert "K^t ≠ T" in decryption_problems(keys, h_e, cts, _decryptions(), [4, 0], 10)[0]
    assert "K^t ≠ T" in decryption_problems(keys, h_e, cts, _decryptions(), [5, 0], 4)[0]  # above the bound
    assert "trustee 3" in decryption_problems(keys, h_e, cts, _decryptions("share"), [5, 0], 10)[0]
    assert "k = 2" in decryption_problems(keys, h_e, cts, _decryptions()[:1], [5, 0], 10)[0]
    twice = [_decryptions()[0], _decryptions()[0]]
    assert "twice" in decryption_problems(keys, h_e, cts, twice, [5, 0], 10)[0]
