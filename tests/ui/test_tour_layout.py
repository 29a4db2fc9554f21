"""Every screen of the tour, at each of the four text sizes, in each contrast and language, for each
kind of question (single, multiple, list, every question of the 24-question session) and the poll
worker's day: nothing cut off, nothing under another, every page of a list starting at a line, touch
targets and their spacing at the guidelines' minimum.

One test per language, each over the full matrix of that language (12 looks of every screen in one
shared window: about 40 s of CPU each), so `pytest -n 2` shares them between two workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.devices.sim_card import SimCard
from kiosk.ui.app import BoothUi
from kiosk.ui.tour import TOUR_LOOKS, run_tour
from kiosk.ui.worker_tour import WorkerTour
from tests.kit import ElectionKit
from tests.ui.conftest import PIN, WORKER_CARD_KEY, booth_of
from tests.ui.layout import page_breaks, problems
from tests.ui.taps import MARITIME

# The audit log's lines are set smaller on purpose (a dense record for the poll worker, in a
# monospace table); only the text-size rule is waived there, never cut-off or spacing.
SMALL_TEXT_SCREENS = ("worker-audit",)
# What the tour must show for the check to mean anything: each kind of question, each question of
# the long session, the review, the end-to-end screens, the poll worker's day with its addendum.
MUST_SEE = ("question-single", "question-multiple", "question-list", "review-board", "19-review",
            *(f"17-{MARITIME}-{n:02d}" for n in range(1, 25)), "31-cast-or-check", "32-check-done",
            "33-seal-failed", "34-e2e-cast-done", "worker-setup-checked", "worker-find-voter",
            "worker-addendum", "worker-exported", "06-text-sizes", "24-timeout-warning")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_no_screen_is_cut_off_or_cramped_at_any_size_or_contrast(
    qapp: QApplication, conference: ElectionKit, carded_media: Path, tmp_path: Path, language: str
) -> None:
    faults: list[str] = []
    shown: dict[str, set[tuple[str, int]]] = {}

    def check(name: str, ui: BoothUi) -> None:
        look = (str(ui.access.property("contrast")), int(ui.access.property("textSize")))
        assert ui.language.code() == language
        shown.setdefault(name, set()).add(look)
        label = f"{language}-{look[0]}-size{look[1] + 1} {name}"
        found = problems(ui, label) + page_breaks(ui, label)
        if any(screen in name for screen in SMALL_TEXT_SCREENS):
            found = [f for f in found if "below the chosen" not in f]
        faults.extend(found)

    run_tour(conference.definition, tmp_path, hook=check, save=False,
             worker=WorkerTour(carded_media, SimCard(pin=PIN, key=WORKER_CARD_KEY)),
             looks=[(language, contrast, size) for contrast, size in TOUR_LOOKS])
    assert all(looks == set(TOUR_LOOKS) for looks in shown.values())
    assert len(TOUR_LOOKS) == 12
    missing = [m for m in MUST_SEE if not any(m in name for name in shown)]
    assert not missing, f"the tour no longer shows {missing}"
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


def test_the_check_sees_a_text_under_a_button_and_a_page_cut_mid_line(
    ui: BoothUi, conference: ElectionKit
) -> None:
    from PySide6.QtCore import QPointF

    from tests.ui.layout import split_at_top
    from tests.ui.taps import find, log_in, settle, tap, voter_code

    _voter, code = voter_code(conference, booth_of(conference), MARITIME)
    log_in(ui, code)
    tap(ui, f"session-{MARITIME}")
    ui.access.set_look("default", 3)
    settle(ui.window)
    assert page_breaks(ui, "question") == []
    title, back = find(ui, "question-title"), find(ui, "question-back")
    flick = title.parentItem()
    while not flick.inherits("QQuickFlickable"):
        flick = flick.parentItem()
    top = title.mapToItem(flick.property("contentItem"), QPointF(0, 0)).y()
    flick.setProperty("contentY", top + title.height() / 2)  # a page starting in the title's middle
    settle(ui.window)
    assert any("cut by the top of the page" in f for f in split_at_top(flick))
    flick.setProperty("contentY", 0)
    settle(ui.window)
    lift = back.mapToScene(QPointF(0, 0)).y() - title.mapToScene(QPointF(0, 0)).y()
    back.setY(back.y() - lift)  # Back drawn over the question's title
    found = problems(ui, "question")
    assert any("under the button 'question-back'" in f for f in found), found
