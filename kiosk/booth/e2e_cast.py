"""Cast or check (Benaloh) at the booth: prepare while the voter chooses, seal, then cast or check.

A prepared and a sealed ballot live in memory only: their nonce ξ_B opens them, so it never reaches
the disk unless the voter checks the ballot, which publishes it and spoils that ballot. A cast is one
SQLite transaction, as the HPKE cast was: the ballot's record line (docs/e2e-spec.md §10), the voter's
mark and `ballot_cast`. A check is one transaction too: the checked line and `ballot_checked`, no
mark and no voter. A power cut before either commit leaves nothing: the ballot was never accepted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.amendments import Amended
from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox, StorageError
from kiosk.ballot.crypto.group import GroupError
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.e2e_ballot import ElectionKey, EncryptedBallot, new_ballot_nonce, short_code
from kiosk.ballot.e2e_layout import context_for, plaintext_bytes, plaintext_vector
from kiosk.ballot.e2e_receipt import (
    CastSlip,
    CheckedSlip,
    cast_link,
    checked_link,
    receipt_message,
    sign_receipt,
)
from kiosk.ballot.e2e_record import CheckedBallot, ballot_to_json, checked_to_json
from kiosk.ballot.e2e_seal import PreparedBallot, prepare_ballot, seal_ballot
from kiosk.ballot.ids import SessionId, StationId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.selections import Selections
from kiosk.booth.cast import CastReceipt, CastRefused, check_allowed, reserve_in_hall
from kiosk.booth.hall_cast import HallCasts

NONCE_DRAWS = 8  # a zero or already revealed ξ_B has probability ~2^-252 a draw: eight never all fail


class NoElectionKey(RuntimeError):
    """The package carries no end-to-end key: this booth seals HPKE ballots (a programming error here)."""


@dataclass(frozen=True)
class SealedBallot:
    """A ballot sealed for one voter, waiting for *Cast* or *Check*; its nonce opens it."""

    voter_id: VoterId
    session_id: SessionId
    selections: dict[str, tuple[str, ...]]
    ballot: EncryptedBallot
    nonce: Digest = field(repr=False)

    @property
    def short_code(self) -> str:
        return short_code(self.ballot.code)


@dataclass(frozen=True)
class CheckReceipt:
    """A checked ballot's slip: its code, the choices it claims and the QR that opens it."""

    session_id: SessionId
    tracking_code: str
    selections: dict[str, tuple[str, ...]]
    qr: str


@dataclass(frozen=True)
class SealedCode:
    """What prints at *Seal*, before the voter is asked anything: the ballot's code only."""

    session_id: SessionId
    tracking_code: str


def _line(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


class E2ECaster:
    def __init__(
        self,
        box: BallotBox,
        package: Callable[[], ElectionPackage],
        station_id: Callable[[], StationId],
        before_cast: Callable[[], None],
        signing_key: Callable[[], Ed25519PrivateKey],
        amended: Callable[[], Amended],
    ) -> None:
        self.box, self._package, self._station_id = box, package, station_id
        self._before_cast, self._signing_key, self._amended = before_cast, signing_key, amended
        self.hall: HallCasts | None = None  # in a hall, the mark is reserved there first

    def election_key(self) -> ElectionKey:
        key = self._package().election_key
        if key is None:
            raise NoElectionKey("this election package carries no end-to-end key")
        return key

    def prepare(self, voter_id: VoterId, session_id: SessionId) -> PreparedBallot:
        """Every exponentiation of the voter's ballot, before she has chosen (~500 of them)."""
        election = self._package().definition
        session = election.session(session_id)
        # An adviser voting under a delegation casts the delegate's vote: the ballot carries the
        # delegate's labels (name in a record vote, mandates), as the mark the cast sets is theirs.
        owner = self._amended().acting_for(voter_id, session_id) or voter_id
        context = context_for(election, session, self._station_id(), owner)
        for _ in range(NONCE_DRAWS):
            nonce = new_ballot_nonce()
            if self.box.nonce_revealed(nonce.hex()):  # a checked slip opened it: never seal with it
                continue
            try:
                return prepare_ballot(self.election_key(), session, context, nonce)
            except GroupError:  # a zero nonce would make α the identity: draw again
                continue
        raise RuntimeError("the booth's random source repeats itself")

    def seal(self, prepared: PreparedBallot, voter_id: VoterId, selections: Selections) -> SealedBallot:
        """The ballot of these choices, in milliseconds; raises SelectionError for refused choices."""
        ballot = seal_ballot(prepared, selections)
        chosen = {q: tuple(c) for q, c in selections.items()}
        return SealedBallot(voter_id, prepared.session.id, chosen, ballot, prepared.ballot_nonce)

    def cast(self, sealed: SealedBallot) -> CastReceipt:
        """The ballot, the voter's mark and `ballot_cast` in one commit, then the signed receipt.

        Raises CastRefused (nothing stored, the reason for the voter) or StorageError (nothing stored).
        """
        self._before_cast()
        package, ballot = self._package(), sealed.ballot
        line = _line(ballot_to_json(ballot))
        amended = self._amended()
        try:
            with self.box.read() as c:  # the booth's own refusals before the hall is asked anything
                marked = check_allowed(self.box, c, amended, sealed.voter_id, sealed.session_id)
            cast_id = reserve_in_hall(self.hall, marked, sealed.session_id)
            try:
                with self.box.transaction() as c:
                    check_allowed(self.box, c, amended, sealed.voter_id, sealed.session_id)
                    self.box.store_ballot(c, sealed.session_id, marked, line, ballot.code.hex())
                    if self.hall is not None and cast_id is not None:
                        self.hall.hold(c, cast_id, ballot.code.hex())
            except (CastRefused, StorageError):
                if self.hall is not None and cast_id is not None:
                    self.hall.release(cast_id)  # nothing stored here: the hall's mark goes too
                raise
        except CastRefused as exc:
            self.box.log(Event.CAST_REFUSED, {"session": sealed.session_id, "reason": str(exc)})
            raise
        if self.hall is not None and cast_id is not None:
            self.hall.held(cast_id)
        message = receipt_message(self.election_key().extended_hash, sealed.session_id, ballot.code, "cast")
        slip = CastSlip(sealed.session_id, ballot.context.station, ballot.code,
                        sign_receipt(self._signing_key(), message))  # fmt: skip
        qr = cast_link(package.definition.verify_url, sealed.short_code, slip)
        return CastReceipt(sealed.session_id, sealed.short_code, qr)

    def check(self, sealed: SealedBallot) -> CheckReceipt:
        """Opens the ballot: stored as checked (never counted) with `ballot_checked`; the mark untouched.

        Raises CastRefused when the voter could not cast now either (polls, session, already voted).
        """
        self._before_cast()
        package, ballot = self._package(), sealed.ballot
        session = package.definition.session(sealed.session_id)
        plaintext = plaintext_bytes(plaintext_vector(session, sealed.selections))
        context = ballot.context
        choices = {q.id: sealed.selections.get(q.id, ()) for q in session.questions}
        line = _line(checked_to_json(CheckedBallot(context, ballot.code, sealed.nonce, choices)))
        with self.box.transaction() as c:
            check_allowed(self.box, c, self._amended(), sealed.voter_id, sealed.session_id)
            self.box.store_checked(c, sealed.session_id, ballot.code.hex(), sealed.nonce.hex(), line)
        message = receipt_message(
            self.election_key().extended_hash, sealed.session_id, ballot.code, "checked",
            (sealed.nonce, plaintext),
        )  # fmt: skip
        slip = CheckedSlip(
            sealed.session_id, context.station, context.group, context.weight, context.voter,
            ballot.code, sealed.nonce, plaintext, sign_receipt(self._signing_key(), message),
        )  # fmt: skip
        qr = checked_link(package.definition.verify_url, slip)
        return CheckReceipt(sealed.session_id, sealed.short_code, choices, qr)

    def abandon(self, session_id: SessionId) -> None:
        """A sealed ballot neither cast nor checked (walk-away, time-out, no code printed): forgotten."""
        self.box.log(Event.BALLOT_ABANDONED, {"session": session_id})
