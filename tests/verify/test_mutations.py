"""scripts/mutate_record.py's broken records each fail the check their expected.json names.

Threat: the faults of E2E.md §13 (a copied or identity α, a ballot encrypting 2, swapped proofs, a
missing mark, a lied weight, a checked ballot counted or opened to other choices, a wrong H_E or
Schnorr proof) slip past the verifier. Run over the record laid out from the producer's vectors; the
faults that need a tally are made when a good record has one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from isoloir_verify.executors import Serial
from isoloir_verify.runner import verify
from tests.verify.vector_record import build

REPO = Path(__file__).resolve().parents[2]
MADE_WITHOUT_A_TALLY = {
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
}


def test_every_broken_record_fails_its_named_check(vectors: Path, tmp_path: Path) -> None:
    build(vectors, tmp_path / "good")
    script = REPO / "scripts" / "mutate_record.py"
    subprocess.run([sys.executable, str(script), str(tmp_path / "good"), str(tmp_path / "bad")], check=True)
    made = {p.name.removeprefix("bad-"): p for p in sorted((tmp_path / "bad").iterdir())}
    assert set(made) >= MADE_WITHOUT_A_TALLY
    for name, record in made.items():
        expected = json.loads((record / "expected.json").read_text())["fails"]
        result = verify(record, Serial()).results[expected]
        assert not result.ok, f"bad-{name} passed {expected}"
