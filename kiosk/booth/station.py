"""The booth's services behind one front: set-up, the polls, the voter's door, the cast, and export.

Testable without Qt or hardware; the UI and `kiosk simulate` drive the booth only through this. Each
idea lives in its own module of kiosk.booth; the Station holds what they share (the ballot box, the
clock, the election package) and keeps the public methods the screens call.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.ballot import ballot_box as box
from kiosk.ballot.addendum import Addendum, parse_addendum
from kiosk.ballot.amendments import Amended, amend_all, amended_package
from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.booth_certificate import BoothKeyCertificate, CardSigner
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.ids import SessionId, StationId, VoterId
from kiosk.ballot.package import (
    PACKAGE_FILE,
    PROVISION_FILE,
    ElectionPackage,
    PackageCard,
    Provision,
    load_package,
    load_provision,
)
from kiosk.ballot.signing import signing_key_from_hex
from kiosk.ballot.times import iso
from kiosk.ballot.values import Mode
from kiosk.booth import card_registry, setup
from kiosk.booth.addenda import ADDENDA
from kiosk.booth.booth_key import certify_new_key, load_booth_key, load_certificate
from kiosk.booth.cast import BallotCaster, CastReceipt, CastRefusal, CastRefused
from kiosk.booth.code_lock import CodeLock
from kiosk.booth.day_snapshot import day_snapshot
from kiosk.booth.e2e_cast import E2ECaster
from kiosk.booth.export import Exporter
from kiosk.booth.hall_cast import HallCasts, forget_ballot_links
from kiosk.booth.lockout import LockState
from kiosk.booth.polls import PollsAction, PollsRefusal, PollsState, TransitionRefused
from kiosk.booth.polls_desk import PollsDesk
from kiosk.booth.sealing import CloseSnapshot, ExportError
from kiosk.booth.session_close import SessionCloser
from kiosk.booth.station_cast import StationCasting
from kiosk.booth.station_hall import StationHall
from kiosk.booth.voter_auth import Authenticated, AuthOutcome
from kiosk.booth.voter_door import SessionStatus, VoterDoor, VoterSession
from kiosk.clock import Clock, ClockWatch, utc_now

__all__ = [
    "CastReceipt",
    "CastRefusal",
    "CastRefused",
    "ExportError",
    "Mode",
    "SessionStatus",
    "Station",
    "VoterSession",
]


class Station(StationHall, StationCasting):
    def __init__(
        self,
        data_dir: Path,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        authority: str | None = None,
    ) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir = data_dir
        self.authority = authority  # pinned in booth.toml; otherwise trusted on first set-up
        self.clock = clock  # tests may set another: the parts below always ask this attribute
        now: Clock = lambda: self.clock()  # noqa: E731
        self._clock_watch = ClockWatch(now, monotonic)
        self.box = BallotBox(data_dir / box.DATABASE_NAME, lambda: self.clock())
        self.code_lock = CodeLock(self.box, now)
        self.polls = PollsDesk(self.box, now, self._watch_clock)
        self.door = VoterDoor(
            self.box, self.polls, self.code_lock, now, self._package, lambda: self.station_id, self._amended
        )
        self.caster = BallotCaster(self.box, self._package, self._watch_clock, self._amended)
        self.e2e_caster = E2ECaster(
            self.box, self._package, lambda: self.station_id, self._watch_clock,
            lambda: signing_key_from_hex(self.booth_key()[1]), self._amended,
        )  # fmt: skip
        self.exports = Exporter(self.box, self.close_snapshot)
        self.package: ElectionPackage | None = None  # as amended by the addenda taken in
        self.base_package: ElectionPackage | None = None  # as the authority signed it at set-up
        self.amended: Amended | None = None
        self.provision: Provision | None = None
        self.certificate: BoothKeyCertificate | None = None
        self.hall: HallCasts | None = None
        self.sessions = SessionCloser(self)  # votes closed one by one (kiosk/booth/session_close.py)
        if (data_dir / PACKAGE_FILE).exists():
            self.base_package = load_package(data_dir / PACKAGE_FILE)
            self.reload_addenda()
            assert self.package is not None
            self.provision = load_provision(data_dir / PROVISION_FILE, self.package)
            self.certificate = load_certificate(data_dir)
            if self.state is PollsState.CLOSED:  # a stop right after the close's commit: clean up now
                self.forget_cast_order()

    def close(self) -> None:
        if self.hall is not None:  # a confirm sent after the last receipt is answered first
            self.hall.wait_confirmed()
        self.box.close()

    def forget_cast_order(self, session_id: str | None = None) -> None:
        """At a close (of polls, or of one session): no link of voter to ballot left on disk, the
        hall journal's included (kiosk/booth/hall_cast.py)."""
        forget_ballot_links(self.box, session_id)
        self.box.forget_cast_order()

    def election_package(self) -> ElectionPackage:
        return self._package()

    # --- what the booth knows --------------------------------------------------------------------
    @property
    def election(self) -> ElectionDefinition:
        return self._package().definition

    @property
    def station_id(self) -> StationId:
        return self._provision().station

    @property
    def state(self) -> PollsState:
        return self.polls.state()

    @property
    def mode(self) -> Mode:
        return self.polls.mode()

    def active_sessions(self) -> list[str]:
        return self.polls.active_sessions()

    def _package(self) -> ElectionPackage:
        if self.package is None:
            raise TransitionRefused(
                PollsState.NOT_SET_UP, PollsAction.OPEN, PollsRefusal.NOT_SET_UP, "the booth is not set up"
            )
        return self.package

    def _provision(self) -> Provision:
        self._package()
        assert self.provision is not None
        return self.provision

    def _amended(self) -> Amended:
        self._package()
        assert self.amended is not None
        return self.amended

    def amended_election(self) -> Amended:
        """The election as amended by the addenda taken in; TransitionRefused if not set up."""
        return self._amended()

    def held_addenda(self) -> list[Addendum]:
        """The addenda this booth took in, in order (stored in the ballot box, see kiosk.booth.addenda)."""
        package = self.base_package
        if package is None:
            return []
        stored = self.setting(ADDENDA, [])
        return [parse_addendum(text.encode(), package) for text in stored]

    def reload_addenda(self) -> None:
        """The package and the election as amended by the addenda held: called at start and after
        each addendum is taken in."""
        base = self.base_package
        assert base is not None
        self.amended = amend_all(base.definition, self.held_addenda())
        self.package = amended_package(base, self.amended)

    def booth_key(self) -> tuple[BoothKeyCertificate, str]:
        """The booth's certificate and its private key (hex), read from the data folder to sign."""
        self._package()
        assert self.certificate is not None
        return self.certificate, load_booth_key(self.data_dir, self.certificate)

    # --- set-up ----------------------------------------------------------------------------------
    def set_up(self, media: Path, card: CardSigner, mode: Mode = "official") -> ElectionPackage:
        """Checks the package (and its authority) and the booth's provisioning on the media, makes
        the booth's own key and has the poll worker's card certify it, then takes them in."""
        if self.state is not PollsState.NOT_SET_UP:
            self.polls.refuse(PollsAction.SET_UP)
        package, provision = setup.checked_media(media, self.clock(), self.data_dir, self.authority)
        key, certificate = certify_new_key(package, provision.station, card, iso(self.clock()))
        setup.take_in(self.data_dir, self.box, self.polls, package, provision, mode, (key, certificate),
                      every_voter=self.hall is not None)
        self.base_package, self.provision, self.certificate = package, provision, certificate
        self.reload_addenda()
        self.hall_connected()  # joins the hall now: the poll worker sees it in device health
        return package

    # --- polls -----------------------------------------------------------------------------------
    def open_polls(self, by: str) -> None:
        self.polls.open(by)

    def pause(self, by: str) -> None:
        self.polls.pause(by)

    def resume(self, by: str) -> None:
        self.polls.resume(by)

    def close_polls(self, by: str) -> None:
        self.polls.close(by)
        self.forget_cast_order()  # nothing on disk may link a voter to a ballot after a close

    def set_session_active(self, session_id: SessionId, active: bool, by: str) -> None:
        self.election.session(session_id)  # KeyError for an unknown session: a programming error
        self.polls.set_session_active([s.id for s in self.election.sessions], session_id, active, by)
        if not active:  # that session's casts are over: their order leaves the disk now
            self.forget_cast_order(session_id)

    # --- voters ----------------------------------------------------------------------------------
    def authenticate_code(self, text: str) -> AuthOutcome:
        self._watch_clock()
        return self._followed(self.door.authenticate_code(text))

    def authenticate_card(self, public_key: str) -> AuthOutcome:
        """Lets in the holder of a voter card whose signature of a fresh challenge the reader has
        checked against this registered key. The card's serial number or ATR never suffices."""
        self._watch_clock()
        return self._followed(self.door.authenticate_card(public_key))

    def _followed(self, outcome: AuthOutcome) -> AuthOutcome:
        """A voter let in (the hall answered the door) is not offered a vote closed at the desk:
        the booth asks the hall which votes are closed before her sessions are shown."""
        if isinstance(outcome, Authenticated):
            self.sessions.follow_hall()
        return outcome

    def poll_worker_login(self, public_key: str) -> str | None:
        """The poll worker holding this card (PIN and signature already checked by the reader), if
        the card is registered to a poll worker of this booth; logged either way."""
        worker = card_registry.poll_worker_holding(self._package(), self.station_id, public_key)
        if worker is None:
            self.box.log(Event.POLL_WORKER_REFUSED, {"reason": "card not registered for this booth"})
            return None
        self.box.log(Event.POLL_WORKER_LOGIN, {"by": worker})
        return worker

    def registered_card(self, public_key: str, role: str | None = None) -> PackageCard | None:
        """The election package's entry for a card's key (of that role, when one is given)."""
        return card_registry.registered_card(self._package(), public_key, role)

    def _watch_clock(self) -> None:
        seconds = self._clock_watch.jump()
        if seconds:
            self.code_lock.clock_jumped(seconds)

    def lock_state(self) -> LockState:
        return self.code_lock.state()

    def clear_lock(self, by: str) -> None:
        self.code_lock.clear(by)

    def sessions_for(self, voter_id: VoterId) -> list[VoterSession]:
        return self.door.sessions_for(voter_id)

    def reissue_code(self, voter_id: VoterId, by: str) -> str:
        """A new code for a voter of this booth; the old one stops working in the same commit."""
        return self.door.reissue_code(voter_id, by)

    # --- closing ---------------------------------------------------------------------------------
    def counts(self) -> dict[SessionId, tuple[int, int]]:
        """(ballots, marks) for every session of the election."""
        stored = self.box.counts()
        return {s.id: stored.get(s.id, (0, 0)) for s in self.election.sessions}

    def setting(self, key: str, default: object = None) -> Any:
        with self.box.read() as c:
            return self.box.get_setting(c, key, default)

    def close_snapshot(self) -> CloseSnapshot:
        """What a sealed file holds, read from a closed booth; sealing is a pure function of it."""
        return day_snapshot(self)

    def sealed_bytes(self) -> tuple[str, bytes]:
        """The sealed ballot file's name and bytes; the same bytes for every copy."""
        return self.exports.sealed_file()

    def export(self, directory: Path) -> Path:
        """Writes the sealed file to the media atomically, reads it back and verifies it."""
        return self.exports.to_folder(directory)

    def audit_json(self) -> str:
        return json.dumps([e.as_dict() for e in self.box.audit_entries()], indent=1)
