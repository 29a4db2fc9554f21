"""The order the checks run in, what each passes to the next, and the guard around each.

Later checks use the values the record publishes (H_B, H_E, K) and earlier checks test those values,
so one fault fails the check that names it rather than every check downstream.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

from isoloir_verify.checks.base import check_base_hashes, check_parameters
from isoloir_verify.checks.ceremony import check_ceremony
from isoloir_verify.executors import Executor
from isoloir_verify.record.ceremony import Ceremony
from isoloir_verify.record.parameters import Parameters
from isoloir_verify.record.reader import RecordError, load, read_bytes
from isoloir_verify.report import CHECK_IDS, CheckResult, Report

NOT_YET = "not verified: this verifier does not implement this check yet"


def _guarded(check: str, step: Callable[[], CheckResult]) -> CheckResult:
    """A record fault fails the check by name; a bug in the verifier fails it too, never passes."""
    try:
        return step()
    except RecordError as err:
        result = CheckResult(check)
        result.fail(str(err))
        return result
    except Exception as err:
        result = CheckResult(check)
        result.fail(f"internal error ({type(err).__name__}: {err}); {traceback.format_exc(limit=1)!r}")
        return result


class _Run:
    def __init__(self, root: Path, executor: Executor) -> None:
        self.root = root
        self.executor = executor
        self.results: dict[str, CheckResult] = {}
        self.parameters: Parameters | None = None
        self.ceremony: Ceremony | None = None
        self.h_b: bytes | None = None

    def v1(self) -> CheckResult:
        self.parameters = load(self.root, "parameters.json", Parameters)
        return check_parameters(self.parameters)

    def v2(self) -> CheckResult:
        if self.parameters is None:
            raise RecordError("parameters.json could not be read (V1), so H_P is unknown")
        manifest = read_bytes(self.root, "manifest.json")
        self.ceremony = load(self.root, "ceremony.json", Ceremony)
        result, hashes = check_base_hashes(
            self.parameters.H_P, manifest, self.ceremony.n, self.ceremony.k, self.ceremony.H_B
        )
        self.h_b = hashes.h_b
        return result

    def v3(self) -> CheckResult:
        ceremony = self.ceremony or load(self.root, "ceremony.json", Ceremony)
        return check_ceremony(ceremony, self.h_b)

    def run(self) -> Report:
        steps: dict[str, Callable[[], CheckResult]] = {"V1": self.v1, "V2": self.v2, "V3": self.v3}
        for check in CHECK_IDS:
            step = steps.get(check)
            self.results[check] = _guarded(check, step) if step else _not_yet(check)
        return Report(str(self.root), self.results)


def _not_yet(check: str) -> CheckResult:
    result = CheckResult(check)
    result.fail(NOT_YET)
    return result


def verify(root: Path, executor: Executor) -> Report:
    return _Run(root, executor).run()
