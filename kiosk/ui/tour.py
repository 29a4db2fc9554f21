"""`kiosk tour`: every screen of the booth, in every language, contrast and text size, as PNG files.

One window per language walks the voter's screens (kiosk/ui/tour_walk.py), then the poll worker's
(kiosk/ui/worker_tour.py); each screen is drawn in every look (the three contrasts at each of the
four sizes) before the walk goes on, as a voter who changes the size or the contrast on that screen
sees it. Beside each picture, what the audio ballot says for it.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable, Iterator
from itertools import groupby
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtQuick import QQuickItem

from kiosk.ballot.definition import ElectionDefinition
from kiosk.booth.walk import PrintOutcome
from kiosk.devices.printer import Printer
from kiosk.ui.accessibility import CONTRASTS, DEFAULT_TEXT_SIZE, TEXT_SIZES_MM
from kiosk.ui.app import BoothUi, build_ui
from kiosk.ui.receipt_slips import ReceiptSlips
from kiosk.ui.spoken import screen_script
from kiosk.ui.tour_e2e import tour_printer
from kiosk.ui.tour_walk import TOUR_TIMING, ManualClock, TourBooth, walk_every_screen
from kiosk.ui.worker_tour import WorkerTour, build_worker_ui, scratch_folder, walk_worker_screens

# (contrast, text size): every contrast at every size. The contrast changes only the colours today,
# but a theme may thicken a frame or a ring tomorrow, so each pair is drawn and checked.
TOUR_LOOKS = tuple((contrast, size) for size in range(len(TEXT_SIZES_MM)) for contrast in CONTRASTS)
Look = tuple[str, str, int]  # language, contrast, text size
ScreenHook = Callable[[str, BoothUi], None]

__all__ = ["TOUR_LOOKS", "Look", "ScreenHook", "default_election", "run_tour", "settle", "tour_looks"]


def tour_looks(election: ElectionDefinition) -> list[Look]:
    return [(language, *look) for language in election.languages for look in TOUR_LOOKS]


def run_tour(
    election: ElectionDefinition, out: Path, hook: ScreenHook | None = None, save: bool = True,
    worker: WorkerTour | None = None, printer: Printer | None = None, looks: list[Look] | None = None,
) -> list[Path]:
    """Every screen in every look (by default every language, contrast and size), as pictures and
    spoken scripts; returns the files written. `hook` sees each screen in each look once it is laid
    out as it is drawn.

    With a worker tour (media with a registered poll-worker card), the poll worker's screens too;
    with a printer, each language's receipt is printed on it (the demo keeps them as pictures)."""
    out.mkdir(parents=True, exist_ok=True)
    logging.getLogger("kiosk.booth.walk").setLevel(logging.ERROR)  # the tour's failed cast is staged
    written: list[Path] = []
    for language, same in groupby(looks or tour_looks(election), key=lambda look: look[0]):
        shades = [(contrast, size) for _, contrast, size in same]
        written += _tour_language(election, out, language, shades, hook, save, printer)
        if worker is not None:
            written += _tour_worker_language(worker, out, language, shades, hook, save)
    return written


def _tour_language(
    election: ElectionDefinition, out: Path, language: str, looks: list[tuple[str, int]],
    hook: ScreenHook | None, save: bool, printer: Printer | None = None,
) -> list[Path]:
    booth, clock = TourBooth(election), ManualClock()
    slips = ReceiptSlips(printer, lambda: election, lambda: election.stations[0].id) if printer else None
    printer_of_tour = tour_printer(booth, slips or (lambda _r: PrintOutcome.PRINTED))
    ui = build_ui(booth, printer=printer_of_tour, timing=TOUR_TIMING, language=language, clock=clock)
    if slips is not None:
        slips.language = ui.language.code
    return _shoot(ui, walk_every_screen(ui, booth, clock), out, language, looks, hook, save)


def _tour_worker_language(
    tour: WorkerTour, out: Path, language: str, looks: list[tuple[str, int]], hook: ScreenHook | None,
    save: bool,
) -> list[Path]:
    scratch = scratch_folder()
    try:
        ui, station = build_worker_ui(tour, scratch, language)
        written = _shoot(ui, walk_worker_screens(ui, tour), out, language, looks, hook, save)
        station.close()
        return written
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _shoot(
    ui: BoothUi, screens: Iterator[str], out: Path, language: str, looks: list[tuple[str, int]],
    hook: ScreenHook | None, save: bool,
) -> list[Path]:
    ui.window.show()
    written = []
    for name in screens:
        for contrast, size in looks:
            ui.access.set_look(contrast, size)
            settle(ui)
            if hook is not None:
                hook(name, ui)
                settle(ui)  # the hook may have paged: the picture shows the screen's first page
            if save:
                written += _save(ui, out / f"{_prefix(language, contrast, size)}-{_safe(name)}.png")
    ui.access.set_look("default", DEFAULT_TEXT_SIZE)
    ui.language.release()
    ui.window.close()
    ui.engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the next language starts alone
    return written


def settle(ui: BoothUi) -> None:
    """Every list back at its top, and the screen laid out as it will be drawn (rows and columns place
    their items only when the window is about to render)."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for flick in _lists(ui.window.contentItem()):
        flick.setProperty("contentY", 0)
    ui.window.grabWindow()  # renders a frame: every pending layout is done first, as on the glass
    QCoreApplication.processEvents()


def _lists(root: QQuickItem) -> list[QQuickItem]:
    found, todo = [], [root]
    while todo:
        item = todo.pop()
        if item.inherits("QQuickFlickable") and item.isVisible():
            found.append(item)
        todo.extend(item.childItems())
    return found


def _save(ui: BoothUi, path: Path) -> list[Path]:
    ui.window.grabWindow().save(str(path))
    # What the audio ballot reads out for the screen, one sentence a line, for reviewers.
    script = path.with_suffix(".txt")
    script.write_text("\n".join(screen_script(ui.window)) + "\n", encoding="utf-8")
    return [path, script]


def _prefix(language: str, contrast: str, size: int) -> str:
    return f"{language}-{contrast}" + ("" if size == DEFAULT_TEXT_SIZE else f"-size{size + 1}")


def _safe(name: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", name.lower())


def default_election() -> Path:
    """The sample conference election, or the small test election while the sample is missing."""
    root = Path(__file__).resolve().parents[2]
    sample = root / "resources" / "elections" / "ilc-2023-plenary.json"
    return sample if sample.exists() else root / "tests" / "fixtures" / "small-election.json"
