"""The tour's end-to-end screens: Seal, Cast or Check, a checked ballot, a code that did not print.

The stand-in booth seals real ballots to a tour-only key (its secret is a constant: nothing the tour
encrypts is secret), so the screens, the slips and their QR codes are exactly what a voter gets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.crypto.group import GENERATOR, Scalar
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.e2e_ballot import ElectionKey, new_ballot_nonce
from kiosk.ballot.e2e_layout import context_for, plaintext_bytes, plaintext_vector
from kiosk.ballot.e2e_receipt import CastSlip, CheckedSlip, cast_link, checked_link
from kiosk.ballot.e2e_seal import PreparedBallot, prepare_ballot, seal_ballot
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.selections import Selections
from kiosk.booth.e2e_cast import CheckReceipt, SealedBallot
from kiosk.booth.station import CastReceipt, SessionStatus
from kiosk.booth.walk import PrintOutcome, ReceiptPrinter

if TYPE_CHECKING:
    from kiosk.ui.app import BoothUi

# A key for the tour's pictures only: its secret is this constant, so nothing sealed with it is secret.
TOUR_KEY = ElectionKey(Digest(hashlib.sha256(b"isoloir tour only").digest()), GENERATOR ** Scalar(7))
NO_SIGNATURE = bytes(64)  # the tour booth has no key; a real slip carries the booth's signature


class TourSealing:
    """The stand-in booth's end-to-end half (kiosk/ui/tour.py's TourBooth)."""

    election: ElectionDefinition
    voted: set[str]
    storage_fails: bool
    e2e: bool = False  # the tour turns it on for the end-to-end screens
    paper_out: bool = False

    def prepare_ballot(self, voter_id: VoterId, session_id: SessionId) -> PreparedBallot:
        session = self.election.session(session_id)
        context = context_for(self.election, session, self.election.stations[0].id, voter_id)
        return prepare_ballot(TOUR_KEY, session, context, new_ballot_nonce())

    def seal(self, prepared: PreparedBallot, voter_id: VoterId, selections: Selections) -> SealedBallot:
        ballot = seal_ballot(prepared, selections)
        chosen = {q: tuple(c) for q, c in selections.items()}
        return SealedBallot(voter_id, prepared.session.id, chosen, ballot, prepared.ballot_nonce)

    def cast_sealed(self, sealed: SealedBallot) -> CastReceipt:
        if self.storage_fails:
            raise StorageError("the tour's storage is full")
        self.voted.add(sealed.session_id)
        slip = CastSlip(sealed.session_id, sealed.ballot.context.station, sealed.ballot.code, NO_SIGNATURE)
        return CastReceipt(sealed.session_id, sealed.short_code,
                           cast_link(self.election.verify_url, sealed.short_code, slip))  # fmt: skip

    def check_sealed(self, sealed: SealedBallot) -> CheckReceipt:
        session = self.election.session(sealed.session_id)
        plaintext = plaintext_bytes(plaintext_vector(session, sealed.selections))
        c = sealed.ballot.context
        slip = CheckedSlip(c.session, c.station, c.group, c.weight, c.voter, sealed.ballot.code,
                           sealed.nonce, plaintext, NO_SIGNATURE)  # fmt: skip
        choices = {q.id: sealed.selections.get(q.id, ()) for q in session.questions}
        return CheckReceipt(sealed.session_id, sealed.short_code, choices,
                            checked_link(self.election.verify_url, slip))  # fmt: skip

    def abandon_sealed(self, session_id: str) -> None:
        pass


def tour_printer(booth: TourSealing, printer: ReceiptPrinter) -> ReceiptPrinter:
    """The tour's printer, which runs out of paper when the tour wants the seal-failed screen."""
    return lambda printout: PrintOutcome.PAPER_OUT if booth.paper_out else printer(printout)


def walk_e2e_screens(ui: BoothUi, booth: TourSealing) -> Iterator[str]:
    """From an open session to its review, then Seal, Check, vote again, a failed Seal, Seal and Cast."""
    walk = ui.walk.walk
    booth.e2e = True
    opened = [s for s in walk.sessions() if s.status is SessionStatus.OPEN]
    if not opened:
        return
    ui.walk.openSession(opened[0].session_id)
    for question in walk.session.questions:
        if not walk.can_continue:
            ui.walk.choose(question.choices[0])
        ui.walk.next()
    yield "30-review-seal"
    ui.walk.seal()
    yield "31-cast-or-check"
    ui.walk.checkSealed()
    yield "32-check-done"
    ui.walk.next()
    booth.paper_out = True
    ui.walk.seal()
    yield "33-seal-failed"
    booth.paper_out = False
    ui.walk.back()
    ui.walk.seal()
    ui.walk.castSealed()
    yield "34-e2e-cast-done"
    booth.e2e = False
