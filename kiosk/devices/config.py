"""Device spec strings from the booth config, parsed into typed objects with errors a technician can act on.

printer: "usb:0x04b8:0x0202", "serial:/dev/ttyUSB0" (optionally ":19200"), "tcp:192.0.2.10:9100",
"file:/dev/usb/lp0" or "sim". card_reader: "pcsc", "pcsc:NAME PART" or "sim". media: "udev" (real
sticks), a folder standing in for the mount point, or "sim".
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

# Most receipt printers ship set to 19200 baud, 8N1 (Epson's TM series, and their clones).
DEFAULT_BAUDRATE = 19200
DEFAULT_PRINTER_PORT = 9100  # the raw-printing port every network receipt printer listens on


class DeviceSpecError(ValueError):
    """A device spec that cannot be used: the message quotes it and shows a valid example."""


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SimSpec(_Spec):
    kind: Literal["sim"] = "sim"


class UsbPrinterSpec(_Spec):
    kind: Literal["usb"] = "usb"
    vendor_id: int = Field(ge=0, le=0xFFFF)
    product_id: int = Field(ge=0, le=0xFFFF)


class SerialPrinterSpec(_Spec):
    kind: Literal["serial"] = "serial"
    device: Path
    baudrate: int = Field(default=DEFAULT_BAUDRATE, gt=0)


class NetworkPrinterSpec(_Spec):
    kind: Literal["tcp"] = "tcp"
    host: str = Field(min_length=1)
    port: int = Field(default=DEFAULT_PRINTER_PORT, ge=1, le=65535)


class FilePrinterSpec(_Spec):
    kind: Literal["file"] = "file"
    path: Path


PrinterSpec = SimSpec | UsbPrinterSpec | SerialPrinterSpec | NetworkPrinterSpec | FilePrinterSpec


class PcscReaderSpec(_Spec):
    kind: Literal["pcsc"] = "pcsc"
    name_contains: str = ""


CardReaderSpec = SimSpec | PcscReaderSpec


class UdevMediaSpec(_Spec):
    kind: Literal["udev"] = "udev"


class FolderMediaSpec(_Spec):
    kind: Literal["folder"] = "folder"
    folder: Path


MediaSpec = SimSpec | UdevMediaSpec | FolderMediaSpec

PRINTER_EXAMPLES = (
    '"usb:0x04b8:0x0202", "serial:/dev/ttyUSB0", "tcp:192.0.2.10:9100", "file:/dev/usb/lp0", "sim"'
)


def parse_printer(text: str) -> PrinterSpec:
    kind, _, rest = text.strip().partition(":")
    try:
        return _printer(kind, rest)
    except (ValidationError, ValueError) as exc:
        detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise DeviceSpecError(f"printer = {text!r}: {detail}; write one of {PRINTER_EXAMPLES}") from None


def _printer(kind: str, rest: str) -> PrinterSpec:
    if kind == "sim" and not rest:
        return SimSpec()
    if kind == "usb":
        vendor, product = _two(rest, "vendor and product ids")
        return UsbPrinterSpec(vendor_id=_hex(vendor), product_id=_hex(product))
    if kind == "serial":
        device, baud = _split_last_number(rest)
        if not device.startswith("/"):
            raise ValueError("needs the serial device's path, like /dev/ttyUSB0")
        return SerialPrinterSpec(device=Path(device), baudrate=int(baud) if baud else DEFAULT_BAUDRATE)
    if kind == "tcp":
        host, port = _split_last_number(rest)
        return NetworkPrinterSpec(host=host, port=int(port) if port else DEFAULT_PRINTER_PORT)
    if kind == "file" and rest.startswith("/"):
        return FilePrinterSpec(path=Path(rest))
    raise ValueError(f"unknown printer kind {kind!r}" if kind not in ("file", "sim") else "needs a path")


def _hex(text: str) -> int:
    try:
        return int(text, 16)
    except ValueError:
        raise ValueError(f"{text!r} is not a hex USB id (lsusb shows them, e.g. 04b8:0202)") from None


def _two(rest: str, what: str) -> tuple[str, str]:
    parts = rest.split(":")
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"needs {what} as two hex numbers")
    return parts[0], parts[1]


def _split_last_number(rest: str) -> tuple[str, str]:
    head, _, tail = rest.rpartition(":")
    return (head, tail) if head and tail.isdigit() else (rest, "")


def parse_card_reader(text: str) -> CardReaderSpec:
    kind, _, rest = text.strip().partition(":")
    if kind == "sim" and not rest:
        return SimSpec()
    if kind == "pcsc":
        return PcscReaderSpec(name_contains=rest)
    raise DeviceSpecError(f'card_reader = {text!r}: write "pcsc", "pcsc:PART OF THE READER NAME" or "sim"')


def parse_media(text: str) -> MediaSpec:
    value = text.strip()
    if value == "sim":
        return SimSpec()
    if value == "udev":
        return UdevMediaSpec()
    if value.startswith("/"):
        return FolderMediaSpec(folder=Path(value))
    raise DeviceSpecError(f'media = {text!r}: write "udev" (USB sticks), a folder\'s absolute path, or "sim"')
