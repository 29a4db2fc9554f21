"""`kiosk tour`: every screen of the voter's walk, in every language and contrast, as PNG files.

Runs offscreen over a stand-in booth (no keys, no storage) so reviewers and translators see what a
voter sees, including the screens that are hard to reach by hand: a locked keypad, a failed cast,
the time-out warning.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.codes import generate_code
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.encryption import tracking_code
from kiosk.ballot.selections import Selections
from kiosk.ballot.values import Mode
from kiosk.booth.polls import PollsState
from kiosk.booth.station import CastReceipt, SessionStatus, VoterSession
from kiosk.booth.voter_auth import Authenticated, AuthOutcome, CodeRefusal, CodeRefused, typed_code_problem
from kiosk.booth.walk import PrintOutcome, Timing
from kiosk.devices.printer import Printer
from kiosk.ui.accessibility import DEFAULT_TEXT_SIZE, TEXT_SIZES_MM
from kiosk.ui.app import BoothUi, build_ui
from kiosk.ui.receipt_slips import ReceiptSlips
from kiosk.ui.spoken import screen_script
from kiosk.ui.tour_e2e import TourSealing, tour_printer, walk_e2e_screens
from kiosk.ui.worker_tour import WorkerTour, build_worker_ui, scratch_folder, walk_worker_screens

# (contrast, text size) for every language: the three contrasts at the usual size, and the other
# three sizes in the usual contrast (the size changes the layout, the contrast only the colours).
TOUR_LOOKS = (("default", DEFAULT_TEXT_SIZE), ("high", DEFAULT_TEXT_SIZE), ("low", DEFAULT_TEXT_SIZE),
              *(("default", size) for size in range(len(TEXT_SIZES_MM)) if size != DEFAULT_TEXT_SIZE))
Look = tuple[str, str, int]  # language, contrast, text size
TOUR_TIMING = Timing(warning_seconds=120, countdown_seconds=45)
ScreenHook = Callable[[str, BoothUi], None]


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TourBooth(TourSealing):
    """Stands in for the station: any well-formed code logs in the first voter; casts can fail."""

    def __init__(self, election: ElectionDefinition) -> None:
        self.election = election
        self.voted: set[str] = set()
        self.refusal: CodeRefused | None = None
        self.storage_fails = False
        self._voter = max(election.voters, key=lambda v: len(v.sessions))

    @property
    def state(self) -> PollsState:
        return PollsState.OPEN

    @property
    def mode(self) -> Mode:
        return "official"

    def authenticate_code(self, text: str) -> AuthOutcome:
        return typed_code_problem(text) or self.refusal or Authenticated(self._voter.id)

    def sessions_for(self, voter_id: str) -> list[VoterSession]:
        ids = [s.id for s in self.election.sessions if s.id in self._voter.sessions]
        closed = ids[-1] if len(ids) > 2 else None  # one session shown as not open, for the tour
        return [VoterSession(i, SessionStatus.VOTED if i in self.voted else
                             SessionStatus.NOT_OPEN if i == closed else SessionStatus.OPEN) for i in ids]

    def cast(self, voter_id: str, session_id: str, selections: Selections) -> CastReceipt:
        if self.storage_fails:
            raise StorageError("the tour's storage is full")
        self.voted.add(session_id)
        return CastReceipt(session_id, tracking_code(f"{session_id}:{sorted(selections.items())}".encode()))


def _mistyped(code: str) -> str:
    """The code with one symbol of its third group changed: the check character catches it."""
    wrong = "0" if code[9] != "0" else "1"
    return code[:9] + wrong + code[10:]


def walk_every_screen(ui: BoothUi, booth: TourBooth, clock: ManualClock) -> Iterator[str]:
    """Drives the walk through each screen and yields its name once it is shown."""
    walk, code = ui.walk, ui.code
    yield "01-welcome"
    walk.startCodeEntry()
    for key in "7K3Q9":
        code.press(key)
    yield "02-code-typing"
    code.scanned(_mistyped(generate_code()))
    yield "03-code-mistyped"
    booth.refusal = CodeRefused(CodeRefusal.LOCKED, locked_seconds=30)
    code.scanned(generate_code())
    yield "04-code-locked"
    booth.refusal = None
    code.unlocked()  # as a poll worker clearing the lock
    code.scanned(generate_code())
    yield "05-sessions"
    ui.access.showSizes(True)
    yield "06-text-sizes"
    ui.access.showSizes(False)
    yield from _questions(ui, booth)
    walk.submit()
    yield "20-confirm"
    booth.storage_fails = True
    walk.confirm()
    yield "21-cast-failed"
    booth.storage_fails = False
    walk.submit()
    walk.confirm()
    yield "22-cast-done"
    walk.done()
    yield "23-sessions-voted"
    clock.now += TOUR_TIMING.warning_seconds + 5
    walk.tick()
    yield "24-timeout-warning"
    walk.moreTime()
    yield from walk_e2e_screens(ui, booth)


def _questions(ui: BoothUi, booth: TourBooth) -> Iterator[str]:
    """Each kind of question once, answered; then one session to its review with a blank left."""
    walk = ui.walk.walk
    sessions = [s for s in walk.sessions() if s.status is SessionStatus.OPEN]
    election = booth.election
    target = max(sessions, key=lambda s: len({q.kind for q in election.session(s.session_id).questions}))
    shown: set[str] = set()
    for session in [s for s in sessions if s is not target]:
        ui.walk.openSession(session.session_id)
        kind = walk.question.kind
        if kind not in shown:
            shown.add(kind)
            ui.walk.choose(walk.question.choices[0])
            yield f"1{len(shown)}-question-{kind}"
        ui.walk.back()
    ui.walk.openSession(target.session_id)
    questions = election.session(target.session_id).questions
    for n, question in enumerate(questions):
        if question.kind == "multiple":
            for choice in question.choices[: question.max_choices]:
                ui.walk.choose(choice)
        elif not (question.allow_blank and n == len(questions) - 1):
            ui.walk.choose(question.choices[0])
        if question.kind not in shown:
            shown.add(question.kind)
            yield f"1{len(shown)}-question-{question.kind}"
        ui.walk.next()
    yield "19-review"


def tour_looks(election: ElectionDefinition) -> list[Look]:
    return [(language, *look) for language in election.languages for look in TOUR_LOOKS]


def run_tour(
    election: ElectionDefinition, out: Path, hook: ScreenHook | None = None, save: bool = True,
    worker: WorkerTour | None = None, printer: Printer | None = None, looks: list[Look] | None = None,
) -> list[Path]:
    """Every screen, every language, default and high contrast, as pictures and spoken scripts;
    returns the files written.

    With a worker tour (media with a registered poll-worker card), the poll worker's screens too;
    with a printer, each look's receipt is printed on it (the demo keeps them as pictures)."""
    out.mkdir(parents=True, exist_ok=True)
    logging.getLogger("kiosk.booth.walk").setLevel(logging.ERROR)  # the tour's failed cast is staged
    written: list[Path] = []
    for language, contrast, size in looks or tour_looks(election):
        prefix = f"{language}-{contrast}" + ("" if size == DEFAULT_TEXT_SIZE else f"-size{size + 1}")
        written += _tour_one_look(election, out / prefix, language, (contrast, size), hook, save, printer)
        if worker is not None:
            written += _tour_worker_look(worker, out / prefix, language, (contrast, size), hook, save)
    return written


def _tour_one_look(
    election: ElectionDefinition, prefix: Path, language: str, look: tuple[str, int],
    hook: ScreenHook | None, save: bool, printer: Printer | None = None,
) -> list[Path]:
    booth, clock = TourBooth(election), ManualClock()
    slips = ReceiptSlips(printer, lambda: election, lambda: election.stations[0].id) if printer else None
    printer_of_tour = tour_printer(booth, slips or (lambda _r: PrintOutcome.PRINTED))
    ui = build_ui(booth, printer=printer_of_tour, timing=TOUR_TIMING, language=language, clock=clock)
    if slips is not None:
        slips.language = ui.language.code
    return _shoot(ui, walk_every_screen(ui, booth, clock), prefix, look, hook, save)


def _tour_worker_look(
    tour: WorkerTour, prefix: Path, language: str, look: tuple[str, int], hook: ScreenHook | None,
    save: bool,
) -> list[Path]:
    scratch = scratch_folder()
    try:
        ui, station = build_worker_ui(tour, scratch, language)
        written = _shoot(ui, walk_worker_screens(ui, tour), prefix, look, hook, save)
        station.close()
        return written
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _shoot(
    ui: BoothUi, screens: Iterator[str], prefix: Path, look: tuple[str, int], hook: ScreenHook | None,
    save: bool,
) -> list[Path]:
    ui.window.show()
    written = []
    for name in screens:
        ui.access.set_look(*look)
        QCoreApplication.processEvents()
        if hook is not None:
            hook(name, ui)
        if save:
            path = prefix.with_name(f"{prefix.name}-{_safe(name)}.png")
            ui.window.grabWindow().save(str(path))
            # What the audio ballot reads out for the screen, one sentence a line, for reviewers.
            script = path.with_suffix(".txt")
            script.write_text("\n".join(screen_script(ui.window)) + "\n", encoding="utf-8")
            written += [path, script]
    ui.language.release()
    ui.window.close()
    ui.engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the next look starts alone
    return written


def _safe(name: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", name.lower())


def default_election() -> Path:
    """The sample conference election, or the small test election while the sample is missing."""
    root = Path(__file__).resolve().parents[2]
    sample = root / "resources" / "elections" / "ilc-2023-plenary.json"
    return sample if sample.exists() else root / "tests" / "fixtures" / "small-election.json"
