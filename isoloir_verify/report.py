"""One result per check id, the lines the verifier prints, and the JSON report.

A check passes only when it ran, found no failure and checked what it had to; a check this verifier
cannot run (a missing file, a part of the spec not yet written) fails by name: no check is optional
(E2E.md §15.4, the College Park verifier that skipped checks).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

REPORT_FORMAT: Final = "isoloir-verify-report/1"
# Failures kept per check: enough to find the fault, not a second copy of a broken record.
MAX_FAILURES_KEPT: Final = 20

CHECK_TITLES: Final = {
    "V1": "parameters and H_P",
    "V2": "H_M over the manifest bytes, H_B",
    "V3": "key ceremony: commitments, Schnorr proofs, K, H_C, H_E",
    "V4": "record signature, booths' chain of trust, sealed manifests and code sets",
    "V5": "cast ballots: elements, proofs, codes, contexts",
    "V6": "codes unique, α unique across the election",
    "V7": "ballots = marks, eligible voters, weights and groups",
    "V8": "checked ballots: recomputed, not cast",
    "V9": "aggregates and weighted aggregates",
    "V10": "decryptions: trustee proofs, k trustees, Lagrange, K^t = T",
    "V11": "recorded votes",
    "V12": "results.json re-derived: ballots, blanks, votes (outcomes and seats are not in the record)",
}
CHECK_IDS: Final = tuple(CHECK_TITLES)


@dataclass
class CheckResult:
    check: str
    checked: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failed += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(message)

    def count(self, n: int = 1) -> None:
        self.checked += n

    def merge(self, other: CheckResult) -> None:
        self.checked += other.checked
        self.failed += other.failed
        room = MAX_FAILURES_KEPT - len(self.failures)
        self.failures.extend(other.failures[: max(room, 0)])

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def line(self) -> str:
        title = CHECK_TITLES[self.check]
        if self.ok:
            return f"{self.check:<4} ok    {title}: {self.checked} checked"
        first = self.failures[0] if self.failures else "failed"
        return f"{self.check:<4} FAIL  {title}: {self.failed} failed, {self.checked} checked; {first}"


@dataclass
class Report:
    record: str
    results: dict[str, CheckResult]

    @property
    def ok(self) -> bool:
        return all(self.results[c].ok for c in CHECK_IDS)

    def lines(self) -> list[str]:
        return [self.results[c].line() for c in CHECK_IDS]

    def write_json(self, path: Path) -> None:
        body = {
            "format": REPORT_FORMAT,
            "record": self.record,
            "ok": self.ok,
            "checks": [
                {
                    "id": c,
                    "title": CHECK_TITLES[c],
                    "ok": self.results[c].ok,
                    "checked": self.results[c].checked,
                    "failed": self.results[c].failed,
                    "failures": self.results[c].failures,
                }
                for c in CHECK_IDS
            ],
        }
        path.write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
