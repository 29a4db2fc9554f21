"""The booth's services: set-up, the polls, voter authentication by code, the cast, and export.

Testable without Qt or hardware; the UI and `kiosk simulate` drive the booth only through this.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, select

from kiosk.ballot import ballot_box as box
from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.booth_certificate import BoothKeyCertificate, CardSigner
from kiosk.ballot.codes import generate_code, hash_code
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.encryption import encrypt_ballot, tracking_code
from kiosk.ballot.package import (
    PACKAGE_FILE,
    PROVISION_FILE,
    ElectionPackage,
    Provision,
    RegisteredCard,
    load_package,
    load_provision,
)
from kiosk.ballot.sealed_file import write_atomically
from kiosk.ballot.selections import Selections, encode_ballot
from kiosk.booth.authority_pin import check_authority, remember_authority
from kiosk.booth.booth_key import certify_new_key, load_booth_key, load_certificate, save_booth_key
from kiosk.clock import Clock, ClockWatch, iso, utc_now
from kiosk.code_lock import CodeLock
from kiosk.lockout import LockState
from kiosk.polls import (
    PollsAction,
    PollsState,
    TransitionRefused,
    accepts_votes,
    may_change_sessions,
    next_state,
)
from kiosk.sealing import ExportError, export_sealed_file, sealed_file_of
from kiosk.voter_auth import Authenticated, AuthOutcome, CodeRefusal, CodeRefused, typed_code_problem

Mode = Literal["official", "test"]
__all__ = ["CastReceipt", "CastRefused", "ExportError", "Mode", "SessionStatus", "Station", "VoterSession"]


class SessionStatus(StrEnum):
    OPEN = "open"  # active, and this voter has not voted in it
    VOTED = "voted"
    NOT_OPEN = "not_open"  # not active now (not open yet, or closed by the chair)


@dataclass(frozen=True)
class VoterSession:
    session_id: str
    status: SessionStatus


class CastRefused(ValueError):
    """The cast was refused and nothing was stored; the message is for the voter."""


@dataclass(frozen=True)
class CastReceipt:
    session_id: str
    tracking_code: str


class Station:
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
        self.clock = clock
        self._clock_watch = ClockWatch(lambda: self.clock(), monotonic)
        self.box = BallotBox(data_dir / box.DATABASE_NAME, lambda: iso(self.clock()))
        self.code_lock = CodeLock(self.box, lambda: self.clock())
        self.package: ElectionPackage | None = None
        self.provision: Provision | None = None
        self.certificate: BoothKeyCertificate | None = None
        if (data_dir / PACKAGE_FILE).exists():
            self.package = load_package(data_dir / PACKAGE_FILE)
            self.provision = load_provision(data_dir / PROVISION_FILE, self.package)
            self.certificate = load_certificate(data_dir)
            if self.state is PollsState.CLOSED:  # a stop right after the close's commit: clean up now
                self.box.forget_cast_order()

    def close(self) -> None:
        self.box.close()

    # --- what the booth knows --------------------------------------------------------------------
    @property
    def election(self) -> ElectionDefinition:
        return self._package().definition

    @property
    def station_id(self) -> str:
        return self._provision().station

    @property
    def state(self) -> PollsState:
        with self.box.read() as c:
            return PollsState(self.box.get_setting(c, "polls", PollsState.NOT_SET_UP.value))

    @property
    def mode(self) -> Mode:
        with self.box.read() as c:
            mode: Mode = self.box.get_setting(c, "mode", "official")
            return mode

    def active_sessions(self) -> list[str]:
        with self.box.read() as c:
            return list(self.box.get_setting(c, "active_sessions", []))

    def _package(self) -> ElectionPackage:
        if self.package is None:
            raise TransitionRefused(PollsState.NOT_SET_UP, PollsAction.OPEN, "the booth is not set up")
        return self.package

    def _provision(self) -> Provision:
        self._package()
        assert self.provision is not None
        return self.provision

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
            self._refuse(PollsAction.SET_UP)
        package = load_package(media / PACKAGE_FILE, now=self.clock())
        check_authority(self.data_dir, package, self.authority)
        provision = load_provision(media / PROVISION_FILE, package)
        station = provision.station
        key, certificate = certify_new_key(package, station, card, iso(self.clock()))
        hashes = {c.voter: c.code_hash for c in package.body.credentials}
        voters = package.definition.voters_at(station)
        # The files first: a crash before the commit leaves a booth that is simply not set up yet.
        save_booth_key(self.data_dir, key, certificate)
        write_atomically(self.data_dir, PROVISION_FILE, provision.model_dump_json().encode())
        write_atomically(self.data_dir, PACKAGE_FILE, package.to_json().encode())
        with self._changing(PollsAction.SET_UP) as c:
            for voter in voters:
                if voter.id in hashes:
                    c.execute(
                        box.credentials.insert().values(
                            voter_id=voter.id, code_hash=hashes[voter.id], generation=0
                        )
                    )
            self.box.put_setting(c, "mode", mode)
            self.box.append_audit(
                c,
                Event.STATION_SET_UP,
                {
                    "election": package.election_id,
                    "fingerprint": package.fingerprint,
                    "station": station,
                    "mode": mode,
                    "booth_key": certificate.body.booth_public_key,
                    "by": certificate.body.poll_worker,
                },
            )
        remember_authority(self.data_dir, package)
        self.package, self.provision, self.certificate = package, provision, certificate
        return package

    # --- polls -----------------------------------------------------------------------------------
    def open_polls(self, by: str) -> None:
        if self.box.ballot_count():  # a booth that already holds ballots must not open again
            self._refuse(PollsAction.OPEN, "ballots are already stored on this booth")
        with self._changing(PollsAction.OPEN) as c:
            self.box.put_setting(c, "opened_at", iso(self.clock()))
            self.box.append_audit(c, Event.POLLS_OPENED, {"mode": self.mode, "by": by})

    def pause(self, by: str) -> None:
        with self._changing(PollsAction.PAUSE) as c:
            self.box.append_audit(c, Event.POLLS_PAUSED, {"by": by})

    def resume(self, by: str) -> None:
        with self._changing(PollsAction.RESUME) as c:
            self.box.append_audit(c, Event.POLLS_RESUMED, {"by": by})

    def close_polls(self, by: str) -> None:
        with self._changing(PollsAction.CLOSE) as c:
            self.box.put_setting(c, "closed_at", iso(self.clock()))
            self.box.put_setting(c, "active_sessions", [])
            count = len(c.execute(select(box.ballots.c.id)).all())
            self.box.append_audit(c, Event.POLLS_CLOSED, {"ballots": count, "by": by})
        self.box.forget_cast_order()  # nothing on disk may link a voter to a ballot after a close

    @contextmanager
    def _changing(self, action: PollsAction) -> Iterator[Connection]:
        """A polls transition and what goes with it, in one commit; a refusal is logged apart."""
        self._watch_clock()
        try:
            with self.box.transaction() as c:
                state = PollsState(self.box.get_setting(c, "polls", PollsState.NOT_SET_UP.value))
                self.box.put_setting(c, "polls", next_state(state, action).value)
                yield c
        except TransitionRefused as exc:
            self._log_refusal(exc.state, exc.action, str(exc))
            raise

    def _refuse(self, action: PollsAction, reason: str | None = None) -> None:
        state = self.state
        try:
            next_state(state, action)
        except TransitionRefused as exc:
            reason = reason or str(exc)
        reason = reason or f"cannot {action.value}"
        self._log_refusal(state, action, reason)
        raise TransitionRefused(state, action, reason)

    def _log_refusal(self, state: PollsState, action: PollsAction, reason: str = "") -> None:
        self.box.log(
            Event.TRANSITION_REFUSED, {"state": state.value, "action": action.value, "reason": reason}
        )

    def set_session_active(self, session_id: str, active: bool, by: str) -> None:
        self.election.session(session_id)  # KeyError for an unknown session: a programming error
        self._watch_clock()
        with self.box.transaction() as c:
            state = PollsState(self.box.get_setting(c, "polls", PollsState.NOT_SET_UP.value))
            if not may_change_sessions(state):
                raise TransitionRefused(state, PollsAction.OPEN, "sessions cannot change: polls are closed")
            current = set(self.box.get_setting(c, "active_sessions", []))
            changed = (current | {session_id}) if active else (current - {session_id})
            if changed == current:
                return
            order = [s.id for s in self.election.sessions]
            self.box.put_setting(c, "active_sessions", [s for s in order if s in changed])
            kind = Event.SESSION_ACTIVATED if active else Event.SESSION_DEACTIVATED
            self.box.append_audit(c, kind, {"session": session_id, "by": by})
        if not active:  # that session's casts are over: their order leaves the disk now
            self.box.forget_cast_order()

    # --- voters ----------------------------------------------------------------------------------
    def authenticate_code(self, text: str) -> AuthOutcome:
        self._watch_clock()
        now = self.clock()
        if not accepts_votes(self.state):
            return CodeRefused(CodeRefusal.NOT_OPEN)
        lock = self.lock_state()
        if lock.locked_at(now):
            return CodeRefused(CodeRefusal.LOCKED, locked_seconds=lock.seconds_left(now))
        problem = typed_code_problem(text)
        if problem is not None:
            return self.code_lock.failed(problem, lock)
        code_hash = hash_code(self.election.id, text)
        with self.box.read() as c:
            voter_id = c.execute(
                select(box.credentials.c.voter_id).where(box.credentials.c.code_hash == code_hash)
            ).scalar()
        if voter_id is None:
            return self.code_lock.failed(CodeRefused(CodeRefusal.UNKNOWN), lock)
        if not any(s.status is not SessionStatus.VOTED for s in self.sessions_for(voter_id)):
            self.box.log(Event.CODE_REFUSED, {"reason": CodeRefusal.USED.value})
            return CodeRefused(CodeRefusal.USED)
        self.code_lock.succeeded(lock)
        return Authenticated(voter_id)

    def authenticate_card(self, public_key: str) -> AuthOutcome:
        """Lets in the holder of a voter card whose signature of a fresh challenge the reader has
        checked against this registered key. The card's serial number or ATR never suffices."""
        self._watch_clock()
        if not accepts_votes(self.state):
            return CodeRefused(CodeRefusal.NOT_OPEN)
        card = self.registered_card(public_key, "voter")
        voters = {v.id: v for v in self.election.voters_at(self.station_id)}
        if card is None or card.holder not in voters:
            self.box.log(Event.CODE_REFUSED, {"reason": "unknown_card"})
            return CodeRefused(CodeRefusal.UNKNOWN)
        if not any(s.status is not SessionStatus.VOTED for s in self.sessions_for(card.holder)):
            self.box.log(Event.CODE_REFUSED, {"reason": CodeRefusal.USED.value})
            return CodeRefused(CodeRefusal.USED)
        self.box.log(Event.VOTER_AUTHENTICATED, {"method": "card"})
        return Authenticated(card.holder)

    def poll_worker_login(self, public_key: str) -> str | None:
        """The poll worker holding this card (PIN and signature already checked by the reader), if
        the card is registered to a poll worker of this booth; logged either way."""
        card = self.registered_card(public_key, "poll_worker")
        workers = {w.id for w in self.election.poll_workers if self.station_id in w.stations}
        if card is None or card.holder not in workers:
            self.box.log(Event.POLL_WORKER_REFUSED, {"reason": "card not registered for this booth"})
            return None
        self.box.log(Event.POLL_WORKER_LOGIN, {"by": card.holder})
        return card.holder

    def registered_card(self, public_key: str, role: str | None = None) -> RegisteredCard | None:
        """The election package's entry for a card's key (of that role, when one is given)."""
        for card in self._package().body.cards:
            if card.public_key == public_key.lower() and role in (None, card.role):
                return card
        return None

    def _watch_clock(self) -> None:
        seconds = self._clock_watch.jump()
        if seconds:
            self.code_lock.clock_jumped(seconds)

    def lock_state(self) -> LockState:
        return self.code_lock.state()

    def clear_lock(self, by: str) -> None:
        self.code_lock.clear(by)

    def sessions_for(self, voter_id: str) -> list[VoterSession]:
        voter = self.election.voter(voter_id)
        active = set(self.active_sessions())
        with self.box.read() as c:
            voted = box.voted_sessions(c, voter_id)
        result = []
        for session in self.election.sessions:
            if session.id not in voter.sessions:
                continue
            if session.id in voted:
                status = SessionStatus.VOTED
            else:
                status = SessionStatus.OPEN if session.id in active else SessionStatus.NOT_OPEN
            result.append(VoterSession(session.id, status))
        return result

    def reissue_code(self, voter_id: str, by: str) -> str:
        """A new code for a voter of this booth; the old one stops working in the same commit."""
        voter = self.election.voter(voter_id)
        if voter.station != self.station_id:
            raise ValueError(f"{voter.name} does not vote at this booth")
        code = generate_code()
        with self.box.transaction() as c:
            updated = c.execute(
                box.credentials.update()
                .where(box.credentials.c.voter_id == voter_id)
                .values(
                    code_hash=hash_code(self.election.id, code), generation=box.credentials.c.generation + 1
                )
            )
            if updated.rowcount == 0:
                c.execute(
                    box.credentials.insert().values(
                        voter_id=voter_id, code_hash=hash_code(self.election.id, code), generation=1
                    )
                )
            self.box.append_audit(c, Event.CODE_REISSUED, {"voter": voter_id, "by": by})
        return code

    # --- the cast --------------------------------------------------------------------------------
    def cast(self, voter_id: str, session_id: str, selections: Selections) -> CastReceipt:
        """Encrypts and stores the ballot with the voter's mark and the audit event, in one commit.

        Raises CastRefused (nothing stored, the reason for the voter), StorageError (nothing stored,
        the storage failed), or SelectionError for selections that do not fit (a programming error).
        """
        self._watch_clock()
        election = self.election
        session = election.session(session_id)
        plaintext = encode_ballot(election, session, selections, voter_id)
        ciphertext = encrypt_ballot(
            self._package().body.election_public_key, election.id, session_id, plaintext
        )
        code = tracking_code(ciphertext)
        try:
            with self.box.transaction() as c:
                self._check_cast_allowed(c, voter_id, session_id)
                self.box.store_ballot(c, session_id, voter_id, ciphertext, code)
        except CastRefused as exc:
            self.box.log(Event.CAST_REFUSED, {"session": session_id, "reason": str(exc)})
            raise
        return CastReceipt(session_id, code)

    def _check_cast_allowed(self, c: Connection, voter_id: str, session_id: str) -> None:
        state = PollsState(self.box.get_setting(c, "polls", PollsState.NOT_SET_UP.value))
        if not accepts_votes(state):
            raise CastRefused("polls are not open")
        if session_id not in self.box.get_setting(c, "active_sessions", []):
            raise CastRefused("this voting session is not open")
        if session_id not in self.election.voter(voter_id).sessions:
            raise CastRefused("this voter may not vote in this session")
        if box.has_mark(c, voter_id, session_id):
            raise CastRefused("a vote was already cast with this code in this session")

    # --- closing ---------------------------------------------------------------------------------
    def counts(self) -> dict[str, tuple[int, int]]:
        """(ballots, marks) for every session of the election."""
        stored = self.box.counts()
        return {s.id: stored.get(s.id, (0, 0)) for s in self.election.sessions}

    def setting(self, key: str, default: object = None) -> Any:
        with self.box.read() as c:
            return self.box.get_setting(c, key, default)

    def sealed_bytes(self) -> tuple[str, bytes]:
        """The sealed ballot file's name and bytes; the same bytes for every copy."""
        return sealed_file_of(self)

    def export(self, directory: Path) -> Path:
        """Writes the sealed file to the media atomically, reads it back and verifies it."""
        return export_sealed_file(self, directory)

    def audit_json(self) -> str:
        return json.dumps([e.as_dict() for e in self.box.audit_entries()], indent=1)

