"""`kiosk run`: the booth's screens over its storage and devices, full screen.

The devices of kiosk.devices are wired here by the lead; until then the simulated ones stand in:
a receipt printer that prints to the console, a USB stick that is the configured folder, and in
demo mode a poll-worker card inserted with F9 and removed with F10.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt

from kiosk.config import BoothConfig
from kiosk.station import CastReceipt, Station
from kiosk.ui.app import BoothUi, WorkerSetup, application, build_ui
from kiosk.ui.worker_flow import SimWorkerCard
from kiosk.ui.worker_tour import WorkerTour
from kiosk.walk import PrintStatus, Timing

DEMO_CARD_FILE = "demo-worker-card.json"  # written beside the demo booth's storage by scripts/demo_setup.py


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or (
        os.environ.get("QT_QPA_PLATFORM", "") not in ("", "offscreen", "minimal")
    )


def sim_printer(receipt: CastReceipt) -> PrintStatus:
    """The simulated receipt printer: it always prints, to the console."""
    print(f"[receipt] session {receipt.session_id}  tracking code {receipt.tracking_code}", flush=True)
    return PrintStatus.PRINTED


def sim_report_printer(title: str, lines: list[str]) -> PrintStatus:
    print(f"[report] {title}: " + "; ".join(lines), flush=True)
    return PrintStatus.PRINTED


def sim_health() -> list[tuple[str, str]]:
    return [("printer", "ok"), ("card_reader", "ok"), ("storage", "ok"), ("scanner", "ok")]


def media_folder(config: BoothConfig) -> Path:
    """The USB stick's mount point; "sim" is a folder beside the booth's storage."""
    return config.station_data / "usb" if config.devices.media == "sim" else Path(config.devices.media)


class _DemoCardKeys(QObject):
    """F9 inserts the simulated poll-worker card, F10 removes it (demo only)."""

    def __init__(self, ui: BoothUi, card: SimWorkerCard) -> None:
        super().__init__(ui.window)
        self._ui, self._card = ui, card

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._ui.worker is not None:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_F9:
                self._ui.worker.card_inserted(self._card)
                return True
            if key == Qt.Key.Key_F10:
                self._ui.worker.card_removed()
                return True
        return False


def run_booth(config: BoothConfig, demo: bool = False, tour_out: Path | None = None) -> int:
    """The booth until the machine stops; in demo mode without a display, the tour, then 0."""
    station = Station(config.station_data)
    card_file = config.station_data.parent / DEMO_CARD_FILE
    if demo and not has_display():
        return _demo_tour(station, media_folder(config), card_file, tour_out or Path("demo-data/tour"))
    app = application()
    timing = Timing(config.ui.inactivity_warning_seconds, config.ui.inactivity_countdown_seconds)
    setup = WorkerSetup(station, lambda: media_folder(config), sim_report_printer, sim_health)
    ui = build_ui(station, sim_printer, timing, config.ui.language, worker_setup=setup)
    if demo and card_file.exists():
        tour = WorkerTour.from_card_file(media_folder(config), card_file)
        app.installEventFilter(_DemoCardKeys(ui, SimWorkerCard(tour.pin, tour.public_key)))
    ui.window.showFullScreen()
    try:
        return app.exec()
    finally:
        ui.language.release()
        ui.window.close()
        ui.engine.deleteLater()
        station.close()


def _demo_tour(station: Station, media: Path, card_file: Path, out: Path) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.ui.tour import run_tour

    application()
    worker = WorkerTour.from_card_file(media, card_file) if card_file.exists() else None
    written = run_tour(station.election, out, worker=worker)
    print(f"no display: wrote {len(written)} screens to {out}")
    return 0
