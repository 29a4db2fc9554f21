"""Building the devices the booth config names. The composition root calls these; nothing else does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.devices.cards import CardReader
from kiosk.devices.config import (
    CardReaderSpec,
    FilePrinterSpec,
    FolderMediaSpec,
    MediaSpec,
    NetworkPrinterSpec,
    PcscReaderSpec,
    PrinterSpec,
    SerialPrinterSpec,
    SimSpec,
    UdevMediaSpec,
    UsbPrinterSpec,
)
from kiosk.devices.escpos_printer import EscposPrinter
from kiosk.devices.media import Media
from kiosk.devices.mounted_media import FolderMedia, UsbSticks
from kiosk.devices.printer import Printer
from kiosk.devices.receipts import PAPERS, Paper
from kiosk.devices.sim_card import SimCardReader
from kiosk.devices.sim_media import SimMedia
from kiosk.devices.sim_printer import SimPrinter

DEFAULT_PAPER_MM = 80
# A network printer that stops answering must not freeze the voter's confirmation screen.
NETWORK_TIMEOUT_SECONDS = 5


def paper_for(width_mm: int) -> Paper:
    if width_mm not in PAPERS:
        raise ValueError(f"paper width {width_mm} mm: this booth prints on {sorted(PAPERS)} mm rolls")
    return PAPERS[width_mm]


class UnknownDeviceSpec(TypeError):
    """A spec no factory knows: a programming error (parse_* only makes known ones), never the
    simulator in its place on a real booth."""

    def __init__(self, spec: object) -> None:
        super().__init__(f"no device is built from {spec!r}")


def build_printer(spec: PrinterSpec, paper: Paper, png_dir: Path | None = None) -> Printer:
    match spec:
        case UsbPrinterSpec():
            return EscposPrinter(lambda: _usb(spec, paper), paper, queries_status=True)
        case SerialPrinterSpec():
            return EscposPrinter(lambda: _serial(spec, paper), paper, queries_status=True)
        case NetworkPrinterSpec():
            # Raw port 9100 printers rarely answer status queries: only a failed write is told.
            return EscposPrinter(lambda: _network(spec, paper), paper, queries_status=False)
        case FilePrinterSpec():
            return EscposPrinter(lambda: _file(spec, paper), paper, queries_status=False)
        case SimSpec():
            return SimPrinter(paper=paper, png_dir=png_dir)
        case _:
            raise UnknownDeviceSpec(spec)


def _opened(printer: Any) -> Any:
    printer.open(raise_not_found=True)
    return printer


def _usb(spec: UsbPrinterSpec, paper: Paper) -> Any:
    from escpos.printer import Usb

    return _opened(Usb(spec.vendor_id, spec.product_id, profile=paper.profile))


def _serial(spec: SerialPrinterSpec, paper: Paper) -> Any:
    from escpos.printer import Serial

    return _opened(Serial(str(spec.device), baudrate=spec.baudrate, profile=paper.profile))


def _network(spec: NetworkPrinterSpec, paper: Paper) -> Any:
    from escpos.printer import Network

    return _opened(Network(spec.host, spec.port, timeout=NETWORK_TIMEOUT_SECONDS, profile=paper.profile))


def _file(spec: FilePrinterSpec, paper: Paper) -> Any:
    from escpos.printer import File

    return _opened(File(str(spec.path), profile=paper.profile))


def build_card_reader(spec: CardReaderSpec) -> CardReader:
    match spec:
        case PcscReaderSpec():
            from kiosk.devices.pcsc_card import PcscCardReader  # needs libpcsclite only on real booths

            return PcscCardReader(spec.name_contains)
        case SimSpec():
            return SimCardReader()
        case _:
            raise UnknownDeviceSpec(spec)


def build_media(spec: MediaSpec, sim_folder: Path) -> Media:
    match spec:
        case FolderMediaSpec():
            return FolderMedia(spec.folder)
        case UdevMediaSpec():
            sticks = UsbSticks()
            sticks.watcher.start(sticks.on_event)
            return sticks
        case SimSpec():
            return SimMedia(sim_folder)
        case _:
            raise UnknownDeviceSpec(spec)
