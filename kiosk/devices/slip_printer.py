"""What every receipt printer does the same way: lay out, check, send, remember the last slip.

Adapters only say how to check the printer and how to send bytes. The slip is laid out to bytes
before anything is sent, so a fault found while sending leaves the whole slip ready to reprint.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod

from escpos.printer import Dummy

from kiosk.devices.printer import Printable, PrintResult, PrintStatus
from kiosk.devices.receipts import Paper, blocks_for, emit

log = logging.getLogger("kiosk.devices.printer")


def slip_bytes(document: Printable, paper: Paper) -> bytes:
    """The ESC/POS bytes of a slip, through python-escpos with the paper's profile."""
    capture = Dummy(profile=paper.profile)
    emit(blocks_for(document, paper), capture, paper)
    return bytes(capture.output)


class SlipPrinter(ABC):
    def __init__(self, paper: Paper) -> None:
        self.paper = paper
        self._last: Printable | None = None
        self._reprinted = False

    @abstractmethod
    def status(self) -> PrintResult: ...

    @abstractmethod
    def _send(self, data: bytes) -> PrintStatus:
        """Send the bytes; OK, or the fault that stopped them."""

    def print(self, document: Printable) -> PrintResult:
        self._last, self._reprinted = document, False
        return self._print(document, "print")

    def reprint_last(self) -> PrintResult:
        """One reprint of the last slip, for the voter whose receipt failed; a second is refused."""
        if self._last is None:
            return PrintResult(PrintStatus.NOTHING_TO_REPRINT)
        if self._reprinted:
            log.warning("printer: second reprint refused")
            return PrintResult(PrintStatus.ALREADY_REPRINTED)
        result = self._print(self._last, "reprint")
        self._reprinted = result.ok
        return result

    def _print(self, document: Printable, what: str) -> PrintResult:
        data = slip_bytes(document, self.paper)
        ready = self.status()
        if not ready.ok:
            log.warning("printer: %s of %s not started: %s", what, type(document).__name__, ready.status)
            return ready
        result = PrintResult(self._send(data))
        level = logging.INFO if result.ok else logging.WARNING
        log.log(level, "printer: %s of %s: %s", what, type(document).__name__, result.status)
        return result
