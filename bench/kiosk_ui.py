"""Kiosk screens (offscreen Qt): process start to the Welcome screen painted; tap to the next screen
painted (p95) over the 24-question maritime walk; resident memory after 1,000 voters.

Named kiosk_ui.py, not kiosk.py: a script's folder comes first on the import path, so a bench/kiosk.py
would hide the kiosk package from itself and from every other benchmark.

Run alone: .venv/bin/python bench/kiosk_ui.py   (the figures are the JSON object on the last line)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support.election import ROOT, SESSION, make_bench_election, open_booth, percentile, report

sys.path.insert(0, str(ROOT))  # tests.ui.taps: how the suite taps the real screens

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.booth.station import Station
from kiosk.ui.app import BoothUi, build_ui
from tests.ui.taps import find, settle, tap

STARTS = 5  # process starts timed; the median is reported
TAP_WALKS = 10  # voters whose 24-question walk is tapped and timed
VOTERS = 1000  # voters through the screens before resident memory is read
DPI = 100.0  # the booth's 15-inch panel; offscreen has no physical screen to ask


def startup_child(data: Path) -> None:
    """Builds the booth and says the moment the Welcome screen is first painted."""
    app = QApplication.instance() or QApplication([])
    ui = build_ui(Station(data), dpi=DPI)
    ui.window.frameSwapped.connect(lambda: (print(f"PAINTED {time.time()}", flush=True), app.quit()))
    ui.window.show()
    app.exec()


def startup_ms(data: Path) -> float:
    timings = []
    for _ in range(STARTS):
        started = time.time()
        child = subprocess.run([sys.executable, __file__, "--startup", str(data)],
                               capture_output=True, text=True, check=True, timeout=120)
        painted = float(child.stdout.split("PAINTED ")[1].split()[0])
        timings.append((painted - started) * 1000)
    return statistics.median(timings)


def timed_tap(ui: BoothUi, name: str) -> float:
    """Tap to the next frame painted (settle renders one, as the glass would show it)."""
    settle(ui.window)
    item = find(ui, name)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    started = time.perf_counter()
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(centre.x()), round(centre.y())))
    settle(ui.window)
    return (time.perf_counter() - started) * 1000


def tapped_walk(ui: BoothUi, code: str) -> tuple[list[float], list[float]]:
    """(option taps, continue taps) in ms, for one voter's whole maritime walk by taps."""
    ui.walk.startCodeEntry()
    ui.code.scanned(code)  # a scanned notice: logging in is not what is timed here
    tap(ui, f"session-{SESSION}")
    options, moves = [], []
    for question in ui.walk.walk.session.questions:
        options.append(timed_tap(ui, f"option-{question.choices[0]}"))
        moves.append(timed_tap(ui, "question-continue"))
    tap(ui, "review-submit")
    tap(ui, "confirm-cast")
    tap(ui, "cast-done")
    tap(ui, "log-out")
    return options, moves


def model_walk(ui: BoothUi, code: str, n: int) -> None:
    """A voter through the view-models the screens bind to, one frame painted per screen."""
    walk = ui.walk
    walk.startCodeEntry()
    ui.code.scanned(code)
    walk.openSession(SESSION)
    for question in walk.walk.session.questions:
        walk.choose(question.choices[n % len(question.choices)])
        walk.next()
        QApplication.processEvents()
    for step in (walk.submit, walk.confirm, walk.done, walk.logOut):
        step()
        settle(ui.window)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-kiosk-") as tmp:
        root = Path(tmp)
        election = make_bench_election(root, booths=1, voters_per_booth=VOTERS + TAP_WALKS)
        open_booth(election, root / "booth").close()  # its storage, for the measured processes
        start = startup_ms(root / "booth")
        codes = [c for _, c in election.codes("booth-1")]
        QApplication.instance() or QApplication([])
        ui = build_ui(Station(root / "booth"), dpi=DPI)
        ui.window.show()
        options, moves = [], []
        for code in codes[:TAP_WALKS]:
            o, m = tapped_walk(ui, code)
            options += o
            moves += m
        rss_before = rss_mb()
        for n, code in enumerate(codes[TAP_WALKS:]):
            model_walk(ui, code, n)
        rss_after = rss_mb()
        cast = len(Station(root / "booth").box.all_ballots())
    report({
        "bench": "kiosk_ui",
        "startup_to_welcome_painted_ms": round(start),
        "tap_to_next_question_painted_p50_ms": round(percentile(sorted(moves), 0.50), 1),
        "tap_to_next_question_painted_p95_ms": round(percentile(sorted(moves), 0.95), 1),
        "tap_to_choice_painted_p95_ms": round(percentile(sorted(options), 0.95), 1),
        "taps_timed": len(moves) + len(options),
        "voters": cast,
        "rss_mb_after_10_voters": round(rss_before, 1),
        "rss_mb_after_1000_more_voters": round(rss_after, 1),
    })


if __name__ == "__main__":
    if sys.argv[1:2] == ["--startup"]:
        startup_child(Path(sys.argv[2]))
    else:
        main()
