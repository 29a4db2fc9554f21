"""The poll worker's events (kiosk.booth.worker_states): the poll worker's taps and the booth's
answers, each a frozen dataclass, what they carry (the screen to go to, a notice, a reprint's
outcome), and the refusal of an event the current state does not take."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.booth.addenda import AddendumPreview
from kiosk.booth.setup import SetupPreview
from kiosk.booth.worker_card import PinCheck, WorkerCard


class WorkerScreen(StrEnum):
    PIN = "pin"
    HOME = "home"
    SETUP = "setup"
    REISSUE = "reissue"
    CLOSE = "close"
    EXPORT = "export"
    AUDIT = "audit"
    ADDENDUM = "addendum"


class Problem(StrEnum):
    """What went wrong, said to the poll worker in their language, with its reason after it."""

    NOT_REGISTERED = "not_registered"
    PACKAGE_REFUSED = "package_refused"
    POLLS_REFUSED = "polls_refused"
    EXPORT_FAILED = "export_failed"
    AUDIT_FAILED = "audit_failed"
    SLIP_FAILED = "slip_failed"
    ADDENDUM_REFUSED = "addendum_refused"


class Reprint(StrEnum):
    PRINTED = "printed"
    FAILED = "failed"
    ALREADY = "already"  # each receipt may be reprinted once
    NONE = "none"  # no vote cast at this booth since it started


@dataclass(frozen=True)
class Notice:
    """A refusal or failure on the current screen: the problem and its typed reason (a value of
    SetupRefusal, PollsRefusal, ExportRefusal or WriteStatus; "" when the problem says it all)."""

    problem: Problem
    reason: str = ""
    args: tuple[str, ...] = ()  # what the reason's text names (the booths of a stick for another)


# --- the events ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CardInserted:
    card: WorkerCard


@dataclass(frozen=True)
class PinChecked:
    result: PinCheck
    set_up: bool  # whether the booth holds an election package already


@dataclass(frozen=True)
class WorkerFound:
    worker: str  # the station found the card registered to this poll worker of this booth


@dataclass(frozen=True)
class NotRegistered:
    pass


@dataclass(frozen=True)
class Previewed:
    preview: SetupPreview


@dataclass(frozen=True)
class Go:
    screen: WorkerScreen


@dataclass(frozen=True)
class Failed:
    notice: Notice


@dataclass(frozen=True)
class Succeeded:
    """A change went through on the current screen: any earlier notice goes."""


@dataclass(frozen=True)
class Reprinted:
    outcome: Reprint


@dataclass(frozen=True)
class CodeReissued:
    code: str
    voter_name: str
    until: float


@dataclass(frozen=True)
class CodeHidden:
    slip_printed: bool  # printed as a sealed slip, or simply timed out


@dataclass(frozen=True)
class CloseAsked:
    pass


@dataclass(frozen=True)
class Closed:
    pass


@dataclass(frozen=True)
class CopyWritten:
    pass


@dataclass(frozen=True)
class AddendumShown:
    preview: AddendumPreview


@dataclass(frozen=True)
class AddendumAccepted:
    number: int


@dataclass(frozen=True)
class Leave:
    """Leaving poll-worker mode, idle too long, or the card removed."""


WorkerEvent = (
    CardInserted | PinChecked | WorkerFound | NotRegistered | Previewed | Go | Failed | Succeeded
    | Reprinted | CodeReissued | CodeHidden | CloseAsked | Closed | CopyWritten | Leave
    | AddendumShown | AddendumAccepted
)


@dataclass(frozen=True)
class Refused:
    why: str
