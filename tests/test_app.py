"""The composition root: devices built from the booth config, and their health for the poll worker."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app import BoothDevices, build_devices, health_rows
from kiosk.config import ConfigError, parse_config
from kiosk.devices.escpos_printer import EscposPrinter
from kiosk.devices.mounted_media import FolderMedia
from kiosk.devices.sim_card import CardFaults, SimCardReader
from kiosk.devices.sim_media import SimMedia
from kiosk.devices.sim_printer import PrinterFaults, SimPrinter


def test_the_config_names_the_real_adapters(tmp_path: Path) -> None:
    config = parse_config(f'station_data = "{tmp_path / "data"}"\n[devices]\n'
                          f'printer = "file:{tmp_path / "lp0"}"\npaper_mm = 58\nmedia = "{tmp_path}"\n')
    devices = build_devices(config)
    assert isinstance(devices.printer, EscposPrinter) and devices.printer.paper.width_mm == 58
    assert isinstance(devices.media, FolderMedia) and isinstance(devices.reader, SimCardReader)


def test_a_printer_spec_that_cannot_be_used_stops_the_booth_with_its_reason(tmp_path: Path) -> None:
    config = parse_config(f'station_data = "{tmp_path}"\n[devices]\nprinter = "usb:epson"\n')
    with pytest.raises(ConfigError, match=r"devices: .*usb:epson"):
        build_devices(config)


def test_the_poll_worker_sees_paper_out_a_missing_reader_free_storage_and_the_clock(tmp_path: Path) -> None:
    devices = BoothDevices(SimPrinter(faults=PrinterFaults(paper_out=True)),
                           SimCardReader(faults=CardFaults(no_reader=True)), SimMedia(tmp_path))
    rows = {name: (status, detail) for name, status, detail in
            health_rows(devices, tmp_path, datetime(2026, 11, 23, 9, 30, tzinfo=UTC))}
    assert rows["printer"] == ("paper_out", "") and rows["card_reader"] == ("missing", "")
    assert rows["storage"][0] == "ok" and int(rows["storage"][1]) > 0
    assert rows["clock"] == ("ok", "2026-11-23 09:30 UTC")
