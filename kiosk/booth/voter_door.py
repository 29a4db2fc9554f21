"""The voter's door: a voting code or a voter card lets a voter of this booth in, to the sessions
open to them; a poll worker can replace a lost code, and the old one stops at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.ballot.amendments import Amended
from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.codes import generate_code, hash_code
from kiosk.ballot.ids import SessionId, StationId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.booth.card_registry import registered_card
from kiosk.booth.code_lock import CodeLock
from kiosk.booth.hall_cast import HallTransport
from kiosk.booth.polls import accepts_votes
from kiosk.booth.polls_desk import PollsDesk
from kiosk.booth.voter_auth import Authenticated, AuthOutcome, CodeRefusal, CodeRefused, typed_code_problem
from kiosk.clock import Clock


class SessionStatus(StrEnum):
    OPEN = "open"  # active, and this voter has not voted in it
    VOTED = "voted"
    NOT_OPEN = "not_open"  # not active now (not open yet, or closed by the chair)


@dataclass(frozen=True)
class VoterSession:
    session_id: SessionId
    status: SessionStatus


class VoterDoor:
    def __init__(
        self,
        box: BallotBox,
        polls: PollsDesk,
        code_lock: CodeLock,
        clock: Clock,
        package: Callable[[], ElectionPackage],
        station_id: Callable[[], StationId],
        amended: Callable[[], Amended],
    ) -> None:
        self.box, self.polls, self.code_lock, self.clock = box, polls, code_lock, clock
        self._package, self._station_id, self._amended = package, station_id, amended
        self.hall: HallTransport | None = None  # in a hall, who voted where is asked there

    def authenticate_code(self, text: str) -> AuthOutcome:
        now = self.clock()
        if not accepts_votes(self.polls.state()):
            return CodeRefused(CodeRefusal.NOT_OPEN)
        lock = self.code_lock.state()
        if lock.locked_at(now):
            return CodeRefused(CodeRefusal.LOCKED, locked_seconds=lock.seconds_left(now))
        problem = typed_code_problem(text)
        if problem is not None:
            return self.code_lock.failed(problem, lock)
        voter_id = self.box.voter_with_code(hash_code(self._package().definition.id, text))
        if voter_id is None:
            return self.code_lock.failed(CodeRefused(CodeRefusal.UNKNOWN), lock)
        refused = self._still_to_vote(voter_id)
        if refused is not None:
            return refused
        self.code_lock.succeeded(lock)
        return Authenticated(voter_id)

    def authenticate_card(self, public_key: str) -> AuthOutcome:
        """Lets in the holder of a voter card whose signature of a fresh challenge the reader has
        checked against this registered key. The card's serial number or ATR never suffices."""
        if not accepts_votes(self.polls.state()):
            return CodeRefused(CodeRefusal.NOT_OPEN)
        package = self._package()
        card = registered_card(package, public_key, "voter")
        election = package.definition
        served = election.voters if self.hall is not None else election.voters_at(self._station_id())
        if card is None or card.holder not in {v.id for v in served} or card.holder in self._amended().struck:
            self.box.log(Event.CODE_REFUSED, {"reason": "unknown_card"})
            return CodeRefused(CodeRefusal.UNKNOWN)
        holder = VoterId(card.holder)  # a voter of the roll, checked just above
        refused = self._still_to_vote(holder)
        if refused is not None:
            return refused
        self.box.log(Event.VOTER_AUTHENTICATED, {"method": "card"})
        return Authenticated(holder)

    def _still_to_vote(self, voter_id: VoterId) -> CodeRefused | None:
        """None when the voter may go in; the refusal (logged) when not, or when the hall is gone."""
        voted = self._voted_of(voter_id)
        if voted is None:
            self.box.log(Event.CODE_REFUSED, {"reason": CodeRefusal.HALL_UNREACHABLE.value})
            return CodeRefused(CodeRefusal.HALL_UNREACHABLE)
        sessions = self._sessions(voter_id, voted)
        if not sessions and self._is_adviser_without_delegation(voter_id):
            self.box.log(Event.CODE_REFUSED, {"reason": CodeRefusal.NO_DELEGATION.value})
            return CodeRefused(CodeRefusal.NO_DELEGATION)
        if all(s.status is SessionStatus.VOTED for s in sessions):
            self.box.log(Event.CODE_REFUSED, {"reason": CodeRefusal.USED.value})
            return CodeRefused(CodeRefusal.USED)
        return None

    def _is_adviser_without_delegation(self, voter_id: VoterId) -> bool:
        """An adviser votes only in a delegate's place: with no session of their own and no delegation
        in force, they have nothing to vote in, which is not the same as having voted."""
        amended = self._amended()
        return voter_id not in amended.struck and not amended.definition.voter(voter_id).sessions

    def _voted(self, voter_id: VoterId) -> set[str] | None:
        """Where this voter voted: here, and in a hall at any booth (None: the hall is unreachable)."""
        here = self.box.voted_sessions(voter_id)
        if self.hall is None:
            return here
        there = self.hall.voted(voter_id)
        return None if there is None else here | there

    def sessions_for(self, voter_id: VoterId) -> list[VoterSession]:
        return self._sessions(voter_id, self._voted_of(voter_id) or {})

    def _voted_of(self, voter_id: VoterId) -> dict[str, set[str]] | None:
        """Where each voter whose mark this voter's casts set (theirs, or a delegate's) voted;
        None when the hall is unreachable."""
        amended = self._amended()
        marked = {amended.acting_for(voter_id, s) or voter_id for s in amended.sessions_of(voter_id)}
        found = {m: self._voted(m) for m in marked}
        if any(v is None for v in found.values()):
            return None
        return {m: v for m, v in found.items() if v is not None}

    def _sessions(self, voter_id: VoterId, voted: dict[str, set[str]]) -> list[VoterSession]:
        amended = self._amended()
        active = set(self.polls.active_sessions())
        result = []
        for session_id in amended.sessions_of(voter_id):
            # an adviser's vote for a delegate is the delegate's: the delegate's mark says it is cast
            marked = amended.acting_for(voter_id, session_id) or voter_id
            here = voted[marked] if marked in voted else self.box.voted_sessions(marked)  # hall unreachable
            if session_id in here:
                status = SessionStatus.VOTED
            else:
                status = SessionStatus.OPEN if session_id in active else SessionStatus.NOT_OPEN
            result.append(VoterSession(session_id, status))
        return result

    def reissue_code(self, voter_id: VoterId, by: str) -> str:
        """A new code for a voter of this booth; the old one stops working in the same commit."""
        election = self._package().definition
        voter = election.voter(voter_id)
        if voter.station != self._station_id():
            raise ValueError(f"{voter.name} does not vote at this booth")
        code = generate_code()
        with self.box.transaction() as c:
            self.box.replace_credential(c, voter_id, hash_code(election.id, code))
            self.box.append_audit(c, Event.CODE_REISSUED, {"voter": voter_id, "by": by})
        return code
