"""Writes a cursor theme whose every cursor is one transparent pixel.

cage draws the pointer from the Xcursor theme "default" and Qt draws its own from XCURSOR_THEME, both
looked up in XCURSOR_PATH: the booth's unit points both here, so a touchscreen that also reports itself
as a mouse (many do) never shows an arrow. An empty theme would not do: wlroots then falls back to
its built-in arrow.

    python packaging/hidden_cursor.py DIR   # writes DIR/default/cursors/* and DIR/default/index.theme
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

MAGIC = b"Xcur"
FILE_HEADER_BYTES = 16
TOC_ENTRY_BYTES = 12
IMAGE_HEADER_BYTES = 36
IMAGE_TYPE = 0xFFFD0002
FILE_VERSION = 0x10000
IMAGE_VERSION = 1
NOMINAL_SIZE = 24  # the size cursors are asked for by default; one image serves every size
# The names cage and Qt ask for (arrow, hand, text, waiting, dragging...): every one a blank pixel.
CURSOR_NAMES = (
    "left_ptr", "default", "arrow", "top_left_arrow", "left_arrow", "pointer", "hand1", "hand2",
    "pointing_hand", "text", "xterm", "ibeam", "wait", "watch", "progress", "left_ptr_watch",
    "grab", "grabbing", "openhand", "closedhand", "crosshair", "not-allowed", "forbidden",
    "all-scroll", "move", "fleur", "size_all", "sb_h_double_arrow", "sb_v_double_arrow",
)


def blank_cursor() -> bytes:
    """An Xcursor file holding one 1x1 image whose only pixel is fully transparent."""
    width = height = 1
    image = struct.pack(
        "<9I", IMAGE_HEADER_BYTES, IMAGE_TYPE, NOMINAL_SIZE, IMAGE_VERSION, width, height, 0, 0, 0
    ) + struct.pack("<I", 0x00000000)  # ARGB: alpha 0
    position = FILE_HEADER_BYTES + TOC_ENTRY_BYTES
    header = MAGIC + struct.pack("<3I", FILE_HEADER_BYTES, FILE_VERSION, 1)
    toc = struct.pack("<3I", IMAGE_TYPE, NOMINAL_SIZE, position)
    return header + toc + image


def write_theme(icons: Path) -> list[Path]:
    cursors = icons / "default" / "cursors"
    cursors.mkdir(parents=True, exist_ok=True)
    (icons / "default" / "index.theme").write_text(
        "[Icon Theme]\nName=default\nComment=Isoloir booth: no visible pointer\n", encoding="utf-8"
    )
    data = blank_cursor()
    written = []
    for name in CURSOR_NAMES:
        path = cursors / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    write_theme(Path(sys.argv[1]))
