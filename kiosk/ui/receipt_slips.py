"""The booth's receipts and reports on the receipt printer, as the screens need them printed.

The walk hands over a cast's receipt and wants a status it can tell the voter; the printer wants the
slip's words in the voter's language and answers with its own result. This module joins the two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.e2e_slip_check import describe
from kiosk.ballot.ids import StationId
from kiosk.booth.e2e_cast import CheckReceipt, SealedCode
from kiosk.booth.station import CastReceipt
from kiosk.booth.walk import Printout, PrintOutcome
from kiosk.devices.printer import Printable, Printer, PrintResult, PrintStatus, ReceiptData

# The receipt's own words, in each language a conference works in; a language without them gets
# English, as the booth's screens do.
RECEIPT_WORDS: dict[str, tuple[str, str, str]] = {
    "en": ("Voting receipt", "Check your tracking code at:", "*** TEST - THIS VOTE IS NOT COUNTED ***"),
    "fr": ("Reçu de vote", "Vérifiez votre code de suivi sur :", "*** ESSAI - CE VOTE N'EST PAS COMPTÉ ***"),
    "es": ("Comprobante de voto", "Compruebe su código de seguimiento en:",
           "*** PRUEBA - ESTE VOTO NO SE CUENTA ***"),
}

# An end-to-end booth's slips: (heading, status in large type, hint above the QR or the words).
E2E_WORDS: dict[str, dict[str, tuple[str, str, str]]] = {
    "en": {
        "sealed": ("Your ballot's code", "NOT YET CAST", "Now cast it or check it on the screen."),
        "cast": ("Voting receipt", "CAST", "Find your ballot on the board:"),
        "checked": ("Checked ballot", "CHECKED - NOT COUNTED",
                    "Scan to confirm the booth encrypted these choices:"),
    },
    "fr": {
        "sealed": ("Code de votre bulletin", "PAS ENCORE DÉPOSÉ", "Déposez-le ou vérifiez-le à l'écran."),
        "cast": ("Reçu de vote", "DÉPOSÉ", "Retrouvez votre bulletin sur le tableau :"),
        "checked": ("Bulletin vérifié", "VÉRIFIÉ - NON COMPTÉ",
                    "Scannez pour confirmer que l'isoloir a chiffré ces choix :"),
    },
    "es": {
        "sealed": ("Código de su papeleta", "AÚN NO DEPOSITADA", "Deposítela o verifíquela en la pantalla."),
        "cast": ("Comprobante de voto", "DEPOSITADA", "Encuentre su papeleta en el tablero:"),
        "checked": ("Papeleta verificada", "VERIFICADA - NO CONTADA",
                    "Escanee para confirmar que la cabina cifró estas opciones:"),
    },
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
                 station_id: Callable[[], StationId], test_mode: Callable[[], bool] = lambda: False) -> None:
        self.printer, self._election, self._station_id = printer, election, station_id
        self._test_mode = test_mode
        self.language: Callable[[], str] = lambda: "en"  # the screens' language, once they exist

    def __call__(self, printout: Printout) -> PrintOutcome:
        return walk_status(self.printer.print(self.slip(printout)))

    def slip(self, printout: Printout) -> ReceiptData:
        """The receipt of a cast; on an end-to-end booth also the code at Seal and a checked slip."""
        base = self._base(CastReceipt(printout.session_id, printout.tracking_code))
        words = E2E_WORDS.get(base.language, E2E_WORDS["en"])
        if isinstance(printout, SealedCode):
            heading, status, hint = words["sealed"]
            return replace(base, heading=heading, status=status, check_hint=hint, qr="")
        if isinstance(printout, CheckReceipt):
            heading, status, hint = words["checked"]
            lines = describe(self._election(), printout.session_id, printout.selections, base.language)
            return replace(base, heading=heading, status=status, check_hint=hint, qr=printout.qr,
                           details=tuple(lines))  # fmt: skip
        if printout.qr:
            heading, status, hint = words["cast"]
            return replace(base, heading=heading, status=status, check_hint=hint, qr=printout.qr)
        return base

    def _base(self, receipt: CastReceipt) -> ReceiptData:
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
