"""The poll worker reissues a voter's code: shown for a while, or printed as a sealed slip, for
WorkerFlow (which provides the station, the state, the printers, the clock and apply)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.ballot.codes import format_code
from kiosk.ballot.ids import VoterId
from kiosk.booth.station import Station
from kiosk.booth.walk_outcomes import PrintOutcome
from kiosk.booth.worker_states import (
    CodeHidden,
    CodeReissued,
    Failed,
    Notice,
    Problem,
    Reissuing,
    WorkerEvent,
    WorkerState,
)
from kiosk.devices.printer import CodeSlip, Printable

# A reissued code shown on the screen disappears after this long (the design's 120 s), so it cannot
# be read over a shoulder later.
CODE_SHOWN_SECONDS = 120


class WorkerReissue:
    station: Station
    state: WorkerState
    printer: Callable[[Printable], PrintOutcome]
    clock: Callable[[], float]
    apply: Callable[[WorkerEvent], bool]
    _at: Callable[..., bool]

    if TYPE_CHECKING:  # WorkerView's, ahead of this class in WorkerFlow's bases

        @property
        def worker(self) -> str | None: ...

    def reissue(self, voter_id: VoterId) -> None:
        if not self._at(Reissuing, tap="a reissue"):
            return
        assert self.worker is not None
        code = self.station.reissue_code(voter_id, self.worker)
        name = self.station.election.voter(voter_id).name
        self.apply(CodeReissued(code, name, self.clock() + CODE_SHOWN_SECONDS))

    def print_slip(self) -> None:
        """Prints the reissued code as a sealed slip for the voter, and takes it off the screen."""
        state = self.state
        if not isinstance(state, Reissuing) or not state.shown_code:
            self._at(Reissuing, tap="a slip without a code")
            return
        election = self.station.election
        slip = CodeSlip(election.title[election.languages[0]], self.station.station_id, state.shown_for,
                        format_code(state.shown_code), test_mode=self.station.mode == "test")
        if self.printer(slip) is PrintOutcome.PRINTED:
            self.apply(CodeHidden(slip_printed=True))
        else:
            self.apply(Failed(Notice(Problem.SLIP_FAILED)))

    def tick(self) -> bool:
        """Hides a reissued code when its time is up; True when something changed."""
        state = self.state
        if isinstance(state, Reissuing) and state.shown_code and self.clock() >= state.code_until:
            return self.apply(CodeHidden(slip_printed=False))
        return False
