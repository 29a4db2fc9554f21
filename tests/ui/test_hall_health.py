"""The poll worker sees the hall in device health: connected, or cut off with what that means."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.booth.station import Station
from kiosk.booth.voter_auth import CodeRefusal
from kiosk.booth.walk import Timing
from kiosk.devices.sim_media import SimMedia
from kiosk.devices.sim_printer import SimPrinter
from kiosk.ui.app import WorkerSetup, build_ui
from kiosk.ui.receipt_slips import ReceiptSlips, report_printer
from tests.ui.conftest import ManualClock
from tests.ui.taps import tap, text_of
from tests.ui.test_poll_worker_day import booth_of_media, worker_logs_in
from tests.ui.test_refusal_texts import cases


def test_device_health_says_connected_to_the_hall_or_that_voters_are_sent_elsewhere(
    qapp: QApplication, tmp_path: Path, carded_media: Path, clock: ManualClock
) -> None:
    station = Station(tmp_path / "booth")
    stick_folder = tmp_path / "stick"
    shutil.copytree(carded_media, stick_folder)
    printer, hall = SimPrinter(), {"connected": True}
    slips = ReceiptSlips(printer, lambda: station.election, lambda: station.station_id, lambda: False)
    health = lambda: [("hall", "connected" if hall["connected"] else "disconnected", "")]  # noqa: E731
    setup = WorkerSetup(station, SimMedia(stick_folder), report_printer(printer), health,
                        booth_of_media(carded_media))
    ui = build_ui(station, slips, Timing(120, 45), dpi=100, clock=clock, worker_setup=setup)
    ui.window.show()
    try:
        worker_logs_in(ui)
        tap(ui, "setup-check")
        tap(ui, "setup-confirm")
        assert text_of(ui, "device-hall") == "Hall network: connected to the hall"
        hall["connected"] = False
        tap(ui, "lang-fr")
        assert text_of(ui, "device-hall").startswith("Réseau de la salle: la salle est injoignable")
    finally:
        ui.language.release()
        ui.window.close()
        ui.engine.deleteLater()
        station.close()


def test_every_reason_a_voter_is_turned_away_at_the_door_is_said_on_the_code_screen() -> None:
    """A booth cut off from the hall turns voters away at the door: that reason too has its text."""
    said = cases("CodeEntryScreen.qml", "refusalText") | {CodeRefusal.MISTYPED.value}  # said per mistake
    assert {r.value for r in CodeRefusal} - said == set()
