"""The booth's receipts and reports on the receipt printer, as the screens need them printed.

The walk hands over a cast's receipt and wants a status it can tell the voter; the printer wants the
slip's words in the voter's language and answers with its own result. This module joins the two.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.ballot.definition import ElectionDefinition
from kiosk.booth.station import CastReceipt
from kiosk.booth.walk import PrintOutcome
from kiosk.devices.printer import Printable, Printer, PrintResult, PrintStatus, ReceiptData

# The receipt's own words, in each language a conference works in; a language without them gets
# English, as the booth's screens do.
RECEIPT_WORDS: dict[str, tuple[str, str, str]] = {
    "en": ("Voting receipt", "Check your tracking code at:", "*** TEST - THIS VOTE IS NOT COUNTED ***"),
    "fr": ("Reçu de vote", "Vérifiez votre code de suivi sur :", "*** ESSAI - CE VOTE N'EST PAS COMPTÉ ***"),
    "es": ("Comprobante de voto", "Compruebe su código de seguimiento en:",
           "*** PRUEBA - ESTE VOTO NO SE CUENTA ***"),
}

_WALK_STATUS = {
    PrintStatus.OK: PrintOutcome.PRINTED,
    PrintStatus.PAPER_OUT: PrintOutcome.PAPER_OUT,
    PrintStatus.NO_PRINTER: PrintOutcome.NO_PRINTER,
}


def walk_status(result: PrintResult) -> PrintOutcome:
    """What the voter is told: printed, out of paper, no printer, or (cover open, cable pulled) failed."""
    return _WALK_STATUS.get(result.status, PrintOutcome.FAILED)


class ReceiptSlips:
    """Prints a cast's receipt: election, session and booth in the voter's language, tracking code, QR."""

    def __init__(self, printer: Printer, election: Callable[[], ElectionDefinition],
                 station_id: Callable[[], str], test_mode: Callable[[], bool] = lambda: False) -> None:
        self.printer, self._election, self._station_id = printer, election, station_id
        self._test_mode = test_mode
        self.language: Callable[[], str] = lambda: "en"  # the screens' language, once they exist

    def __call__(self, receipt: CastReceipt) -> PrintOutcome:
        return walk_status(self.printer.print(self.slip(receipt)))

    def slip(self, receipt: CastReceipt) -> ReceiptData:
        election, language = self._election(), self.language()

        def pick(text: dict[str, str]) -> str:
            return text.get(language) or text["en"]

        booth = next((s for s in election.stations if s.id == self._station_id()), None)
        heading, hint, test = RECEIPT_WORDS.get(language, RECEIPT_WORDS["en"])
        return ReceiptData(
            election_title=pick(election.title),
            session_title=pick(election.session(receipt.session_id).title),
            station=pick(booth.name) if booth else self._station_id(),
            tracking_code=receipt.tracking_code,
            verify_url=election.verify_url,
            language=language,
            heading=heading,
            check_hint=hint,
            test_banner=test if self._test_mode() else "",
        )


def report_printer(printer: Printer) -> Callable[[Printable], PrintOutcome]:
    """Zero and closing reports and reissued-code slips, with the status the poll worker is shown."""
    return lambda document: walk_status(printer.print(document))
