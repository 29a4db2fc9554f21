"""The voter's walk at the booth: a closed state machine the screens render.

One screen at a time, the question shown, what is selected, what may happen next. Every election rule
the voter meets (how many may be chosen, whether a blank is allowed, which sessions can be entered) is
decided here or in the core, never in the UI. Testable without Qt: time comes from an injected clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.definition import ElectionDefinition, OptionRole, Question, VotingSession
from kiosk.ballot.selections import Selections
from kiosk.ballot.values import Mode
from kiosk.booth.cast import CastReceipt, CastRefused
from kiosk.booth.polls import PollsState, accepts_votes
from kiosk.booth.voter_auth import Authenticated, AuthOutcome, CodeRefused
from kiosk.booth.voter_door import SessionStatus, VoterSession
from kiosk.config import INACTIVITY_COUNTDOWN_SECONDS, INACTIVITY_WARNING_SECONDS

log = logging.getLogger(__name__)


class Screen(StrEnum):
    WELCOME = "welcome"
    CODE_ENTRY = "code_entry"
    SESSIONS = "sessions"
    QUESTION = "question"
    REVIEW = "review"
    CONFIRM = "confirm"
    CAST_DONE = "cast_done"
    CAST_FAILED = "cast_failed"


class PrintStatus(StrEnum):
    """What the receipt printer answered; the screen tells the voter in their language."""

    PRINTED = "printed"
    PAPER_OUT = "paper_out"
    FAILED = "failed"
    NO_PRINTER = "no_printer"


class AnswerState(StrEnum):
    ANSWERED = "answered"
    ABSTAINED = "abstained"  # an abstention is an answer
    NO_ANSWER = "no_answer"  # left blank: flagged on the review


class Booth(Protocol):
    """What the walk needs of the station service (kiosk.booth.station.Station fits)."""

    @property
    def election(self) -> ElectionDefinition: ...

    @property
    def state(self) -> PollsState: ...

    @property
    def mode(self) -> Mode:
        """Official or test: a test booth says so on every screen and every slip."""

    def authenticate_code(self, text: str) -> AuthOutcome: ...

    def sessions_for(self, voter_id: str) -> list[VoterSession]: ...

    def cast(self, voter_id: str, session_id: str, selections: Selections) -> CastReceipt: ...


ReceiptPrinter = Callable[[CastReceipt], PrintStatus]


def no_printer(_receipt: CastReceipt) -> PrintStatus:
    return PrintStatus.NO_PRINTER


@dataclass(frozen=True)
class Timing:
    """Inactivity limits; the booth config sets them (see kiosk.config for the guidelines' ranges)."""

    warning_seconds: float = INACTIVITY_WARNING_SECONDS
    countdown_seconds: float = INACTIVITY_COUNTDOWN_SECONDS


class WalkError(RuntimeError):
    """An event that cannot happen on the current screen: the UI offered what it should not have."""


@dataclass(frozen=True)
class ReviewItem:
    question_id: str
    index: int
    chosen: tuple[str, ...]
    state: AnswerState


class Walk:
    def __init__(
        self,
        booth: Booth,
        printer: ReceiptPrinter = no_printer,
        timing: Timing = Timing(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.booth = booth
        self.printer = printer
        self.timing = timing
        self.clock = clock
        self.last_receipt: CastReceipt | None = None  # for a poll worker's one reprint; kept across voters
        self._reset()

    def _reset(self) -> None:
        self.screen = Screen.WELCOME
        self.voter_id: str | None = None
        self.session_id: str | None = None
        self.question_index = 0
        self.selections: dict[str, tuple[str, ...]] = {}
        self.back_to_review = False
        self.refusal: CodeRefused | None = None
        self.receipt: CastReceipt | None = None
        self.print_status: PrintStatus | None = None
        self.cast_error = ""
        self.last_touch = self.clock()

    # --- moving between screens ------------------------------------------------------------------
    def _go(self, screen: Screen, *allowed_from: Screen) -> None:
        if self.screen not in allowed_from:
            raise WalkError(f"cannot go to {screen} from {self.screen}")
        log.info("walk: %s -> %s", self.screen, screen)
        self.screen = screen

    def touched(self) -> None:
        """Any tap or key: the voter is still there."""
        self.last_touch = self.clock()

    def start_code_entry(self) -> None:
        self._go(Screen.CODE_ENTRY, Screen.WELCOME)
        self.refusal = None

    def enter_code(self, text: str) -> AuthOutcome:
        if self.screen is not Screen.CODE_ENTRY:
            raise WalkError(f"a code was entered on {self.screen}")
        return self.authenticated(self.booth.authenticate_code(text))

    def authenticated(self, outcome: AuthOutcome) -> AuthOutcome:
        """The outcome of a code or a card; a card may be read on Welcome or on code entry."""
        if isinstance(outcome, Authenticated):
            self._go(Screen.SESSIONS, Screen.WELCOME, Screen.CODE_ENTRY)
            self.voter_id, self.refusal = outcome.voter_id, None
        else:
            self.refusal = outcome
            if self.screen is Screen.WELCOME:
                self._go(Screen.CODE_ENTRY, Screen.WELCOME)
        return outcome

    @property
    def polls_open(self) -> bool:
        """Whether a voter may start now; Welcome says so before anyone types a code."""
        return accepts_votes(self.booth.state)

    def sessions(self) -> list[VoterSession]:
        return self.booth.sessions_for(self._voter()) if self.voter_id else []

    def open_session(self, session_id: str) -> None:
        status = {s.session_id: s.status for s in self.sessions()}.get(session_id)
        if status is not SessionStatus.OPEN:
            raise WalkError(f"session {session_id} is {status} for this voter")
        self._go(Screen.QUESTION, Screen.SESSIONS)
        self.session_id, self.question_index, self.selections = session_id, 0, {}
        self.back_to_review = False

    def continue_(self) -> None:
        if not self.can_continue:
            raise WalkError("this question needs an answer")
        self._go(Screen.REVIEW if self._at_last_or_returning() else Screen.QUESTION, Screen.QUESTION)
        if self.screen is Screen.QUESTION:
            self.question_index += 1
        self.back_to_review = False

    def _at_last_or_returning(self) -> bool:
        return self.back_to_review or self.question_index == len(self.session.questions) - 1

    def back(self) -> None:
        if self.screen is Screen.QUESTION and self.back_to_review:
            self._go(Screen.REVIEW, Screen.QUESTION)
            self.back_to_review = False
        elif self.screen is Screen.QUESTION and self.question_index > 0:
            self.question_index -= 1
        elif self.screen is Screen.QUESTION:
            self._go(Screen.SESSIONS, Screen.QUESTION)  # leaving the session forgets its answers
            self.session_id, self.selections = None, {}
        elif self.screen is Screen.REVIEW:
            self._go(Screen.QUESTION, Screen.REVIEW)
            self.question_index = len(self.session.questions) - 1
        elif self.screen is Screen.CONFIRM:
            self._go(Screen.REVIEW, Screen.CONFIRM)
        elif self.screen is Screen.CODE_ENTRY:
            self._go(Screen.WELCOME, Screen.CODE_ENTRY)
        else:
            raise WalkError(f"no way back from {self.screen}")

    def change(self, question_id: str) -> None:
        ids = [q.id for q in self.session.questions]
        self._go(Screen.QUESTION, Screen.REVIEW)
        self.question_index, self.back_to_review = ids.index(question_id), True

    def submit(self) -> None:
        self._go(Screen.CONFIRM, Screen.REVIEW, Screen.CAST_FAILED)

    def confirm(self) -> None:
        """Casts through the core in one transaction; only then does the voter see it recorded."""
        if self.screen is not Screen.CONFIRM:
            raise WalkError(f"cannot cast from {self.screen}")
        try:
            receipt = self.booth.cast(self._voter(), self.session.id, dict(self.selections))
        except (StorageError, CastRefused) as exc:
            log.warning("cast failed: %s", exc)
            self.cast_error = "refused" if isinstance(exc, CastRefused) else "storage"
            self._go(Screen.CAST_FAILED, Screen.CONFIRM)
            return
        self.receipt, self.last_receipt, self.selections = receipt, receipt, {}
        self._go(Screen.CAST_DONE, Screen.CONFIRM)
        self.print_status = self.printer(receipt)

    def done(self) -> None:
        self._go(Screen.SESSIONS, Screen.CAST_DONE, Screen.CAST_FAILED)
        self.session_id, self.receipt, self.print_status, self.selections = None, None, None, {}

    def log_out(self) -> None:
        """Log out, time-out or card removed: back to Welcome, every unsubmitted selection forgotten."""
        log.info("walk: log out from %s", self.screen)
        self._reset()

    # --- answering -------------------------------------------------------------------------------
    @property
    def session(self) -> VotingSession:
        if self.session_id is None:
            raise WalkError("no session is open")
        return self.booth.election.session(self.session_id)

    @property
    def question(self) -> Question:
        return self.session.questions[self.question_index]

    def chosen(self) -> tuple[str, ...]:
        return self.selections.get(self.question.id, ())

    def choose(self, choice_id: str) -> None:
        """A tap on an option: select it, or unselect it if it was chosen."""
        if self.screen is not Screen.QUESTION:
            raise WalkError(f"no question on {self.screen}")
        question, chosen = self.question, self.chosen()
        if choice_id not in question.choices:
            raise WalkError(f"no choice {choice_id} in {question.id}")
        if choice_id in chosen:
            chosen = tuple(c for c in chosen if c != choice_id)
        elif question.max_choices == 1:
            chosen = (choice_id,)
        elif len(chosen) < question.max_choices:
            chosen = tuple(c for c in question.choices if c in {*chosen, choice_id})
        else:
            return  # at the maximum: the screen says so, nothing more is chosen
        self.selections[question.id] = chosen

    @property
    def at_maximum(self) -> bool:
        return len(self.chosen()) >= self.question.max_choices

    @property
    def can_continue(self) -> bool:
        if self.screen is not Screen.QUESTION:
            return False
        count, question = len(self.chosen()), self.question
        if count == 0:
            return question.allow_blank
        return question.min_choices <= count <= question.max_choices

    def review(self) -> list[ReviewItem]:
        return [self._review_item(i, q) for i, q in enumerate(self.session.questions)]

    def _review_item(self, index: int, question: Question) -> ReviewItem:
        chosen = self.selections.get(question.id, ())
        if not chosen:
            state = AnswerState.NO_ANSWER
        elif _is_abstention(question, chosen):
            state = AnswerState.ABSTAINED
        else:
            state = AnswerState.ANSWERED
        return ReviewItem(question.id, index, chosen, state)

    # --- inactivity ------------------------------------------------------------------------------
    def idle_seconds(self) -> float:
        return self.clock() - self.last_touch

    @property
    def warning_shown(self) -> bool:
        return self.screen is not Screen.WELCOME and self.idle_seconds() >= self.timing.warning_seconds

    def countdown_left(self) -> int:
        total = self.timing.warning_seconds + self.timing.countdown_seconds
        return max(0, int(total - self.idle_seconds() + 0.999))

    def tick(self) -> bool:
        """Called about once a second; logs the voter out when the countdown ends. True if it did."""
        if self.screen is Screen.WELCOME:
            self.last_touch = self.clock()
            return False
        if self.warning_shown and self.countdown_left() == 0:
            self.log_out()
            return True
        return False

    def _voter(self) -> str:
        if self.voter_id is None:
            raise WalkError("no voter is logged in")
        return self.voter_id


def _is_abstention(question: Question, chosen: tuple[str, ...]) -> bool:
    options = getattr(question, "options", [])
    roles = {o.id: o.role for o in options}
    return all(roles.get(c) is OptionRole.ABSTAIN for c in chosen)
