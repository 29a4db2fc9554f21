"""Device health for the poll worker's screen: printer and paper, card reader, storage, USB stick."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.devices.cards import CardReader
from kiosk.devices.media import Media
from kiosk.devices.printer import Printer

# A conference day's ballots and audit log take a few megabytes; below this the poll worker is
# warned while there is still room to finish the day and write the sealed file.
LOW_STORAGE_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class DeviceHealth:
    device: str  # "printer", "card_reader", "storage", "usb_stick"
    ok: bool
    status: str  # a message key the UI translates, e.g. "printer.paper_out.ask_poll_worker"
    detail: str = ""  # numbers the message shows, e.g. free megabytes


def device_health(printer: Printer, reader: CardReader, media: Media, storage: Path) -> list[DeviceHealth]:
    printing = printer.status()
    reader_ok = reader.reader_present()
    free = shutil.disk_usage(storage).free if storage.exists() else 0
    stick_free = media.free_bytes() if media.present() else None
    return [
        DeviceHealth("printer", printing.ok, printing.message_key),
        DeviceHealth("card_reader", reader_ok, "card_reader.ok" if reader_ok else "card_reader.missing"),
        DeviceHealth(
            "storage",
            free >= LOW_STORAGE_BYTES,
            "storage.ok" if free >= LOW_STORAGE_BYTES else "storage.low",
            f"{free // (1024 * 1024)} MB",
        ),
        DeviceHealth(
            "usb_stick",
            stick_free is not None,
            "media.present" if stick_free is not None else "media.insert_stick",
            "" if stick_free is None else f"{stick_free // (1024 * 1024)} MB",
        ),
    ]
