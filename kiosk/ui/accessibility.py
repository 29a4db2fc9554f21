"""Text size and contrast for the voter: sizes in millimetres on the glass, from the screen's DPI.

VVSG 2.0 (7.1-G, 7.2-D) is the bar: four text sizes by capital-letter height, touch targets of at
least 12.7 mm with 2.54 mm between them, default contrast of at least 10:1, and selectable high- and
low-contrast themes. The voter's choice lasts until they leave; the next voter gets the defaults.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot

MM_PER_INCH = 25.4
# DejaVu Sans: capital letters are 1493/2048 of the em, so a pixel size gives this cap height.
CAP_HEIGHT_PER_EM = 1493 / 2048
FONT_FAMILY = "DejaVu Sans"  # has every glyph of en/fr/es and the tick mark
# Capital-letter heights (mm), mid-range of each VVSG 2.0 7.1-G band: 3.5-4.2, 4.8-5.6, 6.4-7.1, 8.5-9.0.
TEXT_SIZES_MM = (3.85, 5.2, 6.75, 8.75)
DEFAULT_TEXT_SIZE = 1  # the guidelines' default is the second band
# A screen reporting a DPI outside this range has no usable physical size (a projector, a bad EDID):
# the sizes then assume a common desktop screen.
PLAUSIBLE_DPI = (60.0, 400.0)
FALLBACK_DPI = 96.0
# VVSG 2.0 7.2-D: touch targets at least 12.7 mm; a little more for shaky or gloved fingers.
TOUCH_TARGET_MM = 15.0
# VVSG 2.0 7.2-D: at least 2.54 mm between targets.
TARGET_GAP_MM = 3.0


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    control: str  # a button's face
    control_text: str
    border: str
    chosen: str  # a chosen option's face: never the only sign, a tick and a word go with it
    chosen_text: str
    notice: str  # background of a warning or refusal, shown with a "!" sign too
    notice_text: str
    focus: str  # the keypad's focus ring, drawn on the background around a button


THEMES = {
    # Black on white (21:1); navy faces with white text (15.5:1): well above the 10:1 asked.
    "default": Theme("#FFFFFF", "#000000", "#FFFFFF", "#000000", "#000000", "#00205B", "#FFFFFF",
                     "#FFF1B8", "#000000", "#0A45C8"),
    # White on black, for low vision: only the pure pair reaches 21:1 (yellow on black is 19.56:1);
    # the focus ring alone is yellow, so it stands out from every white frame.
    "high": Theme("#000000", "#FFFFFF", "#000000", "#FFFFFF", "#FFFFFF", "#FFFFFF", "#000000",
                  "#000000", "#FFFFFF", "#FFFF00"),
    # Softer grey on grey (about 4.5:1 to 5:1) for voters dazzled by a bright screen; still legible.
    "low": Theme("#9A9A9A", "#202020", "#A8A8A8", "#202020", "#303030", "#404040", "#C8C8C8",
                 "#A8A8A8", "#202020", "#000000"),
}
CONTRASTS = ("default", "high", "low")


def dpi_from_width(width_px: int, width_mm: float) -> float:
    """The density of a screen whose width is known from the booth's config (VxSuite fixes each
    screen model's density the same way)."""
    return width_px / (width_mm / MM_PER_INCH)


def pixels(mm: float, dpi: float) -> int:
    return round(mm * dpi / MM_PER_INCH)


def font_pixels(cap_height_mm: float, dpi: float) -> int:
    return round(cap_height_mm * dpi / MM_PER_INCH / CAP_HEIGHT_PER_EM)


class Accessibility(QObject):
    changed = Signal()  # anything changed (the keypad's ring follows)
    # A new contrast only recolours the screen: its bindings alone are run again, and a new size alone
    # lays the screen out anew (a contrast tap on a long review stays instant).
    sized = Signal()
    themed = Signal()

    def __init__(self, physical_dpi: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        low, high = PLAUSIBLE_DPI
        self._dpi = physical_dpi if low <= physical_dpi <= high else FALLBACK_DPI
        self._size = DEFAULT_TEXT_SIZE
        self._contrast = "default"
        self._blanked = False
        self._picking = False  # the size picker is open

    def _get_size(self) -> int:
        return self._size

    def _get_contrast(self) -> str:
        return self._contrast

    def _get_font(self) -> int:
        return font_pixels(TEXT_SIZES_MM[self._size], self._dpi)

    def _get_bar_font(self) -> int:
        # The tools bar (language, size, contrast) grows with the text: a voter who needs large text
        # needs it there too. Its rows wrap; the screens below scroll.
        return self._get_font()

    def _get_title_font(self) -> int:
        return round(self._get_font() * 1.3)

    def _get_target(self) -> int:
        return max(pixels(TOUCH_TARGET_MM, self._dpi), round(self._get_font() * 1.9))

    def _get_gap(self) -> int:
        return pixels(TARGET_GAP_MM, self._dpi)

    def _get_theme(self) -> dict[str, str]:
        return asdict(THEMES[self._contrast])

    textSize = Property(int, _get_size, notify=sized)
    textSizeCount = Property(int, lambda self: len(TEXT_SIZES_MM), constant=True)
    contrast = Property(str, _get_contrast, notify=themed)
    font = Property(int, _get_font, notify=sized)
    titleFont = Property(int, _get_title_font, notify=sized)
    barFont = Property(int, _get_bar_font, notify=sized)
    target = Property(int, _get_target, notify=sized)
    gap = Property(int, _get_gap, notify=sized)
    theme = Property(dict, _get_theme, notify=themed)
    fontFamily = Property(str, lambda self: FONT_FAMILY, constant=True)
    dpi = Property(float, lambda self: self._dpi, constant=True)
    blanked = Property(bool, lambda self: self._blanked, notify=changed)
    picking = Property(bool, lambda self: self._picking, notify=changed)

    def _look(self, contrast: str, size: int) -> None:
        resized, recoloured = size != self._size, contrast != self._contrast
        self._contrast, self._size = contrast, size
        if resized:
            self.sized.emit()
        if recoloured:
            self.themed.emit()
        self.changed.emit()

    @Slot(bool)
    def showSizes(self, shown: bool) -> None:
        self._picking = shown
        self.changed.emit()

    @Slot()
    def toggleBlank(self) -> None:
        """The audio ballot's privacy screen: the display goes dark, the voter goes on by ear."""
        self._blanked = not self._blanked
        self.changed.emit()

    @Slot(int)
    def chooseTextSize(self, size: int) -> None:
        """One of the four sizes, chosen by name: no cycling from the largest back to the smallest."""
        if not 0 <= size < len(TEXT_SIZES_MM):
            raise ValueError(f"no text size {size}: there are {len(TEXT_SIZES_MM)}")
        self._look(self._contrast, size)

    @Slot()
    def resetLook(self) -> None:
        """VVSG 2.0 7.1-B: the voter can go back to the default size and contrast in one tap."""
        self._look("default", DEFAULT_TEXT_SIZE)

    @Slot()
    def nextContrast(self) -> None:
        self._look(CONTRASTS[(CONTRASTS.index(self._contrast) + 1) % len(CONTRASTS)], self._size)

    def set_look(self, contrast: str, size: int) -> None:
        self._look(contrast, size)

    def reset(self) -> None:
        self._blanked, self._picking = False, False
        self._look("default", DEFAULT_TEXT_SIZE)
