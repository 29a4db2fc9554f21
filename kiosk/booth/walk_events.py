"""The events of the voter's walk (kiosk.booth.walk_states): the voter's taps and the booth's answers,
each a frozen dataclass, and the refusal of one the current state does not take."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ballot.ids import SessionId, VoterId
from kiosk.booth.cast import CastReceipt, CastRefusal
from kiosk.booth.e2e_cast import CheckReceipt
from kiosk.booth.voter_auth import CodeRefused
from kiosk.booth.voter_door import SessionStatus
from kiosk.booth.walk_outcomes import PrintOutcome


# --- the events ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StartCodeEntry:
    pass


@dataclass(frozen=True)
class LoggedIn:
    voter_id: VoterId


@dataclass(frozen=True)
class LoginRefused:
    refusal: CodeRefused


@dataclass(frozen=True)
class OpenSession:
    session_id: SessionId
    status: SessionStatus | None  # as the booth sees it for this voter (None: not theirs)


@dataclass(frozen=True)
class Choose:
    choice_id: str


@dataclass(frozen=True)
class Continue:
    pass


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Change:
    question_id: str


@dataclass(frozen=True)
class Submit:
    pass


@dataclass(frozen=True)
class Cast:
    receipt: CastReceipt


@dataclass(frozen=True)
class Seal:
    """The voter tapped Seal; the booth sealed the ballot and printed its code (or could not)."""

    code: str
    printed: PrintOutcome


@dataclass(frozen=True)
class Checked:
    """The booth opened the sealed ballot: stored as checked, never counted."""

    receipt: CheckReceipt


@dataclass(frozen=True)
class NotCast:
    refusal: CastRefusal | None  # None: the storage failed


@dataclass(frozen=True)
class Printed:
    outcome: PrintOutcome


@dataclass(frozen=True)
class Done:
    pass


@dataclass(frozen=True)
class LogOut:
    """Log out, time-out or card removed: every unsubmitted selection is forgotten."""


WalkEvent = (
    StartCodeEntry | LoggedIn | LoginRefused | OpenSession | Choose | Continue | Back | Change | Submit
    | Cast | NotCast | Printed | Done | LogOut | Seal | Checked
)


@dataclass(frozen=True)
class Refused:
    """An event the current state does not take: the screen offered what it should not have."""

    why: str
