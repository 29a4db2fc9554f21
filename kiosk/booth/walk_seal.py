"""The walk's end-to-end steps: prepare while she chooses, Seal (code printed first), then Cast or Check.

The prepared and the sealed ballot hold the secret nonce: they are kept here, in memory, never in a
walk state (states are logged and rendered). Every move still goes through the walk's one `apply`.
The order is the promise: the code is on paper before the booth asks anything, so a booth cannot
decide what to encrypt after learning whether the voter will check.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.e2e_seal import PreparedBallot
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.booth.cast import CastReceipt, CastRefused
from kiosk.booth.e2e_cast import CheckReceipt, SealedBallot, SealedCode
from kiosk.booth.polls import TransitionRefused
from kiosk.booth.walk_events import Cast, Checked, NotCast, Printed, Refused, Seal, WalkEvent
from kiosk.booth.walk_outcomes import PrintOutcome
from kiosk.booth.walk_states import CastFailed, Reviewing, Sealed, WalkState, step

if TYPE_CHECKING:
    from kiosk.booth.walk_ports import Booth

log = logging.getLogger("kiosk.booth.walk")

Printout = CastReceipt | SealedCode | CheckReceipt
ReceiptPrinter = Callable[[Printout], PrintOutcome]


class WalkError(RuntimeError):
    """An event that cannot happen on the current screen: the UI offered what it should not have."""


class SealingSteps:
    """Mixed into kiosk.booth.walk.Walk: its booth, printer, state and apply."""

    booth: Booth
    printer: ReceiptPrinter
    state: WalkState
    _prepared: PreparedBallot | None = None
    _sealed: SealedBallot | None = None

    def apply(self, event: WalkEvent) -> None: ...

    @property
    def e2e(self) -> bool:
        """Whether the voter seals, then casts or checks (the package carries the trustees' key)."""
        try:
            return self.booth.e2e
        except TransitionRefused:  # not set up yet: no voter is in a session
            return False

    def _allowed(self, event: WalkEvent) -> None:
        """Refuses (logged, WalkError) an event the state does not take, before any side effect."""
        if not self.e2e:
            log.warning("walk: %s refused: this booth seals no end-to-end ballots", type(event).__name__)
            raise WalkError("this booth seals no end-to-end ballots")
        if isinstance(step(self.state, event, self.booth.election), Refused):
            self.apply(event)  # logs the refusal and raises WalkError

    def prepare(self, voter_id: VoterId, session_id: SessionId) -> None:
        """Her next ballot's exponentiations, done before she chooses."""
        if self.e2e:
            self._prepared = self.booth.prepare_ballot(voter_id, session_id)

    def seal(self) -> None:
        """The code prints before anything is asked; no code on paper, no ballot (it is forgotten)."""
        state = self.state
        self._allowed(Seal("", PrintOutcome.PRINTED))
        assert isinstance(state, Reviewing | CastFailed)
        prepared = self._prepared or self.booth.prepare_ballot(state.voter_id, state.session_id)
        self._prepared = None
        sealed = self.booth.seal(prepared, state.voter_id, dict(state.selections))
        printed = self.printer(SealedCode(state.session_id, sealed.short_code))
        if printed is PrintOutcome.PRINTED:
            self._sealed = sealed
        else:
            log.warning("walk: the code did not print (%s); the sealed ballot is forgotten", printed.value)
            self.booth.abandon_sealed(state.session_id)
            self.prepare(state.voter_id, state.session_id)
        self.apply(Seal(sealed.short_code, printed))

    def cast_sealed(self) -> None:
        """Cast: one transaction on the booth, then the receipt with its signed QR."""
        self._allowed(Cast(CastReceipt(SessionId(""), "")))
        state, sealed = self.state, self._sealed
        assert isinstance(state, Sealed) and sealed is not None
        try:
            receipt = self.booth.cast_sealed(sealed)
        except (StorageError, CastRefused) as exc:
            log.warning("cast failed: %s", exc)
            self._forget_sealed()
            self.apply(NotCast(exc.reason if isinstance(exc, CastRefused) else None))
            return
        self._sealed = None
        self.last_receipt = receipt
        self.apply(Cast(receipt))
        self.apply(Printed(self.printer(receipt)))

    def check_sealed(self) -> None:
        """Check: the ballot is opened and stored apart (never counted); she votes again."""
        self._allowed(Checked(CheckReceipt(SessionId(""), "", {}, "")))
        state, sealed = self.state, self._sealed
        assert isinstance(state, Sealed) and sealed is not None
        try:
            slip = self.booth.check_sealed(sealed)
        except (StorageError, CastRefused) as exc:
            log.warning("check failed: %s", exc)
            self._forget_sealed()
            self.apply(NotCast(exc.reason if isinstance(exc, CastRefused) else None))
            return
        self._sealed = None
        self.apply(Checked(slip))
        self.apply(Printed(self.printer(slip)))
        self.prepare(state.voter_id, state.session_id)  # a new nonce, while she reads the slip

    def _forget_sealed(self) -> None:
        """Log-out, time-out or a failed cast: a sealed ballot neither cast nor checked is abandoned."""
        if self._sealed is not None:
            self.booth.abandon_sealed(self._sealed.session_id)
        self._sealed = self._prepared = None

    last_receipt: CastReceipt | None
