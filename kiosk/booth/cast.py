"""The cast: the encrypted ballot, the voter's mark and the audit event, in one commit or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection

from kiosk.ballot.amendments import Amended
from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox, StorageError, has_mark
from kiosk.ballot.encryption import encrypt_ballot, tracking_code
from kiosk.ballot.ids import CastId, SessionId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.selections import Selections, encode_ballot
from kiosk.booth.hall_cast import HallAnswer, HallCasts
from kiosk.booth.polls import accepts_votes
from kiosk.booth.polls_desk import ACTIVE, polls_state


class CastRefusal(StrEnum):
    """Why a cast was refused (nothing stored); the screen says it in the voter's language."""

    POLLS_NOT_OPEN = "polls_not_open"
    SESSION_NOT_OPEN = "session_not_open"
    NOT_ELIGIBLE = "not_eligible"
    ALREADY_VOTED = "already_voted"
    CAST_PENDING = "cast_pending"  # another booth of the hall is casting this voter's ballot now
    HALL_UNREACHABLE = "hall_unreachable"  # the hall holds the has-voted marks: go to another booth


# For the record and the help desk (the audit log, a developer's traceback), never for a screen.
REFUSAL_DETAIL: dict[CastRefusal, str] = {
    CastRefusal.POLLS_NOT_OPEN: "polls are not open",
    CastRefusal.SESSION_NOT_OPEN: "this voting session is not open",
    CastRefusal.NOT_ELIGIBLE: "this voter may not vote in this session",
    CastRefusal.ALREADY_VOTED: "a vote was already cast with this code in this session",
    CastRefusal.CAST_PENDING: "a vote with this code is being cast at another booth in this session",
    CastRefusal.HALL_UNREACHABLE: "the hall could not be reached; nothing was stored",
}


class CastRefused(ValueError):
    """The cast was refused and nothing was stored; reason says why, for the screen to translate."""

    def __init__(self, reason: CastRefusal) -> None:
        super().__init__(REFUSAL_DETAIL[reason])
        self.reason = reason


@dataclass(frozen=True)
class CastReceipt:
    session_id: SessionId
    tracking_code: str
    qr: str = ""  # an end-to-end receipt's signed link to the board (kiosk/ballot/e2e_receipt.py)


# The hall's answers that refuse a cast, as the voter is told them.
_HALL_REFUSALS = {
    HallAnswer.ALREADY_VOTED: CastRefusal.ALREADY_VOTED,
    HallAnswer.PENDING: CastRefusal.CAST_PENDING,
    HallAnswer.NOT_ELIGIBLE: CastRefusal.NOT_ELIGIBLE,
    HallAnswer.SESSION_CLOSED: CastRefusal.SESSION_NOT_OPEN,
}


class BallotCaster:
    def __init__(
        self,
        box: BallotBox,
        package: Callable[[], ElectionPackage],
        before_cast: Callable[[], None],
        amended: Callable[[], Amended],
        hall: HallCasts | None = None,
    ) -> None:
        self.box, self._package, self._before_cast, self._amended = box, package, before_cast, amended
        self.hall = hall  # in a hall, the has-voted mark is reserved there first (kiosk/booth/hall_cast.py)

    def cast(self, voter_id: VoterId, session_id: SessionId, selections: Selections) -> CastReceipt:
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
            with self.box.read() as c:  # the booth's own refusals before the hall is asked anything
                marked = check_allowed(self.box, c, amended, voter_id, session_id)
            cast_id = reserve_in_hall(self.hall, marked, session_id)
            try:
                with self.box.transaction() as c:
                    check_allowed(self.box, c, amended, voter_id, session_id)
                    self.box.store_ballot(c, session_id, marked, ciphertext, code)
                    if self.hall is not None and cast_id is not None:
                        self.hall.hold(c, cast_id, code)
            except (CastRefused, StorageError):
                if self.hall is not None and cast_id is not None:
                    self.hall.release(cast_id)  # nothing stored here: the hall's mark goes too
                raise
        except CastRefused as exc:
            self.box.log(Event.CAST_REFUSED, {"session": session_id, "reason": str(exc)})
            raise
        if self.hall is not None and cast_id is not None:
            self.hall.held(cast_id)
        return CastReceipt(session_id, code)


def reserve_in_hall(hall: HallCasts | None, marked: VoterId, session_id: SessionId) -> CastId | None:
    """The hall's reservation of the mark (None without a hall), or CastRefused."""
    if hall is None:
        return None
    cast_id, answer = hall.reserve(marked, session_id)
    if cast_id is None:
        raise CastRefused(_HALL_REFUSALS.get(answer, CastRefusal.HALL_UNREACHABLE))
    return cast_id


def check_allowed(
    box: BallotBox, c: Connection, amended: Amended, voter_id: VoterId, session_id: SessionId
) -> VoterId:
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
