"""Printer faults are told, not raised; the last slip reprints once; the real adapter over its transports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from escpos.printer import File

from kiosk.devices.escpos_decode import decode
from kiosk.devices.escpos_printer import CHUNK_BYTES, EscposPrinter
from kiosk.devices.printer import PrintStatus, ReceiptData
from kiosk.devices.receipts import PAPERS
from kiosk.devices.sim_printer import PrinterFaults, SimPrinter

RECEIPT = ReceiptData("AG 2026", "Statutes", "booth-1", "K7QM-2XPD-9RTA", "https://v.example/c", "en")
PAPER = PAPERS[80]


@pytest.mark.parametrize(
    ("fault", "status"),
    [
        (PrinterFaults(unplugged=True), PrintStatus.NO_PRINTER),
        (PrinterFaults(paper_out=True), PrintStatus.PAPER_OUT),
        (PrinterFaults(cover_open=True), PrintStatus.COVER_OPEN),
    ],
)
def test_a_printer_fault_tells_the_voter_to_ask_a_poll_worker(
    fault: PrinterFaults, status: PrintStatus
) -> None:
    printer = SimPrinter(faults=fault)
    result = printer.print(RECEIPT)
    assert result.status is status and result.message_key.endswith("ask_poll_worker")
    assert printer.slips == []


def test_cable_pulled_mid_receipt_is_reported_and_the_paper_shows_no_cut() -> None:
    printer = SimPrinter(faults=PrinterFaults(cable_pulled_after_bytes=120))
    assert printer.print(RECEIPT).status is PrintStatus.DISCONNECTED
    assert not printer.last_slip().cut  # the poll worker sees a torn, unfinished slip


def test_poll_worker_reprints_the_last_receipt_once_after_fixing_the_printer() -> None:
    printer = SimPrinter(faults=PrinterFaults(paper_out=True))
    assert printer.print(RECEIPT).status is PrintStatus.PAPER_OUT
    printer.faults.paper_out = False
    assert printer.reprint_last().ok
    assert "K7QM-2XPD-9RTA" in printer.last_slip().lines and printer.last_slip().cut
    assert printer.reprint_last().status is PrintStatus.ALREADY_REPRINTED
    assert len(printer.slips) == 1


def test_a_failed_reprint_can_be_tried_again() -> None:
    printer = SimPrinter(faults=PrinterFaults(unplugged=True))
    printer.print(RECEIPT)
    assert printer.reprint_last().status is PrintStatus.NO_PRINTER
    printer.faults.unplugged = False
    assert printer.reprint_last().ok


def test_nothing_to_reprint_before_any_receipt() -> None:
    assert SimPrinter().reprint_last().status is PrintStatus.NOTHING_TO_REPRINT


def test_file_printer_writes_the_whole_slip_to_the_device_file(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    printer = EscposPrinter(lambda: File(str(device), profile=PAPER.profile), PAPER, queries_status=False)
    assert printer.print(RECEIPT).ok
    slip = decode(device.read_bytes(), PAPER.profile)
    assert "K7QM-2XPD-9RTA" in slip.lines and slip.cut


def test_missing_printer_is_reported_not_raised(tmp_path: Path) -> None:
    def absent() -> Any:
        raise FileNotFoundError("/dev/usb/lp0")

    assert EscposPrinter(absent, PAPER, queries_status=True).print(RECEIPT).status is PrintStatus.NO_PRINTER


class _Device:
    """A python-escpos printer as the adapter sees it, with the status a real one reports."""

    def __init__(self, online: bool = True, paper: int = 2, cover_open: bool = False) -> None:
        self.online, self.paper, self.cover_open = online, paper, cover_open
        self.written = b""
        self.fail_after: int | None = None

    def is_online(self) -> bool:
        return self.online

    def paper_status(self) -> int:
        return self.paper

    def query_status(self, _mode: bytes) -> bytes:
        return bytes([0x04 if self.cover_open else 0])

    def _raw(self, data: bytes) -> None:
        if self.fail_after is not None and len(self.written) >= self.fail_after:
            raise OSError("USB device disconnected")
        self.written += data

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("device", "status"),
    [
        (_Device(paper=0), PrintStatus.PAPER_OUT),
        (_Device(online=False, cover_open=True), PrintStatus.COVER_OPEN),
    ],
)
def test_real_adapter_reads_paper_and_cover_from_the_printer(device: _Device, status: PrintStatus) -> None:
    printer = EscposPrinter(lambda: device, PAPER, queries_status=True)
    assert printer.print(RECEIPT).status is status
    assert device.written == b""


def test_real_adapter_reports_a_cable_pulled_mid_slip_and_reconnects_for_the_reprint() -> None:
    devices = [_Device(), _Device()]
    devices[0].fail_after = CHUNK_BYTES
    printer = EscposPrinter(lambda: devices.pop(0), PAPER, queries_status=True)
    assert printer.print(RECEIPT).status is PrintStatus.DISCONNECTED
    fresh = devices[0]
    assert printer.reprint_last().ok
    assert decode(fresh.written, PAPER.profile).cut


def test_faults_and_reprints_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    printer = SimPrinter(faults=PrinterFaults(cover_open=True))
    with caplog.at_level("INFO", logger="kiosk.devices.printer"):
        printer.print(RECEIPT)
        printer.faults.cover_open = False
        printer.reprint_last()
        printer.reprint_last()
    messages = [r.getMessage() for r in caplog.records]
    assert any("cover_open" in m for m in messages)
    assert any(m.startswith("printer: reprint of ReceiptData: ok") for m in messages)
    assert any("second reprint refused" in m for m in messages)
