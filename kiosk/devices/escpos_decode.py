"""Reading back the ESC/POS bytes the booth sends, for the subset receipts.py emits.

The tests check what the paper would show from the bytes themselves, and the demo draws them
(escpos_image.py), so a mistake in the commands shows up as a wrong slip, not a passing test.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from escpos.capabilities import get_profile

ESC, GS, LF = 0x1B, 0x1D, 0x0A
# ESC ! n print mode bits (ESC/POS reference): emphasized, double height, double width.
MODE_BOLD, MODE_DOUBLE_HEIGHT, MODE_DOUBLE_WIDTH = 0x08, 0x10, 0x20
QR_STORE, QR_SIZE, QR_PRINT = ord("P"), ord("C"), ord("Q")


@dataclass(frozen=True)
class TextRow:
    text: str
    width: int  # character magnification, 1 or more
    height: int
    bold: bool
    align: int  # 0 left, 1 center, 2 right


@dataclass(frozen=True)
class QrRow:
    payload: str
    module_dots: int


Row = TextRow | QrRow


class EscposDecodeError(ValueError):
    """Bytes outside the subset the booth emits: a layout bug, or a command this reader lacks."""


@dataclass
class _State:
    width: int = 1
    height: int = 1
    bold: bool = False
    align: int = 0
    encoding: str = "cp437"
    qr_dots: int = 3
    qr_data: str = ""
    pending: bytearray = field(default_factory=bytearray)


@dataclass
class Decoded:
    rows: list[Row] = field(default_factory=list)
    cut: bool = False

    @property
    def lines(self) -> list[str]:
        return [r.text for r in self.rows if isinstance(r, TextRow)]

    @property
    def qr_payloads(self) -> list[str]:
        return [r.payload for r in self.rows if isinstance(r, QrRow)]


def decode(data: bytes, profile: str) -> Decoded:
    code_pages = get_profile(profile).profile_data["codePages"]
    out, state, i = Decoded(), _State(), 0
    while i < len(data):
        byte = data[i]
        if byte == LF:
            _flush(out, state)
            i += 1
        elif byte == ESC:
            i = _esc(data, i, state, out, code_pages)
        elif byte == GS:
            i = _gs(data, i, state, out)
        else:
            state.pending.append(byte)
            i += 1
    return out


def _flush(out: Decoded, state: _State) -> None:
    text = bytes(state.pending).decode(state.encoding, errors="replace")
    out.rows.append(TextRow(text, state.width, state.height, state.bold, state.align))
    state.pending.clear()


def _esc(data: bytes, i: int, state: _State, out: Decoded, code_pages: dict[str, str]) -> int:
    command, arg = data[i + 1], data[i + 2] if i + 2 < len(data) else 0
    if command == ord("@"):
        return i + 2
    if command == ord("!"):
        state.bold = bool(arg & MODE_BOLD)
        state.height = 2 if arg & MODE_DOUBLE_HEIGHT else 1
        state.width = 2 if arg & MODE_DOUBLE_WIDTH else 1
    elif command == ord("E"):
        state.bold = bool(arg)
    elif command == ord("a"):
        state.align = arg % 48
    elif command == ord("t"):
        state.encoding = _python_codec(code_pages.get(str(arg), "CP437"))
    elif command == ord("d"):
        if state.pending:
            _flush(out, state)
        out.rows.extend(TextRow("", 1, 1, False, 0) for _ in range(arg))
    elif command not in (ord("M"), ord("-"), ord("G"), ord("{")):
        raise EscposDecodeError(f"ESC {chr(command)!r} at byte {i}")
    return i + 3


def _gs(data: bytes, i: int, state: _State, out: Decoded) -> int:
    command = data[i + 1]
    if command == ord("!"):
        arg = data[i + 2]
        state.width, state.height = (arg >> 4) + 1, (arg & 0x0F) + 1
        return i + 3
    if command == ord("V"):  # cut: GS V m, or GS V m n for the feed-and-cut forms
        out.cut = True
        return i + (4 if data[i + 2] in (65, 66) else 3)
    if command == ord("(") and data[i + 2] == ord("k"):
        length = data[i + 3] | (data[i + 4] << 8)
        body = data[i + 5 : i + 5 + length]
        _qr_command(body, state, out)
        return i + 5 + length
    raise EscposDecodeError(f"GS {chr(command)!r} at byte {i}")


def _qr_command(body: bytes, state: _State, out: Decoded) -> None:
    function = body[1]
    if function == QR_SIZE:
        state.qr_dots = body[2]
    elif function == QR_STORE:
        state.qr_data = body[3:].decode("utf-8")
    elif function == QR_PRINT:
        out.rows.append(QrRow(state.qr_data, state.qr_dots))


def _python_codec(name: str) -> str:
    candidate = name.lower().replace("iso_", "iso")
    try:
        return codecs.lookup(candidate).name
    except LookupError:
        return "latin-1"
