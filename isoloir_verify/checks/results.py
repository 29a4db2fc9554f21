"""V12: what is re-derived from the decrypted totals (docs/e2e-spec.md §9.1, §10.3).

Blank counts follow §9.1 (1-of-n and list: total weight − Σ option totals; `multiple` with a flag: the
flag's total; without: 0). results.json (§10.3) is re-derived whole: per session of the manifest its
cast ballots, per question its blank and each option's votes (the sum over groups of its decrypted
total). Outcomes (majority, quorum) and seats are not in the record (§10.3): the tally's `seats` must
be null, and nothing here vouches for an outcome printed elsewhere.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from isoloir_verify.hashing import H, enc_bytes, enc_str
from isoloir_verify.record.manifest import Manifest
from isoloir_verify.record.reader import RecordError, read_bytes
from isoloir_verify.record.tally import Tally
from isoloir_verify.report import CheckResult

TAG_LOT: Final = 0x40
RESULTS_FORMAT: Final = "isoloir-record/1 results"


def lot_rank(h_e: bytes, session: str, question: str, seed: bytes, list_id: str) -> bytes:
    """Tied lists rank by this hash ascending bytewise; the first wins (spec §9.3)."""
    return H(h_e, TAG_LOT, enc_str(session), enc_str(question), enc_bytes(seed), enc_str(list_id))


def check_results(
    root: Path, manifest: Manifest, tallies: dict[str, Tally], ballots: dict[str, int]
) -> CheckResult:
    result = CheckResult("V12")
    sessions = []
    for session in manifest.sessions:
        tally = tallies.get(session.id)
        if tally is not None and len(tally.questions) != len(session.questions):
            continue  # V9 reports it
        if tally is not None and tally.seats is not None:
            result.fail(f"tally/{session.id}.json: seats are not in the record (§10.3), they must be null")
        questions = []
        for qi, question in enumerate(session.questions):
            result.count()
            tq = tally.questions[qi] if tally is not None else None
            totals = (
                [sum(a.values[oi] for a in tq.aggregates) for oi in range(question.ciphertexts)] if tq else []
            )
            weight = sum(a.bound for a in tq.aggregates) if tq else 0
            blank = _blank(question, totals, weight) if tq else 0
            if tq is not None and tq.blank != blank:
                result.fail(f"{session.id}/{question.id}: blank {tq.blank}, the totals give {blank}")
            options = [
                {"id": c, "votes": totals[oi] if totals else 0} for oi, c in enumerate(question.choices)
            ]
            questions.append({"id": question.id, "blank": blank, "options": options})
        sessions.append({"id": session.id, "ballots": ballots.get(session.id, 0), "questions": questions})
    expected = {"format": RESULTS_FORMAT, "election": manifest.id, "sessions": sessions}
    try:
        published: Any = json.loads(read_bytes(root, "results.json"))
    except (RecordError, json.JSONDecodeError, UnicodeDecodeError) as err:
        result.fail(f"results.json cannot be read: {err}")
        return result
    result.count()
    if published != expected:
        where = _first_difference(published, expected)
        result.fail(f"results.json differs from the counts re-derived from the decryptions{where}")
    return result


def _blank(question: Any, totals: list[int], weight: int) -> int:
    if question.has_blank_flag:
        return totals[-1]
    if question.kind == "multiple":
        return 0
    return weight - sum(totals)


def _first_difference(published: Any, expected: dict[str, Any]) -> str:
    if not isinstance(published, dict) or published.get("format") != RESULTS_FORMAT:
        return f" (not an {RESULTS_FORMAT} file)"
    for mine, theirs in zip(expected["sessions"], published.get("sessions") or [], strict=False):
        if mine != theirs:
            return f" (first in session {mine['id']!r})"
    listed = published.get("sessions") or []
    if len(listed) != len(expected["sessions"]):
        return f" (it lists {len(listed)} session(s), the manifest {len(expected['sessions'])})"
    return ""
