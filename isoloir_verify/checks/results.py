"""V12: what can be re-derived from the decrypted totals under docs/e2e-spec.md as written.

Blank counts follow §9.1 (1-of-n and list: total weight − Σ option totals; `multiple` with a flag: the
flag's total; without: 0). results.json and the tally's seats are *draft* in §10 (no field list, no
outcome or seat rule written down), so they cannot be re-derived from the spec: the check says so
and fails rather than guessing what the producer meant.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from isoloir_verify.hashing import H, enc_bytes, enc_str
from isoloir_verify.record.manifest import Manifest
from isoloir_verify.record.tally import Tally
from isoloir_verify.report import CheckResult

TAG_LOT: Final = 0x40
RESULTS_UNSPECIFIED: Final = (
    "results.json not re-derived: docs/e2e-spec.md §10 gives it no fields yet (draft), "
    "nor the outcome and seat rules"
)


def lot_rank(h_e: bytes, session: str, question: str, seed: bytes, list_id: str) -> bytes:
    """Tied lists rank by this hash ascending bytewise; the first wins (spec §9.3)."""
    return H(h_e, TAG_LOT, enc_str(session), enc_str(question), enc_bytes(seed), enc_str(list_id))


def check_results(root: Path, manifest: Manifest, tallies: dict[str, Tally], ballots: int) -> CheckResult:
    result = CheckResult("V12")
    for session_id, tally in sorted(tallies.items()):
        session = manifest.sessions_by_id.get(session_id)
        if session is None or len(tally.questions) != len(session.questions):
            continue  # V9 reports it
        for question, tq in zip(session.questions, tally.questions, strict=True):
            result.count()
            totals = [sum(a.values[oi] for a in tq.aggregates) for oi in range(question.ciphertexts)]
            weight = sum(a.bound for a in tq.aggregates)
            if question.has_blank_flag:
                blank = totals[-1]
            elif question.kind == "multiple":
                blank = 0
            else:
                blank = weight - sum(totals)
            if tq.blank != blank:
                result.fail(f"{session_id}/{question.id}: blank {tq.blank}, the totals give {blank}")
    if (root / "results.json").exists() or tallies or ballots:
        result.fail(RESULTS_UNSPECIFIED)
    return result
