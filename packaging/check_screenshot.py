"""Says whether a screenshot shows a screen with something on it: not one colour, enough distinct
pixels, and no single colour covering (almost) all of it. Exit status 0 if so, 1 if it is blank.

    python packaging/check_screenshot.py SHOT.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

# A screen of the booth has text, buttons and antialiased edges: hundreds of colours. A blank or
# black screen has one; a half-drawn one a handful.
MIN_DISTINCT_COLOURS = 50
# Even an almost empty screen (one line of text on white) leaves more than 0.5% of it not background.
MAX_BACKGROUND_SHARE = 0.995


def blank_reason(path: Path) -> str | None:
    """None if the picture shows a screen; otherwise why it does not."""
    with Image.open(path) as image:
        pixels = image.convert("RGB")
        total = pixels.width * pixels.height
        colours = pixels.getcolors(maxcolors=total) or []
    if len(colours) < MIN_DISTINCT_COLOURS:
        return f"only {len(colours)} distinct colours (fewer than {MIN_DISTINCT_COLOURS})"
    count, colour = max(colours)
    if count / total > MAX_BACKGROUND_SHARE:
        return f"{count / total:.1%} of the pixels are {colour}"
    return None


def main(path: Path) -> int:
    reason = blank_reason(path)
    if reason is not None:
        print(f"{path}: blank: {reason}")
        return 1
    print(f"{path}: shows a screen")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
