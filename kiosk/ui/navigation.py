"""Voting without touching the screen: a USB keypad, or a two-switch input, moves a visible focus.

VVSG 2.0 7.1-K asks that a voter who cannot use the touchscreen vote alone with tactile controls or
a personal two-switch device (sip-and-puff); VxSuite's accessible controller has arrows, select, back
and help. Both arrive here as keys. Every button of the screen (the voter's tools after it) is one
stop; moving past the last wraps to the first, so one "move" switch reaches everything. The screens
stay the only place that decides what a button does: select calls the button's own activate().
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow


class Command(Enum):
    NEXT = "next"
    PREVIOUS = "previous"
    SELECT = "select"
    BACK = "back"
    HELP = "help"
    REPEAT = "repeat"
    SLOWER = "slower"
    FASTER = "faster"
    SOFTER = "softer"
    LOUDER = "louder"
    BLANK = "blank"


_K = Qt.Key
# A keypad's keys as Linux sees them. Arrows and Enter are what an accessible controller (and a
# numeric keypad with NumLock off) sends; a two-switch interface is set to send Space (move) and
# Enter (select), the default of common switch-to-USB boxes. None of these is a symbol of a voting
# code, so the code scanner (which types the code, then Enter) keeps its keys.
KEYPAD: dict[int, Command] = {
    _K.Key_Down.value: Command.NEXT, _K.Key_Right.value: Command.NEXT, _K.Key_Tab.value: Command.NEXT,
    _K.Key_Space.value: Command.NEXT,
    _K.Key_Up.value: Command.PREVIOUS, _K.Key_Left.value: Command.PREVIOUS,
    _K.Key_Backtab.value: Command.PREVIOUS,
    _K.Key_Return.value: Command.SELECT, _K.Key_Enter.value: Command.SELECT,
    _K.Key_Select.value: Command.SELECT,
    _K.Key_Backspace.value: Command.BACK, _K.Key_Back.value: Command.BACK,
    _K.Key_F1.value: Command.HELP, _K.Key_Help.value: Command.HELP, _K.Key_Slash.value: Command.HELP,
    _K.Key_F2.value: Command.REPEAT, _K.Key_Asterisk.value: Command.REPEAT,
    _K.Key_F5.value: Command.SLOWER, _K.Key_Comma.value: Command.SLOWER,
    _K.Key_F6.value: Command.FASTER, _K.Key_Period.value: Command.FASTER,
    _K.Key_F7.value: Command.SOFTER, _K.Key_BracketLeft.value: Command.SOFTER,
    _K.Key_F8.value: Command.LOUDER, _K.Key_BracketRight.value: Command.LOUDER,
    _K.Key_F12.value: Command.BLANK,
}
SWITCH_MOVE, SWITCH_SELECT = Qt.Key.Key_Space, Qt.Key.Key_Return
CODE_ENTRY = "code-entry"  # the code screen's item: it holds what the scanner has typed so far
_SELECT_KEYS = {_K.Key_Return.value, _K.Key_Enter.value}


def reachable_items(window: QQuickWindow) -> list[QQuickItem]:
    """The buttons a keypad stops at, in reading order; only the modal's while one is shown."""
    root = window.contentItem()
    modal = next((i for i in shown_items(root) if i.property("modal") is True), None)
    return [i for i in shown_items(modal or root) if i.property("reachable") is True]


def shown_items(root: QQuickItem) -> list[QQuickItem]:
    """The visible items under root, depth first, in the order the QML declares them."""
    found: list[QQuickItem] = []
    todo = [root]
    while todo:
        item = todo.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        found.append(item)
        # A Repeater's items are stacked beside it in model order: stacking order is reading order.
        todo.extend(reversed(item.childItems()))
    return found


class Navigator(QObject):
    """Moves the focus ring among the screen's buttons on keys, and keeps it across repaints."""

    moved = Signal(str)  # the spoken label of the button now focused
    pageShown = Signal()  # a new screen is up; the focus is on its first button
    audio = Signal(object)  # a Command for the audio ballot (repeat, slower, louder, blank...)
    started = Signal()  # the voter's first key: the focus ring shows, the audio ballot begins

    def __init__(self, window: QQuickWindow, page: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._page_of = page
        self._page = page()
        self._name: str | None = None
        self._active = False
        self._later = QTimer(self)  # a child: it dies with the window, never firing at a dead screen
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.refresh)

    @property
    def active(self) -> bool:
        return self._active

    def focused(self) -> QQuickItem | None:
        if self._name is None:
            return None
        return next((i for i in reachable_items(self._window) if i.objectName() == self._name), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        command = KEYPAD.get(event.key())
        if command is None or self._scanner_owns(event):
            return False
        self.run(command)
        return True

    def _scanner_owns(self, event: QKeyEvent) -> bool:
        """Enter ends a scanned code: it is the scanner's while the code screen holds typed text."""
        if event.key() not in _SELECT_KEYS:
            return False
        shown = shown_items(self._window.contentItem())
        entry = next((i for i in shown if i.objectName() == CODE_ENTRY), None)
        return entry is not None and bool(entry.property("scan"))

    def run(self, command: Command) -> None:
        if not self._active:
            self._active = True
            self.started.emit()
            self._place(first=self._name is None)
            self.pageShown.emit()
            return  # the first key only wakes the keypad up: nothing happens that was not heard
        if command in {Command.NEXT, Command.PREVIOUS}:
            self._move(1 if command is Command.NEXT else -1)
        elif command is Command.SELECT:
            self._activate(self.focused())
        elif command is Command.BACK:
            back = [i for i in reachable_items(self._window) if i.property("isBack") is True]
            self._activate(back[0] if back else None)
        else:
            self.audio.emit(command)

    def stop(self) -> None:
        """The voter left: the next one starts with touch, no ring and no voice."""
        self._active = False
        self._set_ring(None)
        self._name = None

    def refresh(self) -> None:
        """After the screens changed: a new screen starts at its first button, the same screen keeps
        its place (its buttons are often rebuilt, so the place is kept by name)."""
        self._later.stop()
        page = self._page_of()
        if page != self._page:
            self._page = page
            self._name = None
            if self._active:
                self._place(first=True)
                self.pageShown.emit()
        elif self._active:
            self._place(first=False)

    def schedule_refresh(self) -> None:
        """Once the screens have rebuilt what changed (their bindings run first)."""
        if not self._later.isActive():
            self._later.start()

    def _place(self, first: bool) -> None:
        items = reachable_items(self._window)
        current = None if first else next((i for i in items if i.objectName() == self._name), None)
        self._focus(current or (items[0] if items else None), announce=False)

    def _move(self, step: int) -> None:
        items = reachable_items(self._window)
        if not items:
            return
        names = [i.objectName() for i in items]
        index = names.index(self._name) + step if self._name in names else (0 if step > 0 else -1)
        self._focus(items[index % len(items)], announce=True)

    def _activate(self, item: QQuickItem | None) -> None:
        if item is None:
            return
        before = self._page
        item.metaObject().invokeMethod(item, "activate")
        self.refresh()
        focused = self.focused()
        if self._page == before and focused is not None:
            for each in reversed(shown_items(self._window.contentItem())):
                each.ensurePolished()  # the button's texts are bound to the new state: read them now
            self.moved.emit(str(focused.property("spoken")))  # "Yes. Chosen.": the voter hears it took

    def _focus(self, item: QQuickItem | None, announce: bool) -> None:
        self._set_ring(item)
        self._name = item.objectName() if item is not None else None
        if item is not None:
            _scroll_into_view(self._window, item)
            if announce:
                self.moved.emit(str(item.property("spoken")))

    def _set_ring(self, item: QQuickItem | None) -> None:
        for other in shown_items(self._window.contentItem()):
            if other.property("keyFocus") is True and other is not item:
                other.setProperty("keyFocus", False)
        if item is not None:
            item.setProperty("keyFocus", True)


def _scroll_into_view(window: QQuickWindow, item: QQuickItem) -> None:
    """Scrolls the list holding the item so that the item, and its ring, are on the glass."""
    flick = item.parentItem()
    while flick is not None and not flick.inherits("QQuickFlickable"):
        flick = flick.parentItem()
    if flick is None:
        return
    for each in reversed(shown_items(window.contentItem())):  # lay out children before their parents
        each.ensurePolished()
    content = flick.property("contentItem")
    top = item.mapToItem(content, QPointF(0, 0)).y()
    margin = float(item.property("ringRoom") or 0)
    height, y = flick.height(), float(flick.property("contentY"))
    total = float(flick.property("contentHeight"))
    if top - margin < y:
        y = top - margin
    elif top + item.height() + margin > y + height:
        y = top + item.height() + margin - height
    flick.setProperty("contentY", max(0.0, min(y, total - height)))


def attach_navigator(window: QQuickWindow, walk: QObject, worker: QObject | None, access: QObject,
                     models: list[QObject]) -> Navigator:
    """A navigator on the booth's window, told whenever a view-model changes what is shown."""

    def page() -> str:
        if worker is not None and worker.property("active"):
            return f"worker:{worker.property('screen')}"
        question = walk.property("question") or {}
        modal = f"{walk.property('warningShown')}:{access.property('picking')}"  # the overlays
        return f"{walk.property('screen')}:{question.get('id', '')}:{modal}"

    navigator = Navigator(window, page, window)
    window.installEventFilter(navigator)
    for model in models:
        model.changed.connect(navigator.schedule_refresh)  # type: ignore[attr-defined]
    walk.loggedOut.connect(navigator.stop)  # type: ignore[attr-defined]
    return navigator
