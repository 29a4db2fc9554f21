"""What the voter's walk needs from outside: the booth's services (a port the station fits), the
printer when none is attached, and the inactivity limits the booth config sets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.e2e_seal import PreparedBallot
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.selections import Selections
from kiosk.ballot.values import Mode
from kiosk.booth.cast import CastReceipt
from kiosk.booth.e2e_cast import CheckReceipt, SealedBallot
from kiosk.booth.polls import PollsState
from kiosk.booth.voter_auth import AuthOutcome
from kiosk.booth.voter_door import VoterSession
from kiosk.booth.walk_outcomes import PrintOutcome
from kiosk.booth.walk_seal import Printout
from kiosk.config import INACTIVITY_COUNTDOWN_SECONDS, INACTIVITY_WARNING_SECONDS


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

    def sessions_for(self, voter_id: VoterId) -> list[VoterSession]: ...

    def cast(self, voter_id: VoterId, session_id: SessionId, selections: Selections) -> CastReceipt: ...

    @property
    def e2e(self) -> bool:
        """Whether the booth seals end-to-end ballots (then: prepare, seal, cast or check)."""

    def prepare_ballot(self, voter_id: VoterId, session_id: SessionId) -> PreparedBallot: ...

    def seal(self, prepared: PreparedBallot, voter_id: VoterId, selections: Selections) -> SealedBallot: ...

    def cast_sealed(self, sealed: SealedBallot) -> CastReceipt: ...

    def check_sealed(self, sealed: SealedBallot) -> CheckReceipt: ...

    def abandon_sealed(self, session_id: SessionId) -> None: ...


def no_printer(_printout: Printout) -> PrintOutcome:
    return PrintOutcome.NO_PRINTER


@dataclass(frozen=True)
class Timing:
    """Inactivity limits; the booth config sets them (see kiosk.config for the guidelines' ranges)."""

    warning_seconds: float = INACTIVITY_WARNING_SECONDS
    countdown_seconds: float = INACTIVITY_COUNTDOWN_SECONDS


DEFAULT_TIMING = Timing()  # frozen: one instance serves every walk that keeps the guidelines' limits
