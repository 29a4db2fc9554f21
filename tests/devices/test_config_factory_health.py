"""Booth config device specs, the adapters built from them, and the poll worker's device health."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.devices.config import (
    DeviceSpecError,
    FilePrinterSpec,
    NetworkPrinterSpec,
    PcscReaderSpec,
    SerialPrinterSpec,
    SimSpec,
    UdevMediaSpec,
    UsbPrinterSpec,
    parse_card_reader,
    parse_media,
    parse_printer,
)
from kiosk.devices.escpos_decode import decode
from kiosk.devices.factory import UnknownDeviceSpec, build_card_reader, build_media, build_printer, paper_for
from kiosk.devices.health import device_health
from kiosk.devices.printer import PrintStatus, ReceiptData
from kiosk.devices.sim_card import CardFaults, SimCardReader
from kiosk.devices.sim_media import MediaFaults, SimMedia
from kiosk.devices.sim_printer import PrinterFaults, SimPrinter

RECEIPT = ReceiptData("AG 2026", "Statutes", "booth-1", "K7QM-2XPD-9RTA", "https://v.example/c", "en")


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("usb:0x04b8:0x0202", UsbPrinterSpec(vendor_id=0x04B8, product_id=0x0202)),
        ("serial:/dev/ttyUSB0", SerialPrinterSpec(device=Path("/dev/ttyUSB0"))),
        ("serial:/dev/ttyUSB0:9600", SerialPrinterSpec(device=Path("/dev/ttyUSB0"), baudrate=9600)),
        ("tcp:192.0.2.10:9100", NetworkPrinterSpec(host="192.0.2.10", port=9100)),
        ("file:/dev/usb/lp0", FilePrinterSpec(path=Path("/dev/usb/lp0"))),
        ("sim", SimSpec()),
    ],
)
def test_printer_specs_from_the_booth_config(text: str, spec: object) -> None:
    assert parse_printer(text) == spec


@pytest.mark.parametrize("text", ["usb:04b8", "usb:zz:0202", "tcp:", "file:lp0", "lpt:1", "tcp:host:99999"])
def test_a_bad_printer_spec_is_quoted_with_valid_examples(text: str) -> None:
    with pytest.raises(DeviceSpecError) as error:
        parse_printer(text)
    assert repr(text) in str(error.value) and "usb:0x04b8:0x0202" in str(error.value)


def test_card_reader_and_media_specs() -> None:
    assert parse_card_reader("pcsc:Yubico").name_contains == "Yubico"  # type: ignore[union-attr]
    assert parse_media("/srv/stick").kind == "folder"
    for bad in (lambda: parse_card_reader("nfc"), lambda: parse_media("stick")):
        with pytest.raises(DeviceSpecError):
            bad()


def test_file_printer_from_its_spec_prints_to_the_file(tmp_path: Path) -> None:
    paper = paper_for(58)
    printer = build_printer(parse_printer(f"file:{tmp_path / 'lp0'}"), paper)
    assert printer.print(RECEIPT).ok
    assert "K7QM-2XPD-9RTA" in decode((tmp_path / "lp0").read_bytes(), paper.profile).lines


def test_a_file_printer_whose_device_is_missing_reports_no_printer(tmp_path: Path) -> None:
    printer = build_printer(parse_printer(f"file:{tmp_path / 'gone' / 'lp0'}"), paper_for(80))
    assert printer.print(RECEIPT).status is PrintStatus.NO_PRINTER


def test_paper_width_outside_the_supported_rolls_is_refused() -> None:
    with pytest.raises(ValueError, match="57 mm"):
        paper_for(57)


def test_sim_specs_build_simulators(tmp_path: Path) -> None:
    assert isinstance(build_printer(SimSpec(), paper_for(80)), SimPrinter)
    assert isinstance(build_card_reader(SimSpec()), SimCardReader)
    assert isinstance(build_media(SimSpec(), tmp_path), SimMedia)


@pytest.mark.parametrize("build", ["printer", "card_reader", "media"])
def test_a_spec_no_factory_knows_is_an_error_not_a_simulator(tmp_path: Path, build: str) -> None:
    """Threat: a booth whose config names a device the factory does not know would quietly run on
    the simulator (no printed receipts, a pretend card reader) instead of saying so."""
    stranger = UdevMediaSpec() if build != "media" else PcscReaderSpec()
    with pytest.raises(UnknownDeviceSpec):
        if build == "printer":
            build_printer(stranger, paper_for(80))  # type: ignore[arg-type]
        elif build == "card_reader":
            build_card_reader(stranger)  # type: ignore[arg-type]
        else:
            build_media(stranger, tmp_path)  # type: ignore[arg-type]


def test_device_health_names_each_problem_for_the_poll_worker(tmp_path: Path) -> None:
    printer = SimPrinter(faults=PrinterFaults(paper_out=True))
    reader = SimCardReader(CardFaults(no_reader=True))
    media = SimMedia(tmp_path, MediaFaults(absent=True))
    health = {h.device: h for h in device_health(printer, reader, media, tmp_path)}
    assert health["printer"].status == "printer.paper_out.ask_poll_worker" and not health["printer"].ok
    assert health["card_reader"].status == "card_reader.missing"
    assert health["usb_stick"].status == "media.insert_stick"
    assert health["storage"].detail.endswith("MB")
    media.insert()
    printer.faults.paper_out = False
    fixed = {h.device: h.ok for h in device_health(printer, SimCardReader(), media, tmp_path)}
    assert fixed["printer"] and fixed["card_reader"] and fixed["usb_stick"]
