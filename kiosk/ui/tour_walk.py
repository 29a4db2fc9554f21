"""The voter's walk that `kiosk tour` pictures: a stand-in booth, and every screen it can reach.

The stand-in booth has no keys and no storage, so reviewers and translators see what a voter sees,
including the screens that are hard to reach by hand: a locked keypad, a failed cast, the time-out
warning. Every kind of question is shown, and the longest session question by question to its review.
"""

from __future__ import annotations

from collections.abc import Iterator

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.codes import generate_code
from kiosk.ballot.definition import ElectionDefinition, Question, VotingSession
from kiosk.ballot.encryption import tracking_code
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.selections import Selections
from kiosk.ballot.values import Mode
from kiosk.booth.polls import PollsState
from kiosk.booth.station import CastReceipt, SessionStatus, VoterSession
from kiosk.booth.voter_auth import Authenticated, AuthOutcome, CodeRefusal, CodeRefused, typed_code_problem
from kiosk.booth.walk import Timing
from kiosk.booth.walk_states import Screen
from kiosk.ui.app import BoothUi
from kiosk.ui.tour_e2e import TourSealing, walk_e2e_screens

TOUR_TIMING = Timing(warning_seconds=120, countdown_seconds=45)


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _spare_session(sessions: list[VotingSession]) -> str | None:
    """A session the tour shows as not open: one that is neither the longest nor the only one with a
    kind of question, so every kind is still pictured (None with two sessions or fewer)."""
    if len(sessions) <= 2:
        return None
    longest = max(sessions, key=lambda s: len(s.questions))
    for session in reversed(sessions):
        others = {q.kind for s in sessions if s is not session for q in s.questions}
        if session is not longest and {q.kind for q in session.questions} <= others:
            return session.id
    return None


class TourBooth(TourSealing):
    """Stands in for the station: any well-formed code logs in the first voter; casts can fail."""

    def __init__(self, election: ElectionDefinition) -> None:
        self.election = election
        self.voted: set[str] = set()
        self.refusal: CodeRefused | None = None
        self.storage_fails = False
        self._voter = max(election.voters, key=lambda v: len(v.sessions))
        self._closed = _spare_session([s for s in election.sessions if s.id in self._voter.sessions])

    @property
    def state(self) -> PollsState:
        return PollsState.OPEN

    @property
    def mode(self) -> Mode:
        return "official"

    def authenticate_code(self, text: str) -> AuthOutcome:
        return typed_code_problem(text) or self.refusal or Authenticated(self._voter.id)

    def sessions_for(self, voter_id: VoterId) -> list[VoterSession]:
        ids = [s.id for s in self.election.sessions if s.id in self._voter.sessions]
        return [VoterSession(i, self._status(i)) for i in ids]

    def _status(self, session_id: SessionId) -> SessionStatus:
        if session_id in self.voted:
            return SessionStatus.VOTED
        return SessionStatus.NOT_OPEN if session_id == self._closed else SessionStatus.OPEN

    def cast(self, voter_id: VoterId, session_id: SessionId, selections: Selections) -> CastReceipt:
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


def _answer(ui: BoothUi, question: Question, last: bool) -> None:
    """As a voter might: a multiple choice with fewer picks than allowed where it may (the review
    flags it), the last question left blank where the election allows it, else the first option."""
    if question.kind == "multiple":
        picks = max(1, question.min_choices)
        for choice in question.choices[: picks if picks < question.max_choices else question.max_choices]:
            ui.walk.choose(choice)
    elif not (question.allow_blank and last):
        ui.walk.choose(question.choices[0])


def _questions(ui: BoothUi, booth: TourBooth) -> Iterator[str]:
    """Each kind of question once, each short session to its review; then the longest session
    question by question (every title and its options, at every size), to its review."""
    walk = ui.walk.walk
    sessions = [s for s in walk.sessions() if s.status is SessionStatus.OPEN]
    longest = max(sessions, key=lambda s: len(booth.election.session(s.session_id).questions))
    shown: set[str] = set()
    reviews = 0
    for session in [s for s in sessions if s is not longest]:
        ui.walk.openSession(session.session_id)
        questions = booth.election.session(session.session_id).questions
        # Its review too where it holds more than single answers (an undervote, a list's name).
        reviewed = any(q.kind != "single" for q in questions) and reviews < 2
        for n, question in enumerate(questions):
            _answer(ui, question, n == len(questions) - 1)
            if question.kind not in shown:
                shown.add(question.kind)
                yield f"1{len(shown)}-question-{question.kind}"
            ui.walk.next()
        if reviewed:
            reviews += 1
            yield f"1{4 + reviews}-review-{session.session_id}"
        while walk.screen is not Screen.SESSIONS:
            ui.walk.back()
    ui.walk.openSession(longest.session_id)
    questions = booth.election.session(longest.session_id).questions
    for n, question in enumerate(questions):
        _answer(ui, question, n == len(questions) - 1)
        yield f"17-{longest.session_id}-{n + 1:02d}"
        ui.walk.next()
    yield "19-review"
