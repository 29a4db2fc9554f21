"""What the paper shows, read back from the ESC/POS bytes: text lines, the QR as a phone reads it, the cut."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from kiosk.devices.escpos_decode import TextRow, decode
from kiosk.devices.escpos_image import MARGIN_DOTS, render
from kiosk.devices.printer import CodeSlip, ReceiptData, ReportData, SessionCount
from kiosk.devices.receipts import PAPERS, Paper
from kiosk.devices.sim_printer import SimPrinter
from kiosk.devices.slip_printer import slip_bytes

RECEIPT = ReceiptData(
    election_title="Assemblée générale 2026 de l'Association des Délégués du Personnel",
    session_title="Séance 2 : élection du bureau",
    station="Isoloir 3",
    tracking_code="K7QM-2XPD-9RTA",
    verify_url="https://vote.example.org/verifier",
    language="fr",
    heading="Votre reçu",
    check_hint="Vérifiez votre code sur :",
)


def _qr_codes(image: Image.Image) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("paper", PAPERS.values(), ids=lambda p: f"{p.width_mm}mm")
def test_receipt_shows_election_session_booth_and_a_large_tracking_code(paper: Paper) -> None:
    slip = decode(slip_bytes(RECEIPT, paper), paper.profile)
    text = " ".join(slip.lines)
    for expected in ("Assemblée générale 2026", "Séance 2 : élection du bureau", "Isoloir 3", "Votre reçu"):
        assert expected in text
    code_rows = [r for r in slip.rows if isinstance(r, TextRow) and "K7QM-2XPD-9RTA" in r.text]
    assert len(code_rows) == 1 and code_rows[0].width == 2 and code_rows[0].height == 2
    assert slip.cut


@pytest.mark.parametrize("paper", PAPERS.values(), ids=lambda p: f"{p.width_mm}mm")
def test_receipt_qr_scans_to_the_check_page_with_the_tracking_code(paper: Paper) -> None:
    slip = decode(slip_bytes(RECEIPT, paper), paper.profile)
    assert _qr_codes(render(slip, paper)) == ["https://vote.example.org/verifier?code=K7QM-2XPD-9RTA"]


@pytest.mark.parametrize("paper", PAPERS.values(), ids=lambda p: f"{p.width_mm}mm")
def test_every_line_and_the_qr_fit_the_paper_width(paper: Paper) -> None:
    slip = decode(slip_bytes(RECEIPT, paper), paper.profile)
    for row in slip.rows:
        if isinstance(row, TextRow):
            assert len(row.text) * row.width <= paper.columns, row.text
    long_url = RECEIPT.verify_url + "/" + "x" * 120
    qr_slip = decode(slip_bytes(replace(RECEIPT, verify_url=long_url), paper), paper.profile)
    image = render(qr_slip, paper)
    assert image.width <= paper.dots + 2 * MARGIN_DOTS
    assert _qr_codes(image) == [f"{long_url}?code=K7QM-2XPD-9RTA"]


def test_zero_and_closing_reports_show_counts_fingerprint_and_whole_chain_head() -> None:
    paper = PAPERS[58]
    chain_head = "9f" * 32
    for kind, title in (("zero", "ZERO REPORT"), ("closing", "CLOSING REPORT")):
        report = ReportData(
            kind=kind,  # type: ignore[arg-type]
            election_title="AG 2026",
            station="booth-1",
            fingerprint="ABCD-EFGH-IJKL-MNOP",
            chain_head=chain_head,
            time="2026-11-22 09:00",
            sessions=(SessionCount("Statutes", 12, 12), SessionCount("Board", 0, 0)),
        )
        lines = decode(slip_bytes(report, paper), paper.profile).lines
        assert lines[0] == title
        assert "  ballots 12   voted marks 12" in lines
        assert "ABCD-EFGH-IJKL-MNOP" in lines
        assert chain_head in "".join(lines)


def test_reissued_code_slip_keeps_each_group_of_the_code_on_one_line() -> None:
    paper = PAPERS[58]
    code = "-".join(["ABCD"] * 7)  # 34 characters: does not fit one 36-column line with the name
    slip = CodeSlip("AG 2026", "booth-1", "Ana Souza", code)
    lines = decode(slip_bytes(slip, paper), paper.profile).lines
    assert "Ana Souza" in lines
    code_lines = [line for line in lines if line.startswith("ABCD")]
    assert "-".join(code_lines) == code and all(len(part) <= paper.columns for part in code_lines)


def test_demo_printer_saves_each_slip_as_a_picture_that_scans(tmp_path: Path) -> None:
    printer = SimPrinter(png_dir=tmp_path)
    assert printer.print(RECEIPT).ok
    pictures = sorted(tmp_path.glob("*.png"))
    assert len(pictures) == 1
    assert _qr_codes(Image.open(pictures[0])) == ["https://vote.example.org/verifier?code=K7QM-2XPD-9RTA"]


def test_receipt_says_nothing_beyond_its_fields_so_no_choice_can_appear() -> None:
    paper = PAPERS[80]
    slip = decode(slip_bytes(RECEIPT, paper), paper.profile)
    fields = (RECEIPT.election_title, RECEIPT.session_title, RECEIPT.station, RECEIPT.heading)
    allowed = " ".join((*fields, RECEIPT.tracking_code, RECEIPT.check_hint, RECEIPT.verify_url))
    for line in slip.lines:
        assert line.strip("-") == "" or line in allowed, line
    assert slip.qr_payloads == [f"{RECEIPT.verify_url}?code={RECEIPT.tracking_code}"]
