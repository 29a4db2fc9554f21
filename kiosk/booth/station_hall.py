"""The Station's side of the hall: joining it, whether it answers, and closing votes one by one
(kiosk/booth/hall_cast.py, kiosk/booth/session_close.py); a part of kiosk.booth.station.Station."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.ids import SessionId
from kiosk.ballot.package import ElectionPackage
from kiosk.booth.cast import BallotCaster
from kiosk.booth.e2e_cast import E2ECaster
from kiosk.booth.hall_cast import HallCasts, HallTransport
from kiosk.booth.session_close import SessionCloser, SessionCloseTransport, SessionsReport
from kiosk.booth.voter_door import VoterDoor


class StationHall:
    box: BallotBox
    caster: BallotCaster
    e2e_caster: E2ECaster
    door: VoterDoor
    sessions: SessionCloser
    hall: HallCasts | None
    package: ElectionPackage | None

    # --- the hall --------------------------------------------------------------------------------
    def join_hall(
        self, hall: HallTransport, on_step: Callable[[str], None] = lambda _step: None,
        sessions: SessionCloseTransport | None = None, confirm_after_receipt: bool = False,
    ) -> None:
        """From now on any delegate may vote here, each mark reserved at the hall first
        (kiosk/booth/hall_cast.py); unfinished casts of an earlier run are settled at once, and
        session files still to send are sent (kiosk/booth/session_close.py). With
        confirm_after_receipt the hall's confirm follows the receipt (kiosk/booth/hall_cast.py)."""
        self.hall = HallCasts(self.box, hall, on_step, confirm_after_receipt)
        self.caster.hall = self.hall
        self.e2e_caster.hall = self.hall
        self.door.hall = hall
        self.sessions.hall = sessions
        if self.package is not None:
            self.hall.settle()
            self.sessions.follow_hall()

    def hall_connected(self) -> bool | None:
        """None outside a hall; else whether the hall answers now (unfinished casts settled then)."""
        if self.hall is None:
            return None
        if self.package is None or not self.hall.hall.connected():  # it joins once it is set up
            return False
        self.hall.settle()
        self.sessions.follow_hall()  # votes closed at the desk close here; their files go there
        return True

    def close_session(self, session_id: SessionId, by: str) -> SessionsReport:
        """The poll worker closes a vote for good (in a hall: at every booth); polls stay open."""
        self.sessions.close(session_id, by)
        return self.sessions.follow_hall()
