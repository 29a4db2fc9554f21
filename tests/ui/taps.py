"""Finding the booth's real items and tapping them as a voter would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ballot.ids import StationId
from kiosk.ui.app import BoothUi
from tests.kit import ElectionKit

MARITIME = "maritime"  # the sample conference election's session of 24 questions
# How long a test waits for what it expects before it fails: events come within milliseconds on a
# quiet machine, but a busy CI machine may take seconds (issue 11). A test never waits longer than
# it takes the event to come.
EVENT_TIMEOUT_MS = 30_000


def wait_for(qtbot: QtBot, condition: Callable[[], bool]) -> None:
    """Runs the event loop until `condition` holds (the screen shows what the test expects)."""
    qtbot.waitUntil(condition, timeout=EVENT_TIMEOUT_MS)


def next_tick(qtbot: QtBot, model: QObject) -> None:
    """Runs the event loop until the model's once-a-second timer has fired and been handled: what a
    test waits for when the screen must stay as it is after the clock moved."""
    timer = model.findChild(QTimer)
    assert timer is not None, f"{type(model).__name__} has no timer"
    with qtbot.waitSignal(timer.timeout, timeout=EVENT_TIMEOUT_MS):
        pass


def items(window: QQuickWindow) -> list[QQuickItem]:
    """Every item on the window, by the visual tree (a Repeater's items have no QObject parent)."""
    found, todo = [], [window.contentItem()]
    while todo:
        item = todo.pop()
        found.append(item)
        todo.extend(item.childItems())
    return found


def named(ui: BoothUi, name: str) -> QQuickItem | None:
    matches = [i for i in items(ui.window) if i.objectName() == name and _visible(i)]
    return matches[0] if matches else None


def find(ui: BoothUi, name: str) -> QQuickItem:
    item = named(ui, name)
    if item is None:
        raise LookupError(f"no visible item {name!r} on the {ui.walk.walk.screen} screen")
    return item


def exists(ui: BoothUi, name: str) -> bool:
    return named(ui, name) is not None


def _where(ui: BoothUi, item: QQuickItem) -> str:
    """"here" if a tap on the item's centre reaches it; else "above" or "below" a scrolled list."""
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    parent = item.parentItem()
    while parent is not None:
        if parent.clip():
            top = parent.mapToScene(QPointF(0, 0)).y()
            if centre.y() < top:
                return "above"
            if centre.y() > top + parent.height():
                return "below"
        parent = parent.parentItem()
    return "below" if centre.y() >= ui.window.height() else "here"


def tap(ui: BoothUi, name: str, scroll: bool = True) -> None:
    """Taps the item's centre; pages with the screen's own buttons to reach it if it is out of view."""
    settle(ui.window)
    item = find(ui, name)
    for _ in range(40):
        where = _where(ui, item)
        if where == "here" or not scroll:
            break
        tap(ui, "scroll-up" if where == "above" else "scroll-down", scroll=False)
        item = find(ui, name)
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(centre.x()), round(centre.y())))
    settle(ui.window)


def settle(window: QQuickWindow) -> None:
    """Lets the screens follow: events handled, replaced items gone, and laid out as they will be
    drawn (rows and columns place their items only when the window is about to render)."""
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.grabWindow()  # renders a frame: every pending layout is done first, as on the glass
    QApplication.processEvents()


def text_of(ui: BoothUi, name: str) -> str:
    return str(find(ui, name).property("text"))


def type_code(ui: BoothUi, code: str) -> None:
    for symbol in code.replace("-", ""):
        tap(ui, f"key-{symbol}")
    tap(ui, "code-submit")


def visible_texts(window: QQuickWindow, skip: frozenset[str] = frozenset()) -> list[str]:
    """Every text a voter can see on the window now (but those of items named in SKIP)."""
    texts = []
    for item in items(window):
        if item.inherits("QQuickText") and _visible(item) and item.objectName() not in skip:
            text = item.property("text")
            if text and str(text).strip():
                texts.append(str(text))
    return texts


def _visible(item: QQuickItem | None) -> bool:
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def voter_code(kit: ElectionKit, station_id: str, session_id: str) -> tuple[str, str]:
    """A voter of the booth who may vote in the session, and their code."""
    codes = kit.codes()
    for voter in kit.definition.voters_at(StationId(station_id)):
        if session_id in voter.sessions and voter.id in codes:
            return voter.id, codes[voter.id]
    raise LookupError(f"no voter of {station_id} votes in {session_id}")


def log_in(ui: BoothUi, code: str) -> None:
    tap(ui, "enter-code")
    type_code(ui, code)
