"""What the poll worker's screens show of the flow's state: each value read off the one state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.ballot.times import iso
from kiosk.booth.polls import PollsState
from kiosk.booth.setup import SetupPreview
from kiosk.booth.station import Station
from kiosk.booth.walk_outcomes import PrintOutcome
from kiosk.booth.worker_card import PinCheck
from kiosk.booth.worker_states import (
    SCREENS,
    Away,
    Closing,
    Exporting,
    Home,
    LoggedIn,
    Notice,
    PinEntry,
    Problem,
    Reissuing,
    Reprint,
    SettingUp,
    WorkerScreen,
    WorkerState,
)


@dataclass(frozen=True)
class PrintedReport:
    """The last zero or closing report: kept across screens until the poll worker leaves."""

    lines: list[str]
    outcome: PrintOutcome


AUDIT_SHOWN = 15  # recent events that fit one screen


class WorkerView:
    station: Station
    state: WorkerState
    last_report: PrintedReport | None
    clock: Callable[[], float]

    # --- what the screens show -------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return not isinstance(self.state, Away)

    @property
    def screen(self) -> WorkerScreen:
        return SCREENS[type(self.state)]

    @property
    def worker(self) -> str | None:
        return self.state.worker if isinstance(self.state, LoggedIn) else None

    @property
    def pin_result(self) -> PinCheck | None:
        return self.state.pin_result if isinstance(self.state, PinEntry) else None

    @property
    def notice(self) -> Notice | None:
        return None if isinstance(self.state, Away) else self.state.notice

    @property
    def problem(self) -> Problem | None:
        return self.notice.problem if self.notice else None

    @property
    def reason(self) -> str:
        """The problem's typed reason, for the screen to translate ("" when there is none)."""
        return self.notice.reason if self.notice else ""

    @property
    def reason_args(self) -> list[str]:
        return list(self.notice.args) if self.notice else []

    @property
    def preview(self) -> SetupPreview | None:
        return self.state.preview if isinstance(self.state, SettingUp) else None

    @property
    def report(self) -> list[str]:
        return self.last_report.lines if self.last_report else []

    @property
    def report_status(self) -> PrintOutcome | None:
        return self.last_report.outcome if self.last_report else None

    @property
    def reprint(self) -> Reprint | None:
        return self.state.reprint if isinstance(self.state, Home) else None

    @property
    def close_confirmations(self) -> int:
        return self.state.confirmations if isinstance(self.state, Closing) else 0

    @property
    def copies_written(self) -> int:
        return self.state.copies_written if isinstance(self.state, Exporting) else 0

    @property
    def shown_code(self) -> str:
        return self.state.shown_code if isinstance(self.state, Reissuing) else ""

    @property
    def shown_for(self) -> str:
        return self.state.shown_for if isinstance(self.state, Reissuing) else ""

    @property
    def slip_printed(self) -> bool:
        return isinstance(self.state, Reissuing) and self.state.slip_printed

    @property
    def polls(self) -> PollsState:
        return self.station.state

    def find_voters(self, text: str) -> list[tuple[str, str]]:
        needle = text.strip().lower()
        voters = self.station.election.voters_at(self.station.station_id)
        return [(v.id, v.name) for v in voters
                if needle and (needle in v.name.lower() or needle == v.id.lower())]

    def code_seconds_left(self) -> int:
        state = self.state
        if not isinstance(state, Reissuing) or not state.shown_code:
            return 0
        return max(0, int(state.code_until - self.clock() + 0.999))

    def audit(self) -> list[tuple[str, str, str]]:
        entries = self.station.box.audit_entries()[-AUDIT_SHOWN:]
        return [(iso(e.time), e.event, ", ".join(f"{k}={v}" for k, v in e.data.items()))
                for e in reversed(entries)]
