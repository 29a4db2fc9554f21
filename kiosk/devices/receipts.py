"""What each slip says, as plain blocks, and the ESC/POS commands that print them (python-escpos).

The receipt carries the election, the session, the booth and the tracking code, never a choice.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import segno
from escpos.constants import QR_ECLEVEL_M

from kiosk.devices.printer import CodeSlip, Printable, ReceiptData, ReportData


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class Line:
    text: str
    large: bool = False  # double width and height: the tracking code, read by people at arm's length
    bold: bool = False
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Qr:
    payload: str


Block = Line | Qr


@dataclass(frozen=True)
class Paper:
    """A paper width and the python-escpos profile chosen for it (columns of Font A, printable dots)."""

    width_mm: int
    profile: str
    columns: int
    dots: int


# Two common roll widths. The profiles are mainstream printers whose capabilities python-escpos
# knows (native QR, full cut): their column count and printable dots drive the layout.
PAPERS: dict[int, Paper] = {
    58: Paper(58, "RP-F10-58mm", columns=36, dots=432),
    80: Paper(80, "TM-T20II", columns=48, dots=576),
}
# A QR code needs four modules of quiet zone each side to scan reliably (ISO/IEC 18004).
QR_QUIET_MODULES = 4
# Printer QR dot sizes run 1-16; past 6 dots a module the code only grows, it does not scan better.
QR_MAX_DOTS = 6
QR_ERROR = "m"  # medium correction: survives a smudge or a fold (QR_ECLEVEL_M on the printer)
RULE = "-"


def qr_payload(tracking_code: str, verify_url: str) -> str:
    """The QR carries where to check and the code, so a phone opens the check page with it filled in."""
    separator = "&" if "?" in verify_url else "?"
    return f"{verify_url}{separator}code={tracking_code}"


def qr_module_dots(payload: str, paper: Paper) -> int:
    """The largest dot size per module at which the QR and its quiet zone fit the paper."""
    symbol = segno.make(payload, error=QR_ERROR, micro=False)
    modules = int(symbol.symbol_size(scale=1, border=QR_QUIET_MODULES)[0])
    return max(1, min(QR_MAX_DOTS, paper.dots // modules))


def blocks_for(document: Printable, paper: Paper) -> list[Block]:
    if isinstance(document, ReceiptData):
        return _receipt(document, paper)
    if isinstance(document, ReportData):
        return _report(document, paper)
    return _code_slip(document, paper)


def _centered(text: str, paper: Paper, bold: bool = False) -> list[Block]:
    return [Line(t, bold=bold, align=Align.CENTER) for t in wrap(text, paper.columns)]


# Printed at the top and bottom of every report and slip of a booth set up in test mode.
TEST_BANNER = "*** TEST MODE - NOT OFFICIAL ***"


def _test_banner(text: str, paper: Paper) -> list[Block]:
    return [Line(t, bold=True, align=Align.CENTER) for t in wrap(text, paper.columns)] if text else []


def _receipt(r: ReceiptData, paper: Paper) -> list[Block]:
    qr = qr_payload(r.tracking_code, r.verify_url) if r.qr is None else r.qr
    status = [Line(t, large=True, bold=True, align=Align.CENTER) for t in wrap(r.status, paper.columns // 2)]
    return [
        *_test_banner(r.test_banner, paper),
        *_centered(r.election_title, paper, bold=True),
        *_centered(r.session_title, paper),
        *_centered(r.station, paper),
        Line(RULE * paper.columns),
        *_centered(r.heading, paper),
        *[Line(t, large=True, align=Align.CENTER) for t in wrap_code(r.tracking_code, paper.columns // 2)],
        *(status if r.status else []),
        *[Line(t) for detail in r.details for t in wrap(detail, paper.columns)],
        Line(""),
        *_centered(r.check_hint, paper),
        *([Qr(qr)] if qr else []),
        *(_centered(r.verify_url, paper) if qr else []),
        *_test_banner(r.test_banner, paper),
    ]


def _report(r: ReportData, paper: Paper) -> list[Block]:
    title = "ZERO REPORT" if r.kind == "zero" else "CLOSING REPORT"
    banner = _test_banner(TEST_BANNER if r.test_mode else "", paper)
    blocks: list[Block] = [
        *banner,
        Line(title, large=True, align=Align.CENTER),
        *_centered(r.election_title, paper, bold=True),
        *_centered(f"{r.station}  {r.time}", paper),
        Line(RULE * paper.columns),
    ]
    for session in r.sessions:
        blocks += [Line(t, bold=True) for t in wrap(session.title, paper.columns)]
        blocks.append(Line(f"  ballots {session.ballots}   voted marks {session.marks}"))
    blocks += [Line(RULE * paper.columns), Line("Election fingerprint:")]
    blocks += [Line(t) for t in wrap_code(r.fingerprint, paper.columns)]
    blocks.append(Line("Audit chain head:"))
    blocks += [Line(t) for t in wrap_code(r.chain_head, paper.columns)]
    return blocks + banner


def _code_slip(s: CodeSlip, paper: Paper) -> list[Block]:
    return [
        *_test_banner(TEST_BANNER if s.test_mode else "", paper),
        *_centered(s.election_title, paper, bold=True),
        *_centered(s.station, paper),
        Line(RULE * paper.columns),
        *_centered(s.voter_name, paper, bold=True),
        *_centered("New voting code (the old one no longer works):", paper),
        *[Line(t, bold=True, align=Align.CENTER) for t in wrap_code(s.code, paper.columns)],
    ]


def wrap(text: str, columns: int) -> list[str]:
    return textwrap.wrap(text, columns, break_long_words=True) or [""]


def wrap_code(code: str, columns: int) -> list[str]:
    """Break a code only between its dash-separated groups, so no group is split across lines."""
    lines: list[str] = []
    for group in code.split("-"):
        if lines and len(lines[-1]) + 1 + len(group) <= columns:
            lines[-1] += "-" + group
        else:
            lines.extend(wrap(group, columns))
    return lines


def emit(blocks: list[Block], printer: Any, paper: Paper) -> None:
    """Send the blocks to a python-escpos printer object (Usb, Serial, Network, File or Dummy)."""
    for block in blocks:
        if isinstance(block, Qr):
            printer.set(align=Align.CENTER.value, normal_textsize=True, bold=False)
            printer.qr(block.payload, ec=QR_ECLEVEL_M, size=qr_module_dots(block.payload, paper), native=True)
            continue
        if block.large:
            printer.set(align=block.align.value, bold=block.bold, double_width=True, double_height=True)
        else:
            printer.set(align=block.align.value, bold=block.bold, normal_textsize=True)
        printer.text(block.text + "\n")
    printer.set(align=Align.LEFT.value, bold=False, normal_textsize=True)
    printer.cut()
