"""The composition root of the booth's screens: view-models, the QML engine and the window."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.ballot.definition import REQUIRED_LANGUAGES
from kiosk.booth.polls import TransitionRefused
from kiosk.booth.station import Station
from kiosk.booth.walk import Booth, ReceiptPrinter, Timing, Walk, no_printer
from kiosk.booth.worker_flow import ReportPrinter, WorkerFlow, no_report_printer
from kiosk.devices.media import Media
from kiosk.devices.speech import NoSpeech, Speech
from kiosk.ui.accessibility import FONT_FAMILY, Accessibility
from kiosk.ui.code_entry_model import CodeEntryModel
from kiosk.ui.language import Language
from kiosk.ui.narration import Narrator
from kiosk.ui.navigation import Navigator, attach_navigator
from kiosk.ui.walk_model import WalkModel
from kiosk.ui.worker_model import Health, WorkerModel

QML = Path(__file__).resolve().parent / "qml"
_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress}
# Keys a window manager or Qt could use to leave or switch the booth: a voter gets no way out.
# (Tab is the keypad navigator's: it moves the booth's own focus ring and never reaches Qt.)
_BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Meta, Qt.Key.Key_Super_L}


class _Activity(QObject):
    """Every touch or key counts as the voter being there; exit keys never reach the window."""

    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._on_activity()
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            modifiers = event.modifiers()  # type: ignore[attr-defined]
            if key in _BLOCKED_KEYS or modifiers & Qt.KeyboardModifier.AltModifier:
                return True
        return False


@dataclass
class BoothUi:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    walk: WalkModel
    code: CodeEntryModel
    access: Accessibility
    language: Language
    worker: WorkerModel | None = None
    navigator: Navigator | None = None
    narrator: Narrator | None = None
    # Held here so Python keeps the filter's own state as long as the window lives.
    activity: QObject | None = None


def _no_devices() -> list[tuple[str, str, str]]:
    return []


@dataclass(frozen=True)
class WorkerSetup:
    """What poll-worker mode needs: the station itself, the USB stick, the report printer, device
    health, and the booth's own id from its config (a stick for another booth is refused)."""

    station: Station
    media: Media
    report_printer: ReportPrinter = no_report_printer
    health: Health = _no_devices
    booth_id: str | None = None


def application() -> QGuiApplication:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        app = QGuiApplication([])
    app.setFont(QFont(FONT_FAMILY))
    return app


def build_ui(
    booth: Booth,
    printer: ReceiptPrinter = no_printer,
    timing: Timing | None = None,
    language: str = "en",
    dpi: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    worker_setup: WorkerSetup | None = None,
    speech: Speech | None = None,
) -> BoothUi:
    """The booth's screens (the voter's, and the poll worker's when given), in a window not yet shown
    full screen."""
    app = application()
    screen = app.primaryScreen()
    engine = QQmlApplicationEngine()  # owns the view-models: they live exactly as long as the screens
    access = Accessibility(dpi or screen.physicalDotsPerInch(), engine)
    lang = Language(_languages(booth), language, engine)
    walk = WalkModel(Walk(booth, printer, timing or Timing(), clock), lang, engine)
    code = CodeEntryModel(walk, clock, engine)
    walk.loggedOut.connect(access.reset)
    walk.loggedOut.connect(lang.reset)
    worker = _worker_model(worker_setup, walk, printer, lang, clock, engine)
    if worker is not None:
        worker.lockCleared.connect(code.unlocked)
    context = engine.rootContext()
    models = {"walk": walk, "code": code, "access": access, "lang": lang, "worker": worker or QObject(engine)}
    for name, model in models.items():
        context.setContextProperty(name, model)
    lang.attach(engine)
    engine.load(QML / "Main.qml")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError(f"the booth's screens did not load from {QML}")
    window = roots[0]
    activity = _Activity(lambda: _touched(walk, worker), window)
    app.installEventFilter(activity)  # keys go to the focused item, not the window: watch them all
    # The application outlives a window (the tests build many): a filter left on it would outlive
    # its Python half and be called as a bare object. The connection also keeps that half alive.
    window.destroyed.connect(lambda: app.removeEventFilter(activity))
    navigator = attach_navigator(window, walk, worker, access, [m for m in (walk, code, access, worker) if m])
    narrator = Narrator(window, navigator, speech or NoSpeech(), lang, access, window)
    walk.loggedOut.connect(narrator.stop)
    return BoothUi(engine, window, walk, code, access, lang, worker, navigator, narrator, activity)


def _touched(walk: WalkModel, worker: WorkerModel | None) -> None:
    walk.touched()
    if worker is not None:
        worker.touched()


def _languages(booth: Booth) -> list[str]:
    try:
        return list(booth.election.languages)
    except TransitionRefused:  # not set up yet: the working languages until a package comes
        return list(REQUIRED_LANGUAGES)


def _worker_model(
    setup: WorkerSetup | None, walk: WalkModel, printer: ReceiptPrinter, lang: Language,
    clock: Callable[[], float], owner: QObject,
) -> WorkerModel | None:
    if setup is None:
        return None
    flow = WorkerFlow(setup.station, setup.report_printer, clock, lambda: walk.walk.last_receipt, printer,
                      setup.booth_id)
    worker = WorkerModel(flow, lang, setup.media, setup.health, owner)
    worker.left.connect(walk.logOut)  # back to Welcome, the defaults for the next voter
    worker.entered.connect(walk.logOut)
    return worker
