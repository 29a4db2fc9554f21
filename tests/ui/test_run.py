"""`kiosk run` and `kiosk tour` from the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageGrab
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import DEMO_CARD_FILE, run_booth
from kiosk.booth.station import Station
from kiosk.cli import main
from kiosk.config import parse_config
from tests.ui.conftest import PIN, WORKER_CARD_KEY, WORKER_KEY, WORKER_SIGNER
from tests.ui.taps import items

QUIT_AFTER_MS = 300  # long enough to build every screen, short enough for the suite


def test_the_booth_starts_full_screen_over_its_storage(
    qapp: QApplication, conference_booth_template: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(conference_booth_template, data)
    config = parse_config(f'station_data = "{data}"\n[ui]\nlanguage = "fr"\n')
    shown: list[bool] = []

    def look_and_quit() -> None:
        windows = [w for w in qapp.topLevelWindows() if w.objectName() == "booth" and w.isVisible()]
        shown.append(any(w.visibility().name == "FullScreen" for w in windows))
        qapp.quit()

    QTimer.singleShot(QUIT_AFTER_MS, look_and_quit)
    assert run_booth(config) == 0
    assert shown == [True]


def test_a_missing_config_is_refused_with_its_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", "--config", str(tmp_path / "booth.toml")])
    assert result.exit_code == 1 and "cannot read" in result.output


def test_tour_writes_every_screen(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["tour", "--out", str(tmp_path / "tour")])
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "tour").glob("*.png")}
    expected = {"en-default-01-welcome.png", "fr-high-19-review.png", "es-default-24-timeout-warning.png"}
    assert expected <= names


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

    def press(key: Qt.Key) -> None:
        window = next(w for w in qapp.topLevelWindows() if w.objectName() == "booth" and w.isVisible())
        QTest.keyClick(window, key)
        QApplication.processEvents()
        grabbed = [i.objectName() for i in items(window)]
        seen.append("pin" if "pin-submit" in grabbed else "voter")

    QTimer.singleShot(200, lambda: press(Qt.Key.Key_F9))
    QTimer.singleShot(400, lambda: press(Qt.Key.Key_F10))
    QTimer.singleShot(600, qapp.quit)
    assert run_booth(config, demo=True) == 0
    assert seen == ["pin", "voter"]


def test_the_booth_paints_its_welcome_on_a_real_x_server(
    conference_booth_template: Path, tmp_path: Path
) -> None:
    """Xvfb, as a booth's display would be: Qt's xcb plugin loads (every library it needs is
    installed) and the Welcome screen is painted, not a blank or aborted window."""
    data = tmp_path / "data"
    shutil.copytree(conference_booth_template, data)
    config = tmp_path / "booth.toml"
    config.write_text(f'station_data = "{data}"\n')
    display = f":{100 + os.getpid() % 800}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stderr=subprocess.DEVNULL)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": display}
    booth = subprocess.Popen([str(Path(sys.executable).parent / "kiosk"), "run", "--config", str(config)],
                             env=env, stderr=subprocess.PIPE, text=True)
    try:
        picture = _painted(display, booth)
        assert booth.poll() is None, booth.stderr.read() if booth.stderr else ""
        assert _greys(picture) > 2 and picture.convert("L").getextrema() == (0, 255)  # text on white
    finally:
        booth.terminate()
        booth.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)


def _painted(display: str, booth: subprocess.Popen[str]) -> Image.Image:
    """The screen once the booth has painted something on it (within 15 s)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and booth.poll() is None:
        time.sleep(0.5)
        try:
            picture = ImageGrab.grab(xdisplay=display)
        except OSError:  # the X server is not up yet
            continue
        if _greys(picture) > 2:
            return picture
    return ImageGrab.grab(xdisplay=display)


def _greys(picture: Image.Image) -> int:
    return len(picture.convert("L").getcolors() or [])
