"""Draw decoded ESC/POS rows as the paper would look: the demo saves each slip as a PNG."""

from __future__ import annotations

from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

from kiosk.devices.escpos_decode import Decoded, QrRow, TextRow
from kiosk.devices.receipts import QR_ERROR, QR_QUIET_MODULES, Paper

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Font A is 12 x 24 dots on the printers we target: a glyph cell twice as tall as wide.
LINE_HEIGHT_PER_CELL_WIDTH = 2
MARGIN_DOTS = 16  # the unprintable edge either side of the printable width
CUT_MARK_DOTS = 24


def _font(cell_width: float, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    try:
        probe = ImageFont.truetype(str(FONT_DIR / name), 100)
        size = int(100 * cell_width / probe.getlength("M"))
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:  # no DejaVu: the default bitmap font still shows the words
        return ImageFont.load_default()


def render(decoded: Decoded, paper: Paper) -> Image.Image:
    cell = paper.dots / paper.columns
    line = int(cell * LINE_HEIGHT_PER_CELL_WIDTH)
    pieces: list[Image.Image] = []
    for row in decoded.rows:
        if isinstance(row, QrRow):
            pieces.append(_qr_image(row))
            continue
        piece = Image.new("L", (paper.dots, line * row.height), 255)
        _draw_text(piece, row, cell)
        pieces.append(piece)
    height = sum(p.height for p in pieces) + (CUT_MARK_DOTS if decoded.cut else 0)
    sheet = Image.new("L", (paper.dots + 2 * MARGIN_DOTS, height + 2 * MARGIN_DOTS), 255)
    y = MARGIN_DOTS
    for piece in pieces:
        sheet.paste(piece, (MARGIN_DOTS + (paper.dots - piece.width) // 2, y))
        y += piece.height
    if decoded.cut:
        ImageDraw.Draw(sheet).line([(0, y + CUT_MARK_DOTS), (sheet.width, y + CUT_MARK_DOTS)], fill=128)
    return sheet


def _qr_image(row: QrRow) -> Image.Image:
    qr = segno.make(row.payload, error=QR_ERROR, micro=False)
    matrix = [list(r) for r in qr.matrix_iter(scale=row.module_dots, border=QR_QUIET_MODULES)]
    image = Image.new("L", (len(matrix[0]), len(matrix)), 255)
    image.putdata([0 if dark else 255 for r in matrix for dark in r])
    return image


def _draw_text(piece: Image.Image, row: TextRow, cell: float) -> None:
    font = _font(cell, row.bold)
    glyphs = Image.new("L", (int(cell * max(len(row.text), 1)), int(cell * LINE_HEIGHT_PER_CELL_WIDTH)), 255)
    ImageDraw.Draw(glyphs).text((0, 0), row.text, font=font, fill=0)
    if row.width > 1 or row.height > 1:
        glyphs = glyphs.resize((glyphs.width * row.width, glyphs.height * row.height))
    x = {0: 0, 1: (piece.width - glyphs.width) // 2, 2: piece.width - glyphs.width}.get(row.align, 0)
    piece.paste(glyphs, (max(0, x), 0))


def save_png(decoded: Decoded, paper: Paper, path: Path) -> Path:
    render(decoded, paper).save(path)
    return path
