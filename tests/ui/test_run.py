"""`kiosk run` and `kiosk tour` from the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageGrab
from PySide6.QtCore import Qt, QTimer
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import DEMO_CARD_FILE, run_booth
from kiosk.booth.station import Station
from kiosk.cli import main
from kiosk.config import parse_config
from tests.ui.conftest import PIN, WORKER_CARD_KEY, WORKER_KEY, WORKER_SIGNER
from tests.ui.taps import items
from tests.waiting import wait_until

POLL_MS = 20  # how often a driven booth is looked at for the screen a step waits for
# How long a step may wait for its screen: milliseconds on a quiet machine, seconds on a busy one.
STEP_DEADLINE_SECONDS = 60
Step = tuple[Callable[[], bool], Callable[[], None]]


def drive(qapp: QApplication, steps: list[Step]) -> list[str]:
    """Runs a booth's event loop through `steps`: each step's action once its condition holds (the
    screen it waits for is up), then quits. Returns what went wrong (nothing when every step ran)."""
    todo, failures = list(steps), []
    deadline = time.monotonic() + STEP_DEADLINE_SECONDS
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def look() -> None:
        nonlocal deadline
        if todo and todo[0][0]():
            todo.pop(0)[1]()
            deadline = time.monotonic() + STEP_DEADLINE_SECONDS
        elif todo and time.monotonic() > deadline:
            failures.append(f"step {len(steps) - len(todo) + 1} of {len(steps)} never came")
            todo.clear()
        if not todo:
            timer.stop()
            qapp.quit()

    timer.timeout.connect(look)
    timer.start()
    return failures


def booth_window(qapp: QApplication) -> QQuickWindow | None:
    """The booth's window once it is shown with its screens built."""
    for window in qapp.topLevelWindows():
        shown = window.objectName() == "booth" and window.isVisible() and isinstance(window, QQuickWindow)
        if shown and len(items(window)) > 1:
            return window
    return None


def test_the_booth_starts_full_screen_over_its_storage(
    qapp: QApplication, conference_booth_template: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(conference_booth_template, data)
    config = parse_config(f'station_data = "{data}"\n[ui]\nlanguage = "fr"\n')
    shown: list[bool] = []

    def look() -> None:
        window = booth_window(qapp)
        shown.append(window is not None and window.visibility().name == "FullScreen")

    failures = drive(qapp, [(lambda: booth_window(qapp) is not None, look)])
    assert run_booth(config) == 0
    assert failures == [] and shown == [True]


def test_a_missing_config_is_refused_with_its_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", "--config", str(tmp_path / "booth.toml")])
    assert result.exit_code == 1 and "cannot read" in result.output


def test_tour_writes_every_screen(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["tour", "--out", str(tmp_path / "tour"), "--language", "fr"])
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "tour").glob("*.png")}
    expected = {"fr-default-01-welcome.png", "fr-high-19-review.png", "fr-low-size4-24-timeout-warning.png",
                "fr-high-size1-17-maritime-24.png"}
    assert expected <= names and not any(n.startswith(("en-", "es-")) for n in names)
    refused = CliRunner().invoke(main, ["tour", "--out", str(tmp_path / "x"), "--language", "de"])
    assert refused.exit_code == 2 and "no language de" in refused.output


def test_in_the_demo_f9_inserts_the_poll_worker_card_and_f10_removes_it(
    qapp: QApplication, carded_media: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "booth-1"
    booth = Station(data)
    booth.set_up(carded_media, WORKER_SIGNER)
    booth.close()
    card = {"pin": PIN, "public_key": WORKER_KEY, "private_key": WORKER_CARD_KEY.private_bytes_raw().hex()}
    (tmp_path / DEMO_CARD_FILE).write_text(json.dumps(card))
    monkeypatch.setenv("DISPLAY", ":0")  # as with a screen: the booth itself, not the tour
    config = parse_config(f'station_data = "{data}"\n')
    seen: list[str] = []

    def shows(name: str) -> bool:
        window = booth_window(qapp)
        return window is not None and name in {i.objectName() for i in items(window)}

    def press(key: Qt.Key, then: str) -> Callable[[], None]:
        def action() -> None:
            if then:
                seen.append(then)
            window = booth_window(qapp)
            assert window is not None
            QTest.keyClick(window, key)

        return action

    failures = drive(qapp, [
        (lambda: shows("enter-code"), press(Qt.Key.Key_F9, "")),  # the voters' Welcome, then the card
        (lambda: shows("pin-submit"), press(Qt.Key.Key_F10, "pin")),  # its PIN asked; the card out
        (lambda: shows("enter-code") and not shows("pin-submit"), lambda: seen.append("voter")),
    ])
    assert run_booth(config, demo=True) == 0
    assert failures == [] and seen == ["pin", "voter"]


def test_the_booth_paints_its_welcome_on_a_real_x_server(
    conference_booth_template: Path, tmp_path: Path
) -> None:
    """Xvfb, as a booth's display would be: Qt's xcb plugin loads (every library it needs is
    installed) and the Welcome screen is painted, not a blank or aborted window."""
    data = tmp_path / "data"
    shutil.copytree(conference_booth_template, data)
    config = tmp_path / "booth.toml"
    config.write_text(f'station_data = "{data}"\n')
    read_end, write_end = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    # -noreset: by default Xvfb resets when its last client leaves and refuses connections meanwhile
    # (CI saw the booth stop on "could not connect to display" right after the readiness grab left;
    # here 42 of 300 back-to-back grabs failed without it, none with it).
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,),
                              stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as ready:
        display = f":{ready.readline().strip()}"
    assert display != ":", "Xvfb stopped before it was ready"
    wait_until(lambda: _answers(display), "Xvfb taking a client")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": display}
    booth = subprocess.Popen([str(Path(sys.executable).parent / "kiosk"), "run", "--config", str(config)],
                             env=env, stderr=subprocess.PIPE, text=True)
    try:
        picture = wait_until(lambda: _painted(display, booth), "the booth painting its Welcome on Xvfb")
        assert booth.poll() is None, booth.stderr.read() if booth.stderr else ""
        assert picture.convert("L").getextrema() == (0, 255)  # text on white
    finally:
        booth.terminate()
        booth.wait(timeout=60)
        server.terminate()
        server.wait(timeout=60)


def _painted(display: str, booth: subprocess.Popen[str]) -> Image.Image | None:
    """The screen, once the booth has painted something on it; fails at once if the booth stopped."""
    if booth.poll() is not None:
        raise AssertionError(f"the booth stopped: {booth.stderr.read() if booth.stderr else ''}")
    try:
        picture = ImageGrab.grab(xdisplay=display)
    except OSError:  # a loaded machine may refuse a connection now and then
        return None
    return picture if _greys(picture) > 2 else None


def _answers(display: str) -> bool:
    try:
        ImageGrab.grab(xdisplay=display)
    except OSError:
        return False
    return True


def _greys(picture: Image.Image) -> int:
    return len(picture.convert("L").getcolors() or [])
