"""Driving the booth's real window with key events only, as a keypad or a two-switch input does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.ui.app import BoothUi
from kiosk.ui.navigation import SWITCH_MOVE, SWITCH_SELECT, reachable_items

DOWN, UP, SELECT = Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return
MOST_STOPS = 80  # more buttons than any screen has (the code keypad has 32 keys and 4 actions)


def press(ui: BoothUi, key: Qt.Key) -> None:
    """One key on the window, and the screens' answer to it (rebuilt items, a new screen)."""
    QTest.keyClick(ui.window, key)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def focused(ui: BoothUi) -> str:
    assert ui.navigator is not None
    item = ui.navigator.focused()
    return item.objectName() if item is not None else ""


def stops(ui: BoothUi) -> list[str]:
    return [i.objectName() for i in reachable_items(ui.window)]


def reach_with_arrows(ui: BoothUi, name: str) -> int:
    """Moves the ring to the button by the shorter way round (up or down); returns the presses."""
    names = stops(ui)
    assert name in names, f"{name!r} is not a stop on the {ui.walk.walk.screen} screen: {names}"
    here = names.index(focused(ui)) if focused(ui) in names else -1
    ahead = (names.index(name) - here) % len(names)
    key, count = (DOWN, ahead) if ahead <= len(names) - ahead else (UP, len(names) - ahead)
    for _ in range(count):
        press(ui, key)
    assert focused(ui) == name
    return count


def reach_with_one_switch(ui: BoothUi, name: str) -> int:
    """Moves the ring with the "move" switch only (it wraps round); returns the presses."""
    for count in range(MOST_STOPS):
        if focused(ui) == name:
            return count
        press(ui, SWITCH_MOVE)
    raise AssertionError(f"the move switch never reached {name!r} on the {ui.walk.walk.screen} screen")


def choose_with_keypad(ui: BoothUi, name: str) -> None:
    reach_with_arrows(ui, name)
    press(ui, SELECT)


def choose_with_switches(ui: BoothUi, name: str) -> None:
    reach_with_one_switch(ui, name)
    press(ui, SWITCH_SELECT)
