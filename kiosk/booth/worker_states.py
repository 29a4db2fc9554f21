"""Poll-worker mode as a closed state machine: each state holds only its own data, and one pure
function, step, decides the next state from the current one and an event, or refuses it.

The poll worker's flow (kiosk.booth.worker_flow) does what an event needs of the station, the card
and the printer, feeds the outcome in here, and logs every transition and refusal from one place.
The events, and what they carry, are kiosk.booth.worker_events; their names stay importable here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import assert_never

from kiosk.booth.addenda import AddendumPreview
from kiosk.booth.setup import SetupPreview
from kiosk.booth.worker_card import PinCheck, PinStatus, WorkerCard
from kiosk.booth.worker_events import (
    AddendumAccepted,
    AddendumShown,
    CardInserted,
    CloseAsked,
    Closed,
    CodeHidden,
    CodeReissued,
    CopyWritten,
    Failed,
    Go,
    Leave,
    Notice,
    NotRegistered,
    PinChecked,
    Previewed,
    Problem,
    Refused,
    Reprint,
    Reprinted,
    Succeeded,
    WorkerEvent,
    WorkerFound,
    WorkerScreen,
)

__all__ = [
    "FROM_HOME",
    "SCREENS",
    "AddendumAccepted",
    "AddendumShown",
    "Amending",
    "Auditing",
    "Away",
    "CardInserted",
    "CloseAsked",
    "Closed",
    "Closing",
    "CodeHidden",
    "CodeReissued",
    "CopyWritten",
    "Exporting",
    "Failed",
    "Go",
    "Home",
    "Leave",
    "LoggedIn",
    "NotRegistered",
    "Notice",
    "PinChecked",
    "PinEntry",
    "Previewed",
    "Problem",
    "Refused",
    "Reissuing",
    "Reprint",
    "Reprinted",
    "SettingUp",
    "Succeeded",
    "WorkerEvent",
    "WorkerFound",
    "WorkerScreen",
    "WorkerState",
    "describe",
    "step",
]


# --- the states ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Away:
    """No poll-worker card: the voters' screens are shown."""


@dataclass(frozen=True)
class PinEntry:
    card: WorkerCard
    pin_result: PinCheck | None = None
    notice: Notice | None = None


@dataclass(frozen=True)
class SettingUp:
    """PIN checked on a booth not set up yet: the package that lists the cards comes first."""

    card: WorkerCard
    public_key: str
    preview: SetupPreview | None = None
    notice: Notice | None = None


@dataclass(frozen=True)
class Home:
    worker: str
    reprint: Reprint | None = None
    notice: Notice | None = None


@dataclass(frozen=True)
class Reissuing:
    worker: str
    shown_code: str = ""
    shown_for: str = ""
    code_until: float = 0.0  # on the flow's monotonic clock
    slip_printed: bool = False
    notice: Notice | None = None


@dataclass(frozen=True)
class Closing:
    worker: str
    confirmations: int = 0
    notice: Notice | None = None


@dataclass(frozen=True)
class Exporting:
    worker: str
    copies_written: int = 0
    notice: Notice | None = None


@dataclass(frozen=True)
class Auditing:
    worker: str
    notice: Notice | None = None


@dataclass(frozen=True)
class Amending:
    """An addendum read off the stick and shown, waiting for the poll worker to accept it."""

    worker: str
    preview: AddendumPreview | None = None
    accepted: int = 0  # the number of the last addendum accepted on this screen (0: none yet)
    notice: Notice | None = None


WorkerState = Away | PinEntry | SettingUp | Home | Reissuing | Closing | Exporting | Auditing | Amending
LoggedIn = Home | Reissuing | Closing | Exporting | Auditing | Amending

SCREENS: dict[type[WorkerState], WorkerScreen] = {
    Away: WorkerScreen.PIN, PinEntry: WorkerScreen.PIN, SettingUp: WorkerScreen.SETUP,
    Home: WorkerScreen.HOME, Reissuing: WorkerScreen.REISSUE, Closing: WorkerScreen.CLOSE,
    Exporting: WorkerScreen.EXPORT, Auditing: WorkerScreen.AUDIT, Amending: WorkerScreen.ADDENDUM,
}
# Where the home screen leads; every other screen leads back home.
FROM_HOME: dict[WorkerScreen, type[LoggedIn]] = {
    WorkerScreen.REISSUE: Reissuing, WorkerScreen.CLOSE: Closing, WorkerScreen.EXPORT: Exporting,
    WorkerScreen.AUDIT: Auditing, WorkerScreen.ADDENDUM: Amending,
}


# --- the machine -----------------------------------------------------------------------------------
def step(state: WorkerState, event: WorkerEvent) -> WorkerState | Refused:
    """The state after the event, or why the event is refused in this state."""
    match event:
        case CardInserted(card):
            return PinEntry(card)
        case Leave():
            return Away()
        case PinChecked(result, set_up) if isinstance(state, PinEntry):
            if result.status is not PinStatus.OK:
                return PinEntry(state.card, result)
            return replace(state, pin_result=result) if set_up else SettingUp(state.card, result.public_key)
        case WorkerFound(worker) if isinstance(state, PinEntry | SettingUp):
            return Home(worker)
        case NotRegistered() if isinstance(state, PinEntry | SettingUp):
            return PinEntry(state.card, PinCheck(PinStatus.BLOCKED), Notice(Problem.NOT_REGISTERED))
        case Previewed(preview) if isinstance(state, SettingUp):
            return replace(state, preview=preview, notice=None)
        case Go(screen) if isinstance(state, Home) and screen in FROM_HOME:
            return FROM_HOME[screen](state.worker)
        case Go(WorkerScreen.HOME) if isinstance(state, LoggedIn):
            return Home(state.worker)
        case AddendumShown(preview) if isinstance(state, Amending):
            return Amending(state.worker, preview, state.accepted)
        case AddendumAccepted(number) if isinstance(state, Amending) and state.preview is not None:
            return Amending(state.worker, accepted=number)
        case Failed(notice) if isinstance(state, SettingUp | LoggedIn):
            if isinstance(state, Amending):  # what was shown, or accepted, is no longer the news
                return Amending(state.worker, notice=notice)
            if isinstance(state, SettingUp):  # what was shown is no longer what is offered
                return replace(state, preview=None, notice=notice)
            return replace(state, notice=notice)
        case Succeeded() if isinstance(state, SettingUp | LoggedIn):
            return replace(state, notice=None)
        case Reprinted(outcome) if isinstance(state, Home):
            return replace(state, reprint=outcome)
        case CodeReissued(code, name, until) if isinstance(state, Reissuing):
            return Reissuing(state.worker, code, name, until)
        case CodeHidden(printed) if isinstance(state, Reissuing) and state.shown_code:
            return Reissuing(state.worker, slip_printed=printed)
        case CloseAsked() if isinstance(state, Closing):
            return replace(state, confirmations=state.confirmations + 1)
        case Closed() if isinstance(state, Closing):
            return Exporting(state.worker)
        case CopyWritten() if isinstance(state, Exporting):
            return Exporting(state.worker, state.copies_written + 1)
        case (
            PinChecked() | WorkerFound() | NotRegistered() | Previewed() | Go() | Failed() | Succeeded()
            | Reprinted() | CodeReissued() | CodeHidden() | CloseAsked() | Closed() | CopyWritten()
            | AddendumShown() | AddendumAccepted()
        ):
            return Refused(f"{type(event).__name__} cannot happen on {describe(state)}")
        case _:
            assert_never(event)


def describe(state: WorkerState) -> str:
    return "no card" if isinstance(state, Away) else SCREENS[type(state)].value
