"""The real receipt printer: python-escpos over USB, serial, network or a device file."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from kiosk.devices.printer import PrintResult, PrintStatus
from kiosk.devices.receipts import Paper
from kiosk.devices.slip_printer import SlipPrinter

# Real-time status (ESC/POS DLE EOT 2, "offline cause"): bit 2 set means the cover is open.
OFFLINE_CAUSE = b"\x10\x04\x02"
COVER_OPEN_BIT = 0x04
PAPER_ABSENT = 0  # python-escpos paper_status(): 0 none, 1 near end, 2 adequate
# Bytes per write: a pulled cable then fails within a few lines, and the slip is known incomplete.
CHUNK_BYTES = 256

Connect = Callable[[], Any]


class EscposPrinter(SlipPrinter):
    """connect() opens a python-escpos printer (Usb, Serial, Network, File) or raises if absent.

    queries_status is False where the transport is one-way (a device file, many network printers):
    such a printer cannot say it is out of paper, so only a failed write is reported.
    """

    def __init__(self, connect: Connect, paper: Paper, queries_status: bool) -> None:
        super().__init__(paper)
        self._connect = connect
        self._queries_status = queries_status
        self._device: Any | None = None

    def _open(self) -> Any | None:
        if self._device is None:
            try:
                self._device = self._connect()
            except Exception:  # python-escpos raises per transport: USB, serial, socket, OS errors
                return None
        return self._device

    def _drop(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            with contextlib.suppress(Exception):  # already broken: closing only frees what is left
                device.close()

    def status(self) -> PrintResult:
        device = self._open()
        if device is None:
            return PrintResult(PrintStatus.NO_PRINTER)
        if not self._queries_status:
            return PrintResult(PrintStatus.OK)
        try:
            if not device.is_online():
                cause = device.query_status(OFFLINE_CAUSE)
                if cause and cause[0] & COVER_OPEN_BIT:
                    return PrintResult(PrintStatus.COVER_OPEN)
            if device.paper_status() == PAPER_ABSENT:
                return PrintResult(PrintStatus.PAPER_OUT)
        except Exception:  # no answer: the cable went between open and query
            self._drop()
            return PrintResult(PrintStatus.NO_PRINTER)
        return PrintResult(PrintStatus.OK)

    def _send(self, data: bytes) -> PrintStatus:
        device = self._open()
        if device is None:
            return PrintStatus.NO_PRINTER
        try:
            for start in range(0, len(data), CHUNK_BYTES):
                device._raw(data[start : start + CHUNK_BYTES])
            flush = getattr(device, "flush", None)
            if callable(flush):
                flush()
        except Exception:  # the transport broke mid-slip
            self._drop()
            return PrintStatus.DISCONNECTED
        return PrintStatus.OK
