"""The voter's walk at the booth, as the screens render it: one state (kiosk.booth.walk_states),
the booth's answers fed into it, and every transition and refusal logged from one place.

Testable without Qt: time comes from an injected clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.definition import ElectionDefinition, Question, VotingSession
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.booth.cast import CastReceipt, CastRefused
from kiosk.booth.e2e_cast import CheckReceipt
from kiosk.booth.polls import TransitionRefused, accepts_votes
from kiosk.booth.review import AnswerState, ReviewItem, review_items
from kiosk.booth.voter_auth import Authenticated, AuthOutcome, CodeRefused
from kiosk.booth.voter_door import VoterSession
from kiosk.booth.walk_events import (
    Back,
    Cast,
    Change,
    Choose,
    Continue,
    Done,
    LoggedIn,
    LoginRefused,
    LogOut,
    NotCast,
    OpenSession,
    Printed,
    Refused,
    StartCodeEntry,
    Submit,
    WalkEvent,
)
from kiosk.booth.walk_outcomes import PrintOutcome
from kiosk.booth.walk_ports import DEFAULT_TIMING, Booth, Timing, no_printer
from kiosk.booth.walk_seal import Printout, ReceiptPrinter, SealingSteps, WalkError
from kiosk.booth.walk_states import (
    MAX_CHECKS,
    SCREENS,
    Answering,
    CastDone,
    CastFailed,
    CheckDone,
    CodeEntry,
    Confirming,
    InSession,
    Screen,
    Sealed,
    SealFailed,
    WalkState,
    Welcome,
    can_continue,
    question_of,
    step,
)

log = logging.getLogger(__name__)
__all__ = [
    "AnswerState", "Booth", "PrintOutcome", "Printout", "ReceiptPrinter", "Screen", "Timing", "Walk",
    "WalkError", "no_printer",
]


class Walk(SealingSteps):
    def __init__(
        self,
        booth: Booth,
        printer: ReceiptPrinter = no_printer,
        timing: Timing = DEFAULT_TIMING,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.booth, self.printer, self.timing, self.clock = booth, printer, timing, clock
        self.last_receipt: CastReceipt | None = None  # for a poll worker's one reprint; kept across voters
        self.state: WalkState = Welcome()
        self.last_touch = self.clock()

    # --- the one place that moves the walk -------------------------------------------------------
    def apply(self, event: WalkEvent) -> None:
        """Moves to the state step decides; a refused event changes nothing and raises WalkError."""
        before = self.state
        after = step(before, event, self._election())
        if isinstance(after, Refused):
            log.warning("walk: %s refused on %s: %s", type(event).__name__, self.screen.value, after.why)
            raise WalkError(after.why)
        if type(after) is not type(before) or isinstance(event, LogOut):
            log.info("walk: %s -> %s on %s", self.screen.value, SCREENS[type(after)].value,
                     type(event).__name__)
        self.state = after

    def _election(self) -> ElectionDefinition | None:
        try:
            return self.booth.election
        except TransitionRefused:  # not set up yet: Welcome says to see a poll worker
            return None

    # --- what the screens show -------------------------------------------------------------------
    @property
    def screen(self) -> Screen:
        return SCREENS[type(self.state)]

    @property
    def voter_id(self) -> VoterId | None:
        return None if isinstance(self.state, Welcome | CodeEntry) else self.state.voter_id

    @property
    def session_id(self) -> SessionId | None:
        return self.state.session_id if isinstance(self.state, InSession | CastDone) else None

    @property
    def selections(self) -> dict[str, tuple[str, ...]]:
        return dict(self.state.selections) if isinstance(self.state, InSession) else {}

    @property
    def question_index(self) -> int:
        if isinstance(self.state, Answering):
            return self.state.question_index
        return len(self.session.questions) - 1 if self.session_id else 0

    @property
    def back_to_review(self) -> bool:
        return isinstance(self.state, Answering) and self.state.back_to_review

    @property
    def refusal(self) -> CodeRefused | None:
        return self.state.refusal if isinstance(self.state, CodeEntry) else None

    @property
    def receipt(self) -> CastReceipt | None:
        return self.state.receipt if isinstance(self.state, CastDone) else None

    @property
    def print_status(self) -> PrintOutcome | None:
        return self.state.print_outcome if isinstance(self.state, CastDone | CheckDone | SealFailed) else None

    @property
    def sealed_code(self) -> str:
        """The code printed at Seal, shown while she chooses Cast or Check (and after a check)."""
        if isinstance(self.state, Sealed):
            return self.state.code
        return self.state.receipt.tracking_code if isinstance(self.state, CheckDone) else ""

    @property
    def check_receipt(self) -> CheckReceipt | None:
        return self.state.receipt if isinstance(self.state, CheckDone) else None

    @property
    def checks_left(self) -> int:
        """How many more ballots she may check in this visit of the session."""
        checks = getattr(self.state, "checks", 0)
        return max(0, MAX_CHECKS - checks) if isinstance(self.state, InSession) else 0

    @property
    def cast_error(self) -> str:
        """Why the cast failed, for the screen: a CastRefusal's value, or "storage"."""
        if not isinstance(self.state, CastFailed):
            return ""
        return self.state.refusal.value if self.state.refusal else "storage"

    @property
    def polls_open(self) -> bool:
        """Whether a voter may start now; Welcome says so before anyone types a code."""
        return accepts_votes(self.booth.state)

    # --- the voter's taps and the booth's answers ------------------------------------------------
    def touched(self) -> None:
        """Any tap or key: the voter is still there."""
        self.last_touch = self.clock()

    def start_code_entry(self) -> None:
        self.apply(StartCodeEntry())

    def enter_code(self, text: str) -> AuthOutcome:
        if not isinstance(self.state, CodeEntry):
            log.warning("walk: a code refused on %s", self.screen.value)
            raise WalkError(f"a code was entered on {self.screen}")
        return self.authenticated(self.booth.authenticate_code(text))

    def authenticated(self, outcome: AuthOutcome) -> AuthOutcome:
        """The outcome of a code or a card; a card may be read on Welcome or on code entry."""
        if isinstance(outcome, Authenticated):
            self.apply(LoggedIn(outcome.voter_id))
        else:
            self.apply(LoginRefused(outcome))
        return outcome

    def sessions(self) -> list[VoterSession]:
        return self.booth.sessions_for(self.voter_id) if self.voter_id else []

    def open_session(self, session_id: SessionId) -> None:
        status = {s.session_id: s.status for s in self.sessions()}.get(session_id)
        self.apply(OpenSession(session_id, status))
        if isinstance(self.state, Answering):
            self.prepare(self.state.voter_id, session_id)

    def choose(self, choice_id: str) -> None:
        self.apply(Choose(choice_id))

    def continue_(self) -> None:
        self.apply(Continue())

    def back(self) -> None:
        self.apply(Back())

    def change(self, question_id: str) -> None:
        self.apply(Change(question_id))

    def submit(self) -> None:
        """Submit without a check (a booth without the trustees' key); an end-to-end booth seals."""
        if self.e2e:
            log.warning("walk: Submit refused on an end-to-end booth: the voter seals")
            raise WalkError("an end-to-end booth seals, then casts or checks")
        self.apply(Submit())

    def confirm(self) -> None:
        """Casts through the core in one transaction; only then does the voter see it recorded."""
        state = self.state
        if not isinstance(state, Confirming):
            self.apply(Cast(CastReceipt(SessionId(""), "")))  # refused and logged: no cast from here
            return
        try:
            receipt = self.booth.cast(state.voter_id, state.session_id, dict(state.selections))
        except (StorageError, CastRefused) as exc:
            log.warning("cast failed: %s", exc)
            self.apply(NotCast(exc.reason if isinstance(exc, CastRefused) else None))
            return
        self.last_receipt = receipt
        self.apply(Cast(receipt))
        self.apply(Printed(self.printer(receipt)))

    def done(self) -> None:
        self.apply(Done())

    def log_out(self) -> None:
        """Log out, time-out or card removed: back to Welcome, every unsubmitted selection forgotten."""
        self._forget_sealed()
        self.apply(LogOut())
        self.last_touch = self.clock()

    # --- answering -------------------------------------------------------------------------------
    @property
    def session(self) -> VotingSession:
        if self.session_id is None:
            raise WalkError("no session is open")
        return self.booth.election.session(self.session_id)

    @property
    def question(self) -> Question:
        if isinstance(self.state, Answering):
            return question_of(self.state, self.booth.election)
        return self.session.questions[self.question_index]

    def chosen(self) -> tuple[str, ...]:
        return self.selections.get(self.question.id, ())

    @property
    def at_maximum(self) -> bool:
        return len(self.chosen()) >= self.question.max_choices

    @property
    def can_continue(self) -> bool:
        return isinstance(self.state, Answering) and can_continue(self.state, self.booth.election)

    def review(self) -> list[ReviewItem]:
        return review_items(self.session, self.selections)

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

