"""Every screen of the tour, at each of the four text sizes, in each contrast and language, for each
kind of question (single, multiple, list, the 24-question session) and the poll worker's day:
nothing cut off, nothing under another, touch targets and their spacing at the guidelines' minimum."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.devices.sim_card import SimCard
from kiosk.ui.app import BoothUi
from kiosk.ui.tour import run_tour, tour_looks
from kiosk.ui.worker_tour import WorkerTour
from tests.kit import ElectionKit
from tests.ui.conftest import PIN, WORKER_CARD_KEY
from tests.ui.layout import problems

# The audit log's lines are set smaller on purpose (a dense record for the poll worker, in a
# monospace table); only the text-size rule is waived there, never cut-off or spacing.
SMALL_TEXT_SCREENS = ("worker-audit",)


def test_no_screen_is_cut_off_or_cramped_at_any_size_contrast_or_language(
    qapp: QApplication, conference: ElectionKit, carded_media: Path, tmp_path: Path
) -> None:
    faults: list[str] = []
    looks: set[tuple[str, str, int]] = set()

    def check(name: str, ui: BoothUi) -> None:
        look = (ui.language.code(), str(ui.access.property("contrast")), int(ui.access.property("textSize")))
        looks.add(look)
        found = problems(ui, f"{'-'.join(map(str, look))} {name}")
        if any(screen in name for screen in SMALL_TEXT_SCREENS):
            found = [f for f in found if "below the chosen" not in f]
        faults.extend(found)

    run_tour(conference.definition, tmp_path, hook=check, save=False,
             worker=WorkerTour(carded_media, SimCard(pin=PIN, key=WORKER_CARD_KEY)))
    assert looks == set(tour_looks(conference.definition))
    assert {size for _, _, size in looks} == {0, 1, 2, 3}
    assert not faults, "\n".join(faults[:60]) + f"\n({len(faults)} in all)"


def test_the_check_sees_a_button_off_the_glass_and_two_buttons_too_close(ui: BoothUi) -> None:
    from tests.ui.taps import find, settle

    settle(ui.window)
    assert problems(ui, "welcome") == []
    english, french, contrast = (find(ui, n) for n in ("lang-en", "lang-fr", "contrast"))
    french.setX(english.x() + english.width() + 2)  # 2 px apart: under 2.54 mm
    contrast.setX(ui.window.width() - contrast.width() / 2)  # half off the right edge
    found = problems(ui, "welcome")
    assert any("'lang-fr' is 0." in f and "from 'lang-en'" in f for f in found), found
    assert any("'contrast' is cut off by the window's edge" in f for f in found), found
