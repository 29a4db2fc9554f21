"""The composition root: the booth config read, the devices it names built, the station and the screens.

The only module that knows which adapter is real (DESIGN.md, layer 5). `kiosk run` starts here.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt

from kiosk.booth.station import Station
from kiosk.booth.walk import Timing
from kiosk.config import BoothConfig, ConfigError
from kiosk.devices.cards import CardReader
from kiosk.devices.config import DeviceSpecError, parse_card_reader, parse_media, parse_printer
from kiosk.devices.factory import build_card_reader, build_media, build_printer, paper_for
from kiosk.devices.health import device_health
from kiosk.devices.media import Media
from kiosk.devices.printer import MESSAGE_KEYS, Printer, PrintStatus
from kiosk.devices.sim_card import SimCard, SimCardReader, load_card_file
from kiosk.devices.speech import build_speech
from kiosk.hall.session_calls import join_hall
from kiosk.ui.accessibility import dpi_from_width
from kiosk.ui.app import BoothUi, WorkerSetup, application, build_ui
from kiosk.ui.card_door import CardDoor
from kiosk.ui.receipt_slips import ReceiptSlips, report_printer

DEMO_CARD_FILE = "demo-worker-card.json"  # written beside the demo booth's storage by scripts/demo_setup.py
DEMO_RECEIPTS = "receipts"  # the demo keeps a PNG of every slip it prints, beside the booth's storage


@dataclass
class BoothDevices:
    printer: Printer
    reader: CardReader
    media: Media


def build_devices(config: BoothConfig, png_dir: Path | None = None) -> BoothDevices:
    """The devices the config names; a spec that cannot be used stops the booth with its reason."""
    devices = config.devices
    printer = config_printer(config, png_dir)
    try:
        reader = build_card_reader(parse_card_reader(devices.card_reader))
        media = build_media(parse_media(devices.media), config.station_data.parent / "usb")
    except (DeviceSpecError, ValueError) as exc:
        raise ConfigError(f"devices: {exc}") from None
    return BoothDevices(printer, reader, media)


def config_printer(config: BoothConfig, png_dir: Path | None = None) -> Printer:
    try:
        spec = parse_printer(config.devices.printer)
        return build_printer(spec, paper_for(config.devices.paper_mm), png_dir)
    except (DeviceSpecError, ValueError) as exc:
        raise ConfigError(f"devices: {exc}") from None


# Device health as the poll worker's screen names it: working, out of paper, not connected, fault.
_PRINTER_HEALTH = {MESSAGE_KEYS[PrintStatus.OK]: "ok", MESSAGE_KEYS[PrintStatus.PAPER_OUT]: "paper_out",
                   MESSAGE_KEYS[PrintStatus.NO_PRINTER]: "missing"}


def health_rows(
    devices: BoothDevices, storage: Path, now: datetime, hall: bool | None = None
) -> list[tuple[str, str, str]]:
    """The rows of device health; hall is None outside a hall, else whether it answers now."""
    rows = []
    for health in device_health(devices.printer, devices.reader, devices.media, storage):
        if health.device == "printer":
            rows.append(("printer", _PRINTER_HEALTH.get(health.status, "fault"), ""))
        elif health.device == "card_reader":
            rows.append(("card_reader", "ok" if health.ok else "missing", ""))
        elif health.device == "storage":
            free_mb = health.detail.removesuffix(" MB")
            rows.append(("storage", "ok" if health.ok else "fault", free_mb))
    if hall is not None:
        rows.append(("hall", "connected" if hall else "disconnected", ""))
    # The booth's clock stamps the opening and closing: the poll worker compares it with the hall's.
    rows.append(("clock", "ok", now.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")))
    return rows


def booth_station(config: BoothConfig) -> Station:
    """The station the config describes; in a hall, joined to it (unfinished casts settled now)."""
    station = Station(config.station_data, authority=config.authority)
    if config.hall is not None:
        join_hall(station, config.hall.url, confirm_after_receipt=True)  # the receipt first
    # What start-up made lives all day: out of the collector's sight, so a full collection in the
    # middle of a voter's cast walks only what casts make (tens of ms less at p99, bench/hall_paced.py).
    gc.freeze()
    return station


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or (
        os.environ.get("QT_QPA_PLATFORM", "") not in ("", "offscreen", "minimal")
    )


def run_booth(config: BoothConfig, demo: bool = False, tour_out: Path | None = None) -> int:
    """The booth until the machine stops; in demo mode without a display, the tour, then 0."""
    station = booth_station(config)
    receipts = config.station_data.parent / DEMO_RECEIPTS if demo else None
    if demo and not has_display():
        return _demo_tour(station, config, tour_out or Path("demo-data/tour"), receipts)
    app = application()
    devices = build_devices(config, receipts)
    ui = _booth_ui(station, devices, config)
    door = CardDoor(devices.reader, station, ui)
    devices.reader.start(door.listen)
    card_file = config.station_data.parent / DEMO_CARD_FILE
    if demo and card_file.exists() and isinstance(devices.reader, SimCardReader):
        app.installEventFilter(_DemoCardKeys(ui, devices.reader, _demo_card(card_file)))
    ui.window.showFullScreen()
    try:
        return app.exec()
    finally:
        devices.reader.stop()
        ui.language.release()
        ui.window.close()
        ui.engine.deleteLater()
        station.close()


def _booth_ui(station: Station, devices: BoothDevices, config: BoothConfig) -> BoothUi:
    timing = Timing(config.ui.inactivity_warning_seconds, config.ui.inactivity_countdown_seconds)
    slips = ReceiptSlips(devices.printer, lambda: station.election, lambda: station.station_id,
                         lambda: station.mode == "test")
    setup = WorkerSetup(station, devices.media, report_printer(devices.printer),
                        lambda: health_rows(devices, config.station_data, station.clock(),
                                            station.hall_connected()),
                        config.station)
    width_mm = config.ui.screen_width_mm
    dpi = dpi_from_width(application().primaryScreen().size().width(), width_mm) if width_mm else None
    ui = build_ui(station, slips, timing, config.ui.language, dpi=dpi, worker_setup=setup,
                  speech=build_speech(config.devices.speech))
    slips.language = ui.language.code
    return ui


def _demo_card(card_file: Path) -> SimCard:
    """The demo's poll-worker card: its PIN and its private key, as scripts/demo_setup.py wrote them."""
    return load_card_file(card_file)


class _DemoCardKeys(QObject):
    """F9 puts the simulated poll-worker card in the simulated reader, F10 takes it out (demo only)."""

    def __init__(self, ui: BoothUi, reader: SimCardReader, card: SimCard) -> None:
        super().__init__(ui.window)
        self._reader, self._card = reader, card

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_F9:
                self._reader.insert(self._card)
                return True
            if key == Qt.Key.Key_F10:
                self._reader.remove()
                return True
        return False


def _demo_tour(station: Station, config: BoothConfig, out: Path, receipts: Path | None) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.ui.tour import run_tour
    from kiosk.ui.worker_tour import WorkerTour

    application()
    card_file = config.station_data.parent / DEMO_CARD_FILE
    media = Path(config.devices.media)
    worker = WorkerTour.from_card_file(media, card_file) if card_file.exists() else None
    printer = config_printer(config, receipts)  # the tour prints; it reads no card and no stick
    written = run_tour(station.election, out, worker=worker, printer=printer)
    print(f"no display: wrote {len(written)} screens to {out}; receipts printed as pictures in {receipts}")
    return 0
