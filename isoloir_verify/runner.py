"""The order the checks run in, what each passes to the next, and the guard around each.

Later checks use the values the record publishes (H_B, H_E, K) and earlier checks test those values,
so one fault fails the check that names it rather than every check downstream.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from isoloir_verify.checks.base import check_base_hashes, check_parameters
from isoloir_verify.checks.cast import CastOutcome, piece_alphas
from isoloir_verify.checks.ceremony import check_ceremony
from isoloir_verify.checks.checked import CheckedOutcome
from isoloir_verify.checks.decryptions import Keys, decryption_problems
from isoloir_verify.checks.election import check_aggregates, check_marks, check_unique
from isoloir_verify.checks.index import check_booths, check_index
from isoloir_verify.checks.marks import MarksOutcome, check_signed_lists, hall_stations, read_booth_files
from isoloir_verify.checks.recorded import check_recorded
from isoloir_verify.checks.results import check_results
from isoloir_verify.checks.unique import prefix
from isoloir_verify.executors import Executor
from isoloir_verify.group import Element
from isoloir_verify.jobs import Job, run_job
from isoloir_verify.record.addenda import Amended, amended_manifest
from isoloir_verify.record.ceremony import Ceremony, read_ceremony
from isoloir_verify.record.layout import booth_files, open_booth_file
from isoloir_verify.record.manifest import Manifest
from isoloir_verify.record.parameters import Parameters
from isoloir_verify.record.reader import RecordError, load, parse, read_bytes
from isoloir_verify.record.tally import Tally
from isoloir_verify.report import CHECK_IDS, CheckResult, Report
from isoloir_verify.shards import Facts, Piece, plan_pieces

KIND_CHECK = {"ballots": "V5", "checked": "V8", "marks": "V7"}


def _failed(check: str, message: str) -> CheckResult:
    result = CheckResult(check)
    result.fail(message)
    return result


def _guarded(check: str, step: Callable[[], CheckResult]) -> CheckResult:
    """A record fault fails the check by name; a bug in the verifier fails it too, never passes."""
    try:
        return step()
    except RecordError as err:
        return _failed(check, str(err))
    except Exception as err:
        return _failed(
            check, f"internal error ({type(err).__name__}: {err}) {traceback.format_exc(limit=2)!r}"
        )


class _Run:
    def __init__(self, root: Path, executor: Executor, authority_key: bytes | None) -> None:
        self.root = root
        self.executor = executor
        self.authority_key = authority_key
        self.results: dict[str, CheckResult] = {}
        self.parameters: Parameters | None = None
        self.manifest_bytes = b""
        self.manifest: Manifest | None = None
        self.amended = Amended(b"", frozenset(), 0)
        self.ceremony: Ceremony | None = None
        self.h_b: bytes | None = None
        self.cast: list[CastOutcome] = []
        self.checked: list[CheckedOutcome] = []
        self.cast_pieces: list[Piece] = []
        self.marks: list[MarksOutcome] = []
        self.file_faults: dict[str, CheckResult] = {c: CheckResult(c) for c in KIND_CHECK.values()}
        self.tallies: dict[str, Tally] = {}
        self.tally_faults = CheckResult("V9")

    # V1–V3: the election's constants.
    def v1(self) -> CheckResult:
        self.parameters = load(self.root, "parameters.json", Parameters)
        return check_parameters(self.parameters)

    def v2(self) -> CheckResult:
        if self.parameters is None:
            raise RecordError("parameters.json could not be read (V1), so H_P is unknown")
        c = self._ceremony()
        result, hashes = check_base_hashes(
            self.parameters.h_p, self._manifest_bytes(), c.n, c.k, c.h_m, c.h_b
        )
        self.h_b = hashes.h_b
        return result

    def v3(self) -> CheckResult:
        return check_ceremony(self._ceremony(), self.h_b)

    def _ceremony(self) -> Ceremony:
        if self.ceremony is None:
            self.ceremony = read_ceremony(read_bytes(self.root, "ceremony.json"))
        return self.ceremony

    def _manifest_bytes(self) -> bytes:
        if not self.manifest_bytes:
            self.manifest_bytes = read_bytes(self.root, "manifest.json")
        return self.manifest_bytes

    def _manifest(self) -> Manifest:
        """The manifest as amended by the record's addenda (§10.4): what every check reads."""
        if self.manifest is None:
            self.amended = amended_manifest(self.root, self._manifest_bytes(), self.authority_key)
            self.manifest = parse(Manifest, self.amended.manifest, "manifest.json")
        return self.manifest

    # The booth files, through the executor.
    def pieces(self) -> None:
        ceremony, manifest = self._ceremony(), self._manifest()
        del manifest  # parsed here so that a bad manifest fails before any piece is sent
        facts = Facts(ceremony.h_e, ceremony.key, self.amended.manifest, self._hall())
        jobs = []
        for kind, check in KIND_CHECK.items():
            for relative in booth_files(self.root, kind):
                try:
                    booth = open_booth_file(self.root, kind, relative)
                except RecordError as err:
                    self.file_faults[check].fail(str(err))
                    continue
                for piece in plan_pieces(self.root, relative, booth.session, booth.station, booth.body_start):
                    jobs.append(Job(kind, piece, facts))  # type: ignore[arg-type]
        self.cast_pieces = [job.piece for job in jobs if job.kind == "ballots"]
        for outcome in self.executor.map(run_job, jobs):
            if isinstance(outcome, CastOutcome):
                self.cast.append(outcome)
            elif isinstance(outcome, CheckedOutcome):
                self.checked.append(outcome)
            else:
                self.marks.append(outcome)

    def v6(self) -> CheckResult:
        return check_unique(self.cast, [a for c in self.checked for a in c.alphas], self._cast_alphas)

    def _cast_alphas(self, wanted: set[int]) -> Iterator[bytes]:
        """The cast α whose prefix V6 saw repeated, read again in this process (rare: a copy, or
        two α sharing 8 bytes)."""
        for piece in self.cast_pieces:
            yield from (a for a in piece_alphas(piece) if prefix(a) in wanted)

    def _booth_step(self, check: str, step: Callable[[], CheckResult]) -> CheckResult:
        if self.ceremony is None or self.manifest is None:
            return _failed(
                check, "the ceremony or the manifest could not be read, so no ballot can be checked"
            )
        result = _guarded(check, step)
        result.merge(self.file_faults[check])
        return result

    def v4(self) -> CheckResult:
        election = self._manifest().id if self.manifest is not None else None
        result = check_index(self.root, self.authority_key, election)
        if self.ceremony is None:
            result.fail("the ceremony could not be read, so H_E is unknown for the booth files' digests")
            return result
        cast: dict[tuple[str, str], list[bytes]] = defaultdict(list)
        for o in self.cast:
            cast[(o.session, o.station)] += o.codes
        checked: dict[tuple[str, str], list[bytes]] = defaultdict(list)
        for c in self.checked:
            checked[(c.session, c.station)] += c.codes
        result.merge(check_booths(self.root, self.authority_key, self.ceremony, cast, checked))
        return result

    def v5(self) -> CheckResult:
        result = CheckResult("V5")
        for o in self.cast:
            result.merge(o.v5)
        check_order_across_pieces([((o.session, o.station), o.codes) for o in self.cast], "ballots", result)
        return result

    def _hall(self) -> frozenset[str]:
        """The booths that signed `roll` "hall"; a booth file that does not read counts as none (V4
        and V7 then fail on it)."""
        try:
            return hall_stations(read_booth_files(self.root))
        except RecordError:
            return frozenset()

    def v7(self) -> CheckResult:
        booths = read_booth_files(self.root)
        result = check_marks(self._manifest(), self.cast, self.marks, hall_stations(booths))
        result.merge(check_signed_lists(self._ceremony().h_e, booths, self.marks))
        pieces = [((m.session, m.station), [v.encode("utf-8") for v in m.voters]) for m in self.marks]
        check_order_across_pieces(pieces, "marks", result)
        return result

    def v8(self) -> CheckResult:
        result = CheckResult("V8")
        cast_codes = {code for o in self.cast for code in o.codes}
        check_order_across_pieces(
            [((o.session, o.station), o.codes) for o in self.checked], "checked", result
        )
        for o in self.checked:
            result.merge(o.v8)
            for code in o.codes:
                if code in cast_codes:
                    result.fail(f"a checked ballot of {o.station!r} in {o.session!r} is also cast (counted)")
        return result

    def _load_tallies(self) -> None:
        folder = self.root / "tally"
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            relative = str(path.relative_to(self.root))
            try:
                tally = load(self.root, relative, Tally)
            except RecordError as err:
                self.tally_faults.fail(str(err))
                continue
            if tally.session != path.stem:
                self.tally_faults.fail(f"{relative}: names session {tally.session!r}")
            self.tallies[tally.session] = tally

    def v9(self) -> CheckResult:
        self._load_tallies()
        result = check_aggregates(self._manifest(), self.cast, self.tallies, self.amended.struck)
        result.merge(self.tally_faults)
        return result

    def v10(self) -> CheckResult:
        result = CheckResult("V10")
        ceremony = self._ceremony()
        keys = Keys(ceremony)
        for session, tally in sorted(self.tallies.items()):
            for tq in tally.questions:
                for aggregate in tq.aggregates:
                    result.count()
                    cts = [(Element(a), Element(b)) for a, b in aggregate.ct]
                    where = f"{session}/{tq.question} group {aggregate.group!r}"
                    for problem in decryption_problems(
                        keys, ceremony.h_e, cts, aggregate.decryptions, aggregate.values, aggregate.bound
                    ):
                        result.fail(f"{where}: {problem}")
        if self.tally_faults.failed:
            result.fail("a tally file could not be read (V9), so its decryptions are unchecked")
        for session in sorted({o.session for o in self.cast if o.ballots} - set(self.tallies)):
            result.fail(f"session {session!r}: ballots were cast but no decryption is published")
        return result

    def _ballots_by_session(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for o in self.cast:
            counts[o.session] = counts.get(o.session, 0) + o.ballots
        return counts

    def v11(self) -> CheckResult:
        result = CheckResult("V11")
        manifest, keys = self._manifest(), Keys(self._ceremony())
        for session in manifest.sessions:
            if session.mode != "recorded":
                continue
            has_ballots = any(o.session == session.id and o.ballots for o in self.cast)
            relative = f"recorded/{session.id}.jsonl"
            if not (self.root / relative).exists():
                if has_ballots:
                    result.fail(f"{relative}: missing for a recorded session with ballots")
                continue
            data = read_bytes(self.root, relative)
            result.merge(
                check_recorded(session, data, relative, self.cast, self.tallies.get(session.id), keys)
            )
        return result

    def run(self) -> Report:
        for check, step in (("V1", self.v1), ("V2", self.v2), ("V3", self.v3)):
            self.results[check] = _guarded(check, step)
        pieces = _guarded("V5", self._pieces_step)
        self.results["V4"] = _guarded("V4", self.v4)
        booth_steps = {"V5": self.v5, "V7": self.v7, "V8": self.v8}
        for check in ("V5", "V6", "V7", "V8", "V9", "V10", "V11"):
            if pieces.failed:
                self.results[check] = _failed(check, pieces.failures[0])
                continue
            if check == "V6":
                self.results[check] = _guarded(check, self.v6)
            elif check in booth_steps:
                self.results[check] = self._booth_step(check, booth_steps[check])
            else:
                self.results[check] = _guarded(
                    check, {"V9": self.v9, "V10": self.v10, "V11": self.v11}[check]
                )
        self.results["V12"] = _guarded(
            "V12",
            lambda: check_results(self.root, self._manifest(), self.tallies, self._ballots_by_session()),
        )
        return Report(str(self.root), {c: self.results[c] for c in CHECK_IDS})

    def _pieces_step(self) -> CheckResult:
        self.pieces()
        return CheckResult("V5")


def check_order_across_pieces(
    pieces: list[tuple[tuple[str, str], list[bytes]]], kind: str, result: CheckResult
) -> None:
    """Each piece checks its own order; this checks it where one piece of a file meets the next."""
    last: dict[tuple[str, str], bytes] = {}
    for booth, keys in pieces:  # the executors keep the pieces in file order
        if keys and booth in last and keys[0] <= last[booth]:
            result.fail(
                f"{kind}/{booth[0]}/{booth[1]}.jsonl: not sorted, or a line repeated, across a piece boundary"
            )
        if keys:
            last[booth] = keys[-1]


def verify(root: Path, executor: Executor, authority_key: bytes | None = None) -> Report:
    return _Run(root, executor, authority_key).run()
