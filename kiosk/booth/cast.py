"""The cast: the encrypted ballot, the voter's mark and the audit event, in one commit or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection

from kiosk.ballot.amendments import Amended
from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox, has_mark
from kiosk.ballot.encryption import encrypt_ballot, tracking_code
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.selections import Selections, encode_ballot
from kiosk.booth.polls import accepts_votes
from kiosk.booth.polls_desk import ACTIVE, polls_state


class CastRefusal(StrEnum):
    """Why a cast was refused (nothing stored); the screen says it in the voter's language."""

    POLLS_NOT_OPEN = "polls_not_open"
    SESSION_NOT_OPEN = "session_not_open"
    NOT_ELIGIBLE = "not_eligible"
    ALREADY_VOTED = "already_voted"


# For the record and the help desk (the audit log, a developer's traceback), never for a screen.
REFUSAL_DETAIL: dict[CastRefusal, str] = {
    CastRefusal.POLLS_NOT_OPEN: "polls are not open",
    CastRefusal.SESSION_NOT_OPEN: "this voting session is not open",
    CastRefusal.NOT_ELIGIBLE: "this voter may not vote in this session",
    CastRefusal.ALREADY_VOTED: "a vote was already cast with this code in this session",
}


class CastRefused(ValueError):
    """The cast was refused and nothing was stored; reason says why, for the screen to translate."""

    def __init__(self, reason: CastRefusal) -> None:
        super().__init__(REFUSAL_DETAIL[reason])
        self.reason = reason


@dataclass(frozen=True)
class CastReceipt:
    session_id: str
    tracking_code: str
    qr: str = ""  # an end-to-end receipt's signed link to the board (kiosk/ballot/e2e_receipt.py)


class BallotCaster:
    def __init__(
        self,
        box: BallotBox,
        package: Callable[[], ElectionPackage],
        before_cast: Callable[[], None],
        amended: Callable[[], Amended],
    ) -> None:
        self.box, self._package, self._before_cast, self._amended = box, package, before_cast, amended

    def cast(self, voter_id: str, session_id: str, selections: Selections) -> CastReceipt:
        """Encrypts and stores the ballot with the voter's mark and the audit event, in one commit.

        Raises CastRefused (nothing stored, the reason for the voter), StorageError (nothing stored,
        the storage failed), or SelectionError for selections that do not fit (a programming error).
        """
        self._before_cast()
        package = self._package()
        election = package.definition
        session = election.session(session_id)
        amended = self._amended()
        # A record vote's ballot names the adviser who cast it; the mark is the delegate's.
        plaintext = encode_ballot(election, session, selections, voter_id)
        ciphertext = encrypt_ballot(package.body.election_public_key, election.id, session_id, plaintext)
        code = tracking_code(ciphertext)
        try:
            with self.box.transaction() as c:
                marked = check_allowed(self.box, c, amended, voter_id, session_id)
                self.box.store_ballot(c, session_id, marked, ciphertext, code)
        except CastRefused as exc:
            self.box.log(Event.CAST_REFUSED, {"session": session_id, "reason": str(exc)})
            raise
        return CastReceipt(session_id, code)


def check_allowed(box: BallotBox, c: Connection, amended: Amended, voter_id: str, session_id: str) -> str:
    """Inside the cast's transaction: polls open, session active, the voter's, not yet voted.

    Returns whose mark the cast sets: an adviser voting for a delegate marks the delegate (whose
    vote it is); a delegate whose vote was delegated away, or a voter struck off, is not eligible."""
    marked = amended.acting_for(voter_id, session_id) or voter_id
    if not accepts_votes(polls_state(box, c)):
        raise CastRefused(CastRefusal.POLLS_NOT_OPEN)
    if session_id not in box.get_setting(c, ACTIVE, []):
        raise CastRefused(CastRefusal.SESSION_NOT_OPEN)
    if session_id not in amended.sessions_of(voter_id):
        raise CastRefused(CastRefusal.NOT_ELIGIBLE)
    if has_mark(c, marked, session_id):
        raise CastRefused(CastRefusal.ALREADY_VOTED)
    return marked
