"""Poll-worker mode: log in by card and PIN, set up, open, run the day, reissue codes, close, export.

A closed state machine like the voter's walk, without Qt: the screens render it. Every change goes
through the station service, which checks and logs it.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from kiosk.ballot.audit_events import Event
from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.codes import format_code
from kiosk.ballot.package import (
    PACKAGE_FILE,
    PROVISION_FILE,
    ElectionPackage,
    PackageError,
    Provision,
    load_package,
    load_provision,
)
from kiosk.booth.authority_pin import AuthorityRefused, check_authority
from kiosk.booth.polls import PollsState, TransitionRefused
from kiosk.booth.setup_claim import CLAIM_FILE, SetUpClaim, StickUsed, claim_bytes, refuse_used_stick
from kiosk.booth.station import CastReceipt, ExportError, Mode, Station
from kiosk.booth.walk import PrintStatus, ReceiptPrinter, no_printer
from kiosk.booth.worker_card import PinCheck, PinStatus, SimWorkerCard, WorkerCard
from kiosk.clock import iso
from kiosk.devices.media import Media, WriteStatus
from kiosk.devices.printer import CodeSlip, Printable, ReportData, SessionCount

log = logging.getLogger(__name__)
# A reissued code shown on the screen disappears after this long (the design's 120 s), so it cannot
# be read over a shoulder later.
CODE_SHOWN_SECONDS = 120
AUDIT_SHOWN = 15  # recent events that fit one screen
# A poll worker who walks away from the booth is logged out after this long without a touch, so a
# voter never finds the poll-worker screens open.
WORKER_IDLE_SECONDS = 300


class Reprint(StrEnum):
    PRINTED = "printed"
    FAILED = "failed"
    ALREADY = "already"  # each receipt may be reprinted once
    NONE = "none"  # no vote cast at this booth since it started


class Problem(StrEnum):
    """What went wrong, said to the poll worker in their language; the core's detail goes with it."""

    NOT_REGISTERED = "not_registered"
    PACKAGE_REFUSED = "package_refused"
    AUTHORITY_REFUSED = "authority_refused"  # signed by another authority than the booth trusts
    STICK_USED = "stick_used"  # the stick already set up a booth
    POLLS_REFUSED = "polls_refused"
    EXPORT_FAILED = "export_failed"
    AUDIT_FAILED = "audit_failed"
    SLIP_FAILED = "slip_failed"


class WorkerScreen(StrEnum):
    PIN = "pin"
    HOME = "home"
    SETUP = "setup"
    REISSUE = "reissue"
    CLOSE = "close"
    EXPORT = "export"
    AUDIT = "audit"


ReportPrinter = Callable[[Printable], PrintStatus]  # reports and code slips, on the receipt printer

# What the poll worker is told when the stick did not take the sealed file (after "not written").
MEDIA_PROBLEMS: dict[WriteStatus, str] = {
    WriteStatus.NO_MEDIA: "no USB stick is inserted",
    WriteStatus.PULLED: "the stick was pulled out during the write; insert another",
    WriteStatus.FULL: "the stick is full; insert another",
    WriteStatus.READ_ONLY: "the stick is write-protected; insert another",
    WriteStatus.VERIFY_FAILED: "the stick gave back other bytes than were written; insert another",
}


def no_report_printer(_document: Printable) -> PrintStatus:
    return PrintStatus.NO_PRINTER


@dataclass(frozen=True)
class SetupPreview:
    title: dict[str, str]  # in every language of the election
    fingerprint: str
    station: str


class WorkerFlow:
    def __init__(
        self,
        station: Station,
        printer: ReportPrinter = no_report_printer,
        clock: Callable[[], float] = time.monotonic,
        last_receipt: Callable[[], CastReceipt | None] = lambda: None,
        receipt_printer: ReceiptPrinter = no_printer,
        booth_id: str | None = None,
    ) -> None:
        self.station, self.printer, self.clock = station, printer, clock
        self.booth_id = booth_id  # from the booth config: a stick for another booth is refused
        self.last_receipt, self.receipt_printer = last_receipt, receipt_printer
        self._reprinted: set[str] = set()
        self._reset()

    def _reset(self) -> None:
        self.last_touch = self.clock()
        self.active = False
        self.screen = WorkerScreen.PIN
        self.card: WorkerCard | None = None
        self.worker: str | None = None
        self.public_key = ""
        self.pin_result: PinCheck | None = None
        self.problem: Problem | None = None  # the last refusal or failure, for the poll worker
        self.message = ""  # its detail from the core (English, for the record and the help desk)
        self.report_status: PrintStatus | None = None
        self.report: list[str] = []
        self.close_confirmations = 0
        self.shown_code = ""
        self.shown_for = ""
        self._code_until = 0.0
        self.copies_written = 0
        self.preview: SetupPreview | None = None
        self.reprint: Reprint | None = None
        self.slip_printed = False

    # --- log in and out --------------------------------------------------------------------------
    def card_inserted(self, card: WorkerCard) -> None:
        self._reset()
        self.active, self.card = True, card

    def enter_pin(self, pin: str) -> None:
        if self.card is None or self.screen is not WorkerScreen.PIN:
            return
        result = self.card.verify_pin(pin)
        self.pin_result = result
        if result.status is not PinStatus.OK:
            return
        self.public_key = result.public_key
        if self.station.package is None:  # not set up: the package that lists the cards comes first
            self.screen = WorkerScreen.SETUP
            return
        self._log_in()

    def _log_in(self) -> None:
        worker = self.station.poll_worker_login(self.public_key)
        if worker is None:
            self.pin_result = PinCheck(PinStatus.BLOCKED)
            self._fail(Problem.NOT_REGISTERED)
            self.screen = WorkerScreen.PIN
            return
        self.worker, self.screen = worker, WorkerScreen.HOME
        self._fail(None)

    def touched(self) -> None:
        self.last_touch = self.clock()

    def idle_too_long(self) -> bool:
        return self.active and self.clock() - self.last_touch >= WORKER_IDLE_SECONDS

    def leave(self) -> None:
        """Leaving poll-worker mode, or the card removed: back to the voters' Welcome."""
        self._reset()

    def go(self, screen: WorkerScreen) -> None:
        if self.worker is None:
            return
        self.screen = screen
        self._fail(None)
        self.close_confirmations, self.slip_printed = 0, False

    # --- set-up ----------------------------------------------------------------------------------
    def preview_setup(self, media: Media) -> None:
        """Checks the package's signature and authority and shows what it is, changing nothing."""
        self.preview = None
        self._fail(None)
        try:
            with self._setup_files(media) as folder:
                package, provision = self._checked(folder)
        except (PackageError, OSError) as exc:
            self._refused(exc)
            return
        self.preview = SetupPreview(dict(package.definition.title), package.fingerprint, provision.station)

    def confirm_setup(self, media: Media, mode: Mode = "official") -> None:
        """Sets the booth up from the stick just checked, in official or test mode: the booth makes
        its own key and the poll worker's card, PIN checked, certifies it."""
        try:
            with self._setup_files(media) as folder:
                package, provision = self._checked(folder)
                seen = self.preview
                shown = (package.fingerprint, provision.station)
                if seen is None or (seen.fingerprint, seen.station) != shown:
                    # the poll worker compared what the preview showed: set up nothing else
                    raise PackageError("this is not the stick just checked: check it again")
                if self.card is None:
                    raise PackageError("no poll worker's card in the reader")
                self.station.set_up(folder, CardSigner(self.public_key, self.card.sign), mode)
        except (PackageError, TransitionRefused, OSError) as exc:
            self._refused(exc)
            return
        self._mark_stick(media)
        self._log_in()

    def _mark_stick(self, media: Media) -> None:
        """Leaves the set-up mark on the stick, so no second booth sets up from it."""
        certificate, _key = self.station.booth_key()
        body = certificate.body
        claim = SetUpClaim(station=body.station, fingerprint=body.election_fingerprint,
                           booth_public_key=body.booth_public_key, set_up_at=body.issued)
        if not media.write_file(CLAIM_FILE, claim_bytes(claim)).ok:  # the import's one-key rule remains
            log.warning("set-up: the stick did not take the set-up mark")

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, AuthorityRefused):
            self._fail(Problem.AUTHORITY_REFUSED, exc)
        elif isinstance(exc, StickUsed):
            self._fail(Problem.STICK_USED, exc)
        else:
            self._fail(Problem.PACKAGE_REFUSED, exc)

    def _checked(self, folder: Path) -> tuple[ElectionPackage, Provision]:
        package = load_package(folder / PACKAGE_FILE, now=self.station.clock())
        check_authority(self.station.data_dir, package, self.station.authority)
        refuse_used_stick((folder / CLAIM_FILE).read_bytes() if (folder / CLAIM_FILE).exists() else None)
        provision = load_provision(folder / PROVISION_FILE, package)
        station = provision.station
        if self.booth_id is not None and station != self.booth_id:
            raise PackageError(f"this stick provisions {station!r}, and this booth is {self.booth_id!r}")
        return package, provision

    @contextmanager
    def _setup_files(self, media: Media) -> Iterator[Path]:
        """The package, provisioning and any set-up mark read off the stick (mounted read-only) into a
        folder beside the booth's storage, so what is checked is what is taken in."""
        if not media.present():
            raise PackageError("no USB stick is inserted")
        with tempfile.TemporaryDirectory(dir=self.station.data_dir, prefix="setup-") as scratch:
            folder = Path(scratch)
            for name in (PACKAGE_FILE, PROVISION_FILE, CLAIM_FILE):
                data = media.read_file(name)
                if data is not None:
                    (folder / name).write_bytes(data)
            yield folder

    # --- the polls -------------------------------------------------------------------------------
    def open_polls(self) -> None:
        if self._polls(self.station.open_polls):
            self.report = self._counts_report()
            self.report_status = self.printer(self._report_data("zero"))

    def pause(self) -> None:
        self._polls(self.station.pause)

    def resume(self) -> None:
        self._polls(self.station.resume)

    def _polls(self, change: Callable[[str], None]) -> bool:
        try:
            change(self._worker())
        except TransitionRefused as exc:
            self._fail(Problem.POLLS_REFUSED, exc)
            return False
        self._fail(None)
        return True

    def set_session(self, session_id: str, active: bool) -> None:
        try:
            self.station.set_session_active(session_id, active, self._worker())
        except TransitionRefused as exc:
            self._fail(Problem.POLLS_REFUSED, exc)

    def clear_lock(self) -> None:
        self.station.clear_lock(self._worker())

    def _counts_report(self) -> list[str]:
        counts = self.station.counts()
        return [f"{sid}: {ballots}" for sid, (ballots, _marks) in counts.items()]

    def _report_data(self, kind: Literal["zero", "closing"]) -> ReportData:
        """The printed report: every session's ballots and marks, with what ties it to this booth."""
        package, election = self.station.package, self.station.election
        assert package is not None  # polls open and close only on a set-up booth
        language = election.languages[0]
        counts = self.station.counts()
        sessions = tuple(SessionCount(s.title[language], *counts.get(s.id, (0, 0)))
                         for s in election.sessions)
        head = self.station.box.audit_entries()[-1].hash
        return ReportData(kind, election.title[language],
                          self.station.station_id, package.fingerprint, head, iso(self.station.clock()),
                          sessions, test_mode=self.station.mode == "test")

    def reprint_last(self) -> None:
        """Prints the last voter's receipt again, once (a jam, a torn slip)."""
        receipt = self.last_receipt()
        if receipt is None:
            self.reprint = Reprint.NONE
        elif receipt.tracking_code in self._reprinted:
            self.reprint = Reprint.ALREADY
        else:
            status = self.receipt_printer(receipt)
            self._reprinted.add(receipt.tracking_code)
            self.station.box.log(Event.RECEIPT_REPRINTED, {"by": self._worker()})
            self.reprint = Reprint.PRINTED if status is PrintStatus.PRINTED else Reprint.FAILED

    # --- reissuing a code ------------------------------------------------------------------------
    def find_voters(self, text: str) -> list[tuple[str, str]]:
        needle = text.strip().lower()
        voters = self.station.election.voters_at(self.station.station_id)
        return [(v.id, v.name) for v in voters
                if needle and (needle in v.name.lower() or needle == v.id.lower())]

    def reissue(self, voter_id: str) -> None:
        code = self.station.reissue_code(voter_id, self._worker())
        self.shown_code, self.shown_for = code, self.station.election.voter(voter_id).name
        self.slip_printed = False
        self._code_until = self.clock() + CODE_SHOWN_SECONDS

    def print_slip(self) -> None:
        """Prints the reissued code as a sealed slip for the voter, and takes it off the screen."""
        if not self.shown_code:
            return
        election = self.station.election
        slip = CodeSlip(election.title[election.languages[0]], self.station.station_id, self.shown_for,
                        format_code(self.shown_code), test_mode=self.station.mode == "test")
        status = self.printer(slip)
        if status is PrintStatus.PRINTED:
            self.shown_code, self.shown_for, self.slip_printed = "", "", True
            self._fail(None)
        else:
            self._fail(Problem.SLIP_FAILED)

    def tick(self) -> bool:
        """Hides a reissued code when its time is up; True when something changed."""
        if self.shown_code and self.clock() >= self._code_until:
            self.shown_code, self.shown_for = "", ""
            return True
        return False

    def code_seconds_left(self) -> int:
        return max(0, int(self._code_until - self.clock() + 0.999)) if self.shown_code else 0

    # --- closing ---------------------------------------------------------------------------------
    def confirm_close(self) -> None:
        """Closing is asked twice; the second yes closes the polls and prints the closing report."""
        self.close_confirmations += 1
        if self.close_confirmations < 2:
            return
        if self._polls(self.station.close_polls):
            self.report = self._counts_report()
            self.report_status = self.printer(self._report_data("closing"))
            self.screen, self.copies_written = WorkerScreen.EXPORT, 0

    def export(self, media: Media) -> None:
        """Writes the sealed file to the stick, reads it back and compares it; says why if not."""
        try:
            name, data = self.station.exports.for_media()
        except ExportError as exc:
            self._fail(Problem.EXPORT_FAILED, exc)
            return
        result = media.write_file(name, data)
        if not result.ok:
            reason = MEDIA_PROBLEMS.get(result.status, result.status.value)
            self.station.exports.failed(reason)
            self._fail(Problem.EXPORT_FAILED, ExportError(reason))
            return
        self.station.exports.written(name, data)
        self.copies_written += 1
        self._fail(None)

    def audit(self) -> list[tuple[str, str, str]]:
        entries = self.station.box.audit_entries()[-AUDIT_SHOWN:]
        return [(e.time, e.event, ", ".join(f"{k}={v}" for k, v in e.data.items()))
                for e in reversed(entries)]

    def export_audit(self, media: Media) -> None:
        data = self.station.audit_json().encode("utf-8")
        result = media.write_file(f"audit-{self.station.station_id}.json", data)
        if not result.ok:
            reason = MEDIA_PROBLEMS.get(result.status, result.status.value)
            self._fail(Problem.AUDIT_FAILED, ExportError(reason))

    def _fail(self, problem: Problem | None, exc: Exception | None = None) -> None:
        self.problem = problem
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc or "")
        self.message = detail
        if problem is not None:
            log.warning("poll worker: %s %s", problem.value, detail)

    @property
    def polls(self) -> PollsState:
        return self.station.state

    def _worker(self) -> str:
        if self.worker is None:
            raise RuntimeError("no poll worker is logged in")
        return self.worker


__all__ = ["PinCheck", "PinStatus", "Problem", "SimWorkerCard", "WorkerCard", "WorkerFlow", "WorkerScreen"]
