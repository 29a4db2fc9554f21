"""Poll-worker mode: log in by card and PIN, set up, open, run the day, reissue codes, close, export.

The screens render one state (kiosk.booth.worker_states); this flow does what each tap needs of the
station, the card and the printer, and feeds the outcome into the machine. Every change goes
through the station service, which checks and logs it; every move and refusal of the flow itself
is logged from apply(). A tap the current state does not take is refused, logged and ignored.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Literal

from kiosk.ballot.audit_events import Event
from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.ids import SessionId
from kiosk.ballot.values import Mode
from kiosk.booth import reports
from kiosk.booth.cast import CastReceipt
from kiosk.booth.polls import TransitionRefused
from kiosk.booth.sealing import ExportError
from kiosk.booth.setup import SetupRefused
from kiosk.booth.setup_stick import preview_stick, take_in_stick
from kiosk.booth.station import Station
from kiosk.booth.walk import ReceiptPrinter, no_printer
from kiosk.booth.walk_outcomes import PrintOutcome
from kiosk.booth.worker_addenda import WorkerAddenda
from kiosk.booth.worker_card import PinCheck, PinStatus, SimWorkerCard, WorkerCard
from kiosk.booth.worker_reissue import WorkerReissue
from kiosk.booth.worker_states import (
    Auditing,
    Away,
    CardInserted,
    CloseAsked,
    Closed,
    Closing,
    CopyWritten,
    Exporting,
    Failed,
    Go,
    Home,
    Leave,
    LoggedIn,
    Notice,
    NotRegistered,
    PinChecked,
    PinEntry,
    Previewed,
    Problem,
    Refused,
    Reprint,
    Reprinted,
    SettingUp,
    Succeeded,
    WorkerEvent,
    WorkerFound,
    WorkerScreen,
    WorkerState,
    describe,
    step,
)
from kiosk.booth.worker_view import PrintedReport, WorkerView
from kiosk.devices.media import Media
from kiosk.devices.printer import Printable

log = logging.getLogger(__name__)
# A poll worker who walks away from the booth is logged out after this long without a touch, so a
# voter never finds the poll-worker screens open.
WORKER_IDLE_SECONDS = 300

ReportPrinter = Callable[[Printable], PrintOutcome]  # reports and code slips, on the receipt printer


def no_report_printer(_document: Printable) -> PrintOutcome:
    return PrintOutcome.NO_PRINTER


class WorkerFlow(WorkerView, WorkerAddenda, WorkerReissue):
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
        self._reprinted: set[str] = set()  # each receipt is reprinted once, whoever logs in
        self.state: WorkerState = Away()
        self.last_report: PrintedReport | None = None
        self.last_touch = self.clock()

    # --- the one place that moves the flow -------------------------------------------------------
    def apply(self, event: WorkerEvent) -> bool:
        """Moves to the state step decides; a refused event changes nothing. True if it moved."""
        after = step(self.state, event)
        if isinstance(after, Refused):
            log.warning("poll worker: %s refused on %s: %s", type(event).__name__, describe(self.state),
                        after.why)
            return False
        if isinstance(after, LoggedIn | SettingUp) and after.notice is not None:
            log.warning("poll worker: %s %s", after.notice.problem.value, after.notice.reason)
        if type(after) is not type(self.state):
            log.info("poll worker: %s -> %s on %s", describe(self.state), describe(after),
                     type(event).__name__)
        if isinstance(after, Away | PinEntry):
            self.last_report = None
        self.state = after
        return True

    def _at(self, *kinds: type[WorkerState], tap: str) -> bool:
        """Whether the current state takes this tap; if not, refused and logged like an event."""
        if isinstance(self.state, kinds):
            return True
        log.warning("poll worker: %s refused on %s", tap, describe(self.state))
        return False

    # --- log in and out --------------------------------------------------------------------------
    def card_inserted(self, card: WorkerCard) -> None:
        self.apply(CardInserted(card))
        self.last_touch = self.clock()

    def enter_pin(self, pin: str) -> None:
        if not isinstance(self.state, PinEntry):
            self._at(PinEntry, tap="a PIN")
            return
        result = self.state.card.verify_pin(pin)
        self.apply(PinChecked(result, set_up=self.station.package is not None))
        if result.status is PinStatus.OK and self.station.package is not None:
            self._log_in(result.public_key)

    def _log_in(self, public_key: str) -> None:
        worker = self.station.poll_worker_login(public_key)
        self.apply(NotRegistered() if worker is None else WorkerFound(worker))

    def touched(self) -> None:
        self.last_touch = self.clock()

    def idle_too_long(self) -> bool:
        return self.active and self.clock() - self.last_touch >= WORKER_IDLE_SECONDS

    def leave(self) -> None:
        """Leaving poll-worker mode, or the card removed: back to the voters' Welcome."""
        if self.worker is not None:
            self.station.box.log(Event.POLL_WORKER_LOGOUT, {"by": self.worker})
        self.apply(Leave())
        self.last_touch = self.clock()

    def go(self, screen: WorkerScreen) -> None:
        self.apply(Go(screen))

    # --- set-up ----------------------------------------------------------------------------------
    def preview_setup(self, media: Media) -> None:
        """Checks the package's signature and certificate and shows what it is, changing nothing."""
        if self._at(SettingUp, tap="a set-up check"):
            self._stick(lambda: self.apply(Previewed(preview_stick(media, self.station, self.booth_id))))

    def confirm_setup(self, media: Media, mode: Mode = "official") -> None:
        """Sets the booth up from the stick just checked, in official or test mode: the booth makes
        its own key and the poll worker's card, PIN checked, certifies it."""
        state = self.state
        if not isinstance(state, SettingUp):
            self._at(SettingUp, tap="a set-up")
            return
        card = CardSigner(state.public_key, state.card.sign)
        if self._stick(lambda: take_in_stick(media, self.station, self.booth_id, state.preview, card, mode)):
            self._log_in(state.public_key)

    def _stick(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except SetupRefused as exc:
            if exc.detail:
                log.warning("poll worker: stick refused (%s): %s", exc.reason.value, exc.detail)
            self.apply(Failed(Notice(Problem.PACKAGE_REFUSED, exc.reason.value, exc.names)))
            return False
        return True

    # --- the polls -------------------------------------------------------------------------------
    def open_polls(self) -> None:
        if self._polls(self.station.open_polls):
            self._print_report("zero")

    def pause(self) -> None:
        self._polls(self.station.pause)

    def resume(self) -> None:
        self._polls(self.station.resume)

    def _polls(self, change: Callable[[str], None]) -> bool:
        if not self._at(Home, Closing, tap="a polls change"):
            return False
        assert self.worker is not None
        try:
            change(self.worker)
        except TransitionRefused as exc:
            self.apply(Failed(Notice(Problem.POLLS_REFUSED, exc.reason.value)))
            return False
        self.apply(Succeeded())
        return True

    def _print_report(self, kind: Literal["zero", "closing"]) -> None:
        outcome = self.printer(reports.report_data(self.station, kind))
        self.last_report = PrintedReport(reports.counts_lines(self.station), outcome)

    def set_session(self, session_id: SessionId, active: bool) -> None:
        if not self._at(Home, tap="a session change"):
            return
        assert self.worker is not None
        try:
            self.station.set_session_active(session_id, active, self.worker)
        except TransitionRefused as exc:
            self.apply(Failed(Notice(Problem.POLLS_REFUSED, exc.reason.value)))

    def clear_lock(self) -> None:
        if self._at(Home, tap="clearing the code lock"):
            assert self.worker is not None
            self.station.clear_lock(self.worker)

    def reprint_last(self) -> None:
        """Prints the last voter's receipt again, once (a jam, a torn slip)."""
        if not self._at(Home, tap="a reprint"):
            return
        assert self.worker is not None
        receipt = self.last_receipt()
        if receipt is None:
            outcome = Reprint.NONE
        elif receipt.tracking_code in self._reprinted:
            outcome = Reprint.ALREADY
        else:
            printed = self.receipt_printer(receipt)
            self._reprinted.add(receipt.tracking_code)
            self.station.box.log(Event.RECEIPT_REPRINTED, {"by": self.worker})
            outcome = Reprint.PRINTED if printed is PrintOutcome.PRINTED else Reprint.FAILED
        self.apply(Reprinted(outcome))

    # --- closing ---------------------------------------------------------------------------------
    def confirm_close(self) -> None:
        """Closing is asked twice; the second yes closes the polls and prints the closing report."""
        if not self._at(Closing, tap="a close"):
            return
        self.apply(CloseAsked())
        if self.close_confirmations < 2:
            return
        if self._polls(self.station.close_polls):
            self._print_report("closing")
            self.apply(Closed())

    def export(self, media: Media) -> None:
        """Writes the sealed file to the stick, reads it back and compares it; says why if not."""
        if not self._at(Exporting, tap="an export"):
            return
        try:
            name, data = self.station.exports.for_media()
        except ExportError as exc:
            self.apply(Failed(Notice(Problem.EXPORT_FAILED, exc.reason.value)))
            return
        result = media.write_file(name, data)
        if not result.ok:
            self.station.exports.stick_failed(result.status)
            self.apply(Failed(Notice(Problem.EXPORT_FAILED, result.status.value)))
            return
        self.station.exports.written(name, data)
        self.apply(CopyWritten())

    def export_audit(self, media: Media) -> None:
        if not self._at(Auditing, tap="an audit export"):
            return
        data = self.station.audit_json().encode("utf-8")
        result = media.write_file(f"audit-{self.station.station_id}.json", data)
        if not result.ok:
            self.apply(Failed(Notice(Problem.AUDIT_FAILED, result.status.value)))


__all__ = ["PinCheck", "PinStatus", "Problem", "SimWorkerCard", "WorkerCard", "WorkerFlow", "WorkerScreen"]
