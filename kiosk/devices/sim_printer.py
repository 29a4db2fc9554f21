"""The simulated receipt printer for the demo and the screens' tests, with a switch for every fault."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.devices.escpos_decode import Decoded, decode
from kiosk.devices.escpos_image import save_png
from kiosk.devices.printer import PrintResult, PrintStatus
from kiosk.devices.receipts import PAPERS, Paper
from kiosk.devices.slip_printer import SlipPrinter


@dataclass
class PrinterFaults:
    """Flip these from a test or the demo's keys; they act on the next print."""

    unplugged: bool = False
    paper_out: bool = False
    cover_open: bool = False
    cable_pulled_after_bytes: int | None = None  # the slip stops part-way, as when the cable is pulled


@dataclass
class SimPrinter(SlipPrinter):
    paper: Paper = field(default_factory=lambda: PAPERS[80])
    faults: PrinterFaults = field(default_factory=PrinterFaults)
    png_dir: Path | None = None  # the demo keeps a picture of every slip
    slips: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        SlipPrinter.__init__(self, self.paper)

    def status(self) -> PrintResult:
        if self.faults.unplugged:
            return PrintResult(PrintStatus.NO_PRINTER)
        if self.faults.cover_open:
            return PrintResult(PrintStatus.COVER_OPEN)
        if self.faults.paper_out:
            return PrintResult(PrintStatus.PAPER_OUT)
        return PrintResult(PrintStatus.OK)

    def _send(self, data: bytes) -> PrintStatus:
        limit = self.faults.cable_pulled_after_bytes
        if limit is not None and limit < len(data):
            self.slips.append(data[:limit])
            self.faults.cable_pulled_after_bytes, self.faults.unplugged = None, True
            return PrintStatus.DISCONNECTED
        self.slips.append(data)
        if self.png_dir is not None:
            self.png_dir.mkdir(parents=True, exist_ok=True)
            save_png(self.last_slip(), self.paper, self.png_dir / f"slip-{len(self.slips):03d}.png")
        return PrintStatus.OK

    def last_slip(self) -> Decoded:
        return decode(self.slips[-1], self.paper.profile)
