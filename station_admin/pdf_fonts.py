"""Fonts for the officials' PDFs: DejaVu (Debian's fonts-dejavu-core) covers every letter of the
election's languages, which reportlab's built-in Helvetica does not embed."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SANS, SANS_BOLD, MONO_BOLD = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono-Bold"


def register_fonts() -> None:
    for name in (SANS, SANS_BOLD, MONO_BOLD):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
