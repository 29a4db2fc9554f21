"""scripts/mutate_record.py's broken records each fail the check their expected.json names.

Threat: the faults of E2E.md §13 (a copied or identity α, a ballot encrypting 2, swapped proofs, a
missing mark, a lied weight, a checked ballot counted or opened to other choices, a wrong H_E or
Schnorr proof, a tampered aggregate, a wrong share or count, k−1 trustees, an altered recorded vote)
slip past the verifier. Run over the record laid out from the producer's vectors, with the test tally.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from isoloir_verify.executors import Serial
from isoloir_verify.runner import verify
from tests.verify.vector_record import build
from tests.verify.vector_tally import add_tally

REPO = Path(__file__).resolve().parents[2]
MADE = {
    "wrong-h-e",
    "bad-schnorr",
    "non-canonical-point",
    "alpha-identity",
    "option-encrypts-2",
    "proofs-swapped",
    "ballots-not-marks",
    "weight-lied",
    "checked-plaintext-wrong",
    "checked-counted",
    "aggregate-tampered",
    "wrong-share",
    "k-minus-one",
    "wrong-t",
    "recorded-altered",
    "voters-not-marks",
}


def test_every_broken_record_fails_its_named_check(vectors: Path, tmp_path: Path) -> None:
    add_tally(vectors, tmp_path / "good", build(vectors, tmp_path / "good"))
    script = REPO / "scripts" / "mutate_record.py"
    subprocess.run([sys.executable, str(script), str(tmp_path / "good"), str(tmp_path / "bad")], check=True)
    made = {p.name.removeprefix("bad-"): p for p in sorted((tmp_path / "bad").iterdir())}
    assert set(made) >= MADE
    for name, record in made.items():
        expected = json.loads((record / "expected.json").read_text())["fails"]
        result = verify(record, Serial()).results[expected]
        assert not result.ok, f"bad-{name} passed {expected}"
