"""The end-to-end slips as the printer gets them (ESC/POS bytes, decoded): the code at Seal with no QR,
the cast receipt's signed QR, and a checked slip whose printed QR alone lets anyone confirm the booth."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.ballot.e2e_receipt import parse_cast, parse_checked
from kiosk.ballot.e2e_slip_check import SlipVerdict, check_slip
from kiosk.booth.e2e_cast import SealedCode
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated
from kiosk.devices.escpos_decode import QrRow, decode
from kiosk.devices.sim_printer import SimPrinter
from kiosk.ui.receipt_slips import ReceiptSlips
from tests.kit import ElectionKit

# Where to keep the slips' pictures for a reviewer (E2E_SLIP_PICTURES=folder); a temporary folder otherwise.
PICTURES = "E2E_SLIP_PICTURES"


PROFILE = SimPrinter().paper.profile


def _qr(data: bytes) -> str | None:
    return next((r.payload for r in decode(data, PROFILE).rows if isinstance(r, QrRow)), None)


def _lines(data: bytes) -> list[str]:
    return decode(data, PROFILE).lines


def test_the_three_slips_print_what_each_step_promises(
    e2e_booth: Station, e2e_election: ElectionKit, tmp_path: Path
) -> None:
    printer = SimPrinter(png_dir=Path(os.environ.get(PICTURES, tmp_path / "slips")))
    slips = ReceiptSlips(printer, lambda: e2e_booth.election, lambda: e2e_booth.station_id)
    slips.language = lambda: "fr"
    voter = next(v for v in e2e_election.definition.voters if v.station == "booth-1")
    assert isinstance(e2e_booth.authenticate_code(e2e_election.codes()[voter.id]), Authenticated)
    sealed = e2e_booth.seal(e2e_booth.prepare_ballot(voter.id, "board"), voter.id,
                            {"members": ("ana", "chloe"), "lists": ()})  # fmt: skip
    slips(SealedCode("board", sealed.short_code))
    checked = e2e_booth.check_sealed(sealed)
    slips(checked)
    prepared = e2e_booth.prepare_ballot(voter.id, "board")
    again = e2e_booth.seal(prepared, voter.id, {"members": ("ben",), "lists": ("l1",)})
    slips(SealedCode("board", again.short_code))
    receipt = e2e_booth.cast_sealed(again)
    slips(receipt)
    code_slip, check_slip_bytes, _, cast_slip = printer.slips
    assert _qr(code_slip) is None  # the code alone: nothing to scan before she has chosen
    assert any("PAS ENCORE DÉPOSÉ" in line for line in _lines(code_slip))
    assert any(sealed.short_code in line for line in _lines(code_slip))
    printed_check = _qr(check_slip_bytes)
    assert printed_check == checked.qr
    assert any("NON COMPTÉ" in line for line in _lines(check_slip_bytes))
    assert any("Ana" in line for line in _lines(check_slip_bytes))  # the choices, in clear
    election = e2e_booth.e2e_caster.election_key()
    booth_key = bytes.fromhex(e2e_booth.booth_key()[0].body.booth_public_key)
    verdict = check_slip(election, e2e_election.definition, parse_checked(printed_check), booth_key)
    assert verdict.verdict is SlipVerdict.MATCH
    printed_cast = _qr(cast_slip)
    assert printed_cast is not None and parse_cast(printed_cast).code == again.ballot.code
    assert len(list(printer.png_dir.glob("*.png"))) == 4  # type: ignore[union-attr]
