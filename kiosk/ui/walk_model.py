"""The voter's walk for the screens: the state of kiosk.booth.walk.Walk as properties, taps as slots.

Holds no rule of its own: every decision is the walk's or the core's. Election texts are given in
the voter's language; the booth's own texts are the QML's, translated by Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.ballot.codes import format_code
from kiosk.ballot.definition import ListChoice
from kiosk.ballot.ids import SessionId
from kiosk.booth.polls import TransitionRefused
from kiosk.booth.voter_auth import AuthOutcome
from kiosk.booth.walk import Screen, Walk, WalkError
from kiosk.ui.language import Language

log = logging.getLogger(__name__)
TICK_MS = 1000  # the countdown shows whole seconds

Row = dict[str, Any]


class WalkModel(QObject):
    changed = Signal()
    loggedOut = Signal()  # the next voter gets the default language, size and contrast
    ticked = Signal()  # once a second, for countdowns shown elsewhere (the code-entry lock)

    def __init__(self, walk: Walk, language: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.walk = walk
        self.language = language
        language.changed.connect(self.changed)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # --- driving the walk ------------------------------------------------------------------------
    def _do(self, action: Callable[[], object]) -> None:
        try:
            action()
        except WalkError as exc:  # a stale tap (double tap, screen already changed): ignore it
            log.warning("ignored tap: %s", exc)
        self.changed.emit()

    def authenticated(self, outcome: AuthOutcome) -> None:
        self._do(lambda: self.walk.authenticated(outcome))

    def enter_code(self, text: str) -> AuthOutcome | None:
        if self.walk.screen is not Screen.CODE_ENTRY:
            return None
        outcome = self.walk.enter_code(text)
        self.changed.emit()
        return outcome

    @Slot()
    def tick(self) -> None:
        self.ticked.emit()
        was_warning = self.walk.warning_shown
        if self.walk.tick():
            self._logged_out()
        elif was_warning or self.walk.warning_shown:
            self.changed.emit()

    def touched(self) -> None:
        if not self.walk.warning_shown:  # during the warning only "I need more time" counts
            self.walk.touched()

    @Slot()
    def startCodeEntry(self) -> None:
        self._do(self.walk.start_code_entry)

    @Slot(str)
    def openSession(self, session_id: str) -> None:
        self._do(lambda: self.walk.open_session(SessionId(session_id)))

    @Slot(str)
    def choose(self, choice_id: str) -> None:
        self._do(lambda: self.walk.choose(choice_id))

    @Slot()
    def next(self) -> None:
        self._do(self.walk.continue_)

    @Slot()
    def back(self) -> None:
        self._do(self.walk.back)

    @Slot(str)
    def change(self, question_id: str) -> None:
        self._do(lambda: self.walk.change(question_id))

    @Slot()
    def submit(self) -> None:
        self._do(self.walk.submit)

    @Slot()
    def confirm(self) -> None:
        self._do(self.walk.confirm)

    @Slot()
    def seal(self) -> None:
        self._do(self.walk.seal)

    @Slot()
    def castSealed(self) -> None:
        self._do(self.walk.cast_sealed)

    @Slot()
    def checkSealed(self) -> None:
        self._do(self.walk.check_sealed)

    @Slot()
    def done(self) -> None:
        self._do(self.walk.done)

    @Slot()
    def moreTime(self) -> None:
        self.walk.touched()
        self.changed.emit()

    @Slot()
    def logOut(self) -> None:
        self.walk.log_out()
        self._logged_out()

    def card_removed(self) -> None:
        """The voter's card left the reader: as a log-out, at once."""
        if self.walk.screen is not Screen.WELCOME:
            self.logOut()

    def _logged_out(self) -> None:
        self.loggedOut.emit()
        self.changed.emit()

    # --- what the screens show -------------------------------------------------------------------
    def _text(self, text: dict[str, str] | None) -> str:
        return self.language.text(text) if text else ""

    def _screen(self) -> str:
        return self.walk.screen.value

    def _title(self) -> str:
        try:
            return self._text(self.walk.booth.election.title)
        except TransitionRefused:  # not set up: Welcome says to see a poll worker
            return ""

    def _sessions(self) -> list[Row]:
        election = self.walk.booth.election
        return [
            {"id": s.session_id, "title": self._text(election.session(s.session_id).title),
             "status": s.status.value}
            for s in self.walk.sessions()
        ]

    def _in_session(self) -> bool:
        return self.walk.session_id is not None and self.walk.screen in {
            Screen.QUESTION, Screen.REVIEW, Screen.CONFIRM, Screen.CAST_FAILED}

    def _session_title(self) -> str:
        return self._text(self.walk.session.title) if self.walk.session_id else ""

    def _question(self) -> Row:
        if not self._in_session():
            return {}
        walk, q = self.walk, self.walk.question
        return {
            "id": q.id, "number": walk.question_index + 1, "count": len(walk.session.questions),
            "title": self._text(q.title), "description": self._text(q.description), "kind": q.kind,
            "min": q.min_choices, "max": q.max_choices, "allowBlank": q.allow_blank,
            "atMaximum": walk.at_maximum, "chosenCount": len(walk.chosen()),
            "canContinue": walk.can_continue, "backToReview": walk.back_to_review,
        }

    def _options(self) -> list[Row]:
        if not self._in_session():
            return []
        q, chosen = self.walk.question, self.walk.chosen()
        if isinstance(q, ListChoice):
            return [{"id": li.id, "label": self._text(li.label), "role": "list",
                     "candidates": ", ".join(li.candidates), "chosen": li.id in chosen} for li in q.lists]
        return [{"id": o.id, "label": self._text(o.label), "role": o.role.value, "candidates": "",
                 "chosen": o.id in chosen} for o in q.options]

    def _review(self) -> list[Row]:
        if not self._in_session():
            return []
        rows = []
        for item in self.walk.review():
            q = self.walk.session.questions[item.index]
            labels = {c: self._text(x.label) for x in (q.lists if isinstance(q, ListChoice) else q.options)
                      for c in [x.id]}
            rows.append({"id": item.question_id, "number": item.index + 1, "title": self._text(q.title),
                         "answer": ", ".join(labels[c] for c in item.chosen), "state": item.state.value,
                         # fewer picks than allowed (an undervote) is flagged on the review
                         "kind": q.kind, "chosenCount": len(item.chosen), "max": q.max_choices})
        return rows

    def _tracking(self) -> str:
        return format_code(self.walk.receipt.tracking_code) if self.walk.receipt else ""

    def _print_status(self) -> str:
        return self.walk.print_status.value if self.walk.print_status else ""

    screen = Property(str, _screen, notify=changed)
    e2e = Property(bool, lambda self: self.walk.e2e, notify=changed)
    sealedCode = Property(str, lambda self: self.walk.sealed_code, notify=changed)
    checksLeft = Property(int, lambda self: self.walk.checks_left, notify=changed)
    electionTitle = Property(str, _title, notify=changed)
    pollsOpen = Property(bool, lambda self: self.walk.polls_open, notify=changed)
    testMode = Property(bool, lambda self: self.walk.booth.mode == "test", notify=changed)
    sessions = Property(list, _sessions, notify=changed)
    sessionTitle = Property(str, _session_title, notify=changed)
    question = Property(dict, _question, notify=changed)
    options = Property(list, _options, notify=changed)
    review = Property(list, _review, notify=changed)
    unanswered = Property(int, lambda self: sum(r["state"] == "no_answer" for r in self._review()),
                          notify=changed)
    trackingCode = Property(str, _tracking, notify=changed)
    printStatus = Property(str, _print_status, notify=changed)
    castError = Property(str, lambda self: self.walk.cast_error, notify=changed)
    warningShown = Property(bool, lambda self: self.walk.warning_shown, notify=changed)
    countdown = Property(int, lambda self: self.walk.countdown_left(), notify=changed)
