"""Text size, contrast and language: one tap away, keeping the voter's place, reset for the next voter."""

from __future__ import annotations

import pytest

from kiosk.booth.station import Station
from kiosk.ui.accessibility import (
    CAP_HEIGHT_PER_EM,
    MM_PER_INCH,
    TEXT_SIZES_MM,
    THEMES,
    TOUCH_TARGET_MM,
    font_pixels,
    pixels,
)
from kiosk.ui.app import BoothUi
from tests.kit import ElectionKit
from tests.ui.taps import MARITIME, exists, find, log_in, tap, text_of, voter_code

VVSG_CAP_BANDS_MM = ((3.5, 4.2), (4.8, 5.6), (6.4, 7.1), (8.5, 9.0))


def luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("theme", ["default", "high"])
def test_text_controls_and_signs_have_at_least_10_to_1_contrast(theme: str) -> None:
    t = THEMES[theme]
    pairs = [(t.text, t.background), (t.control_text, t.control), (t.chosen_text, t.chosen),
             (t.border, t.background), (t.notice_text, t.notice)]
    assert min(contrast(a, b) for a, b in pairs) >= 10


def test_low_contrast_theme_is_softer_but_legible() -> None:
    t = THEMES["low"]
    assert 3 <= contrast(t.text, t.background) < 10


@pytest.mark.parametrize("dpi", [96, 100, 130, 160])
def test_the_four_text_sizes_fall_in_the_guidelines_bands(dpi: float) -> None:
    for size, (low, high) in zip(TEXT_SIZES_MM, VVSG_CAP_BANDS_MM, strict=True):
        cap_mm = font_pixels(size, dpi) * CAP_HEIGHT_PER_EM * MM_PER_INCH / dpi
        assert low <= cap_mm <= high + 0.1  # within a pixel's rounding
    assert pixels(TOUCH_TARGET_MM, dpi) * MM_PER_INCH / dpi >= 12.7


def test_size_contrast_and_language_keep_the_place_and_reset_for_the_next_voter(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    log_in(ui, code)
    tap(ui, f"session-{MARITIME}")
    choice = conference.definition.session(MARITIME).questions[0].choices[0]
    tap(ui, f"option-{choice}")
    before = find(ui, "question-title").property("font").pixelSize()
    tap(ui, "text-size")
    tap(ui, "contrast")
    tap(ui, "lang-fr")
    assert find(ui, "question-title").property("font").pixelSize() > before
    assert text_of(ui, "question-number").endswith("Question 1 sur 24")
    assert find(ui, f"option-{choice}").property("chosen") is True
    assert ui.window.color().name().upper() == THEMES["high"].background
    tap(ui, "question-back")
    tap(ui, "log-out")
    assert text_of(ui, "text-size").startswith("Text size") and "2/4" in text_of(ui, "text-size")
    assert ui.window.color().name().upper() == THEMES["default"].background


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_the_largest_text_still_fits_the_window(ui: BoothUi, conference: ElectionKit, station: Station,
                                                size: tuple[int, int]) -> None:
    ui.window.resize(*size)
    for _ in range(3):
        tap(ui, "text-size")  # to the largest of the four
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    log_in(ui, code)
    tap(ui, f"session-{MARITIME}")
    for name in ("question-continue", "question-back", "text-size", "contrast"):
        item = find(ui, name)
        corner = item.mapToScene(item.boundingRect().bottomRight())
        assert corner.x() <= size[0] and corner.y() <= size[1], name
    assert exists(ui, "question-title")


@pytest.mark.parametrize("reported", [0.0, 2000.0])
def test_a_screen_without_a_usable_size_gets_the_common_desktop_sizes(qapp: object, reported: float) -> None:
    from kiosk.ui.accessibility import FALLBACK_DPI, Accessibility

    assert Accessibility(reported).property("font") == font_pixels(TEXT_SIZES_MM[1], FALLBACK_DPI)
