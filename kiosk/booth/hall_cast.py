"""The cast across the hall: the has-voted mark in the hall's database, the ballot on this booth.

Two machines cannot commit in one transaction, so the booth leads a reserve/commit protocol whose
every step is written down first, in the booth's own ballot box (the durable copy):

  RESERVING  the booth wrote its intent (a random cast id, the voter, the session) and asks the hall
             to reserve the mark. The hall may or may not hold a reservation: the booth cannot know.
  HELD       the hall answered "reserved" and the booth committed the ballot, its local mark, the
             audit event and this state in ONE SQLite transaction. The cast is accepted: both sides
             hold it. The hall is told to confirm; until it has, the row stays here.
  (gone)     confirmed at the hall (from HELD) or aborted at the hall (from RESERVING): the row is
             deleted; nothing is left to settle.

Recovery, at every start and before every new reservation, is a transition from a named state:
RESERVING -> abort at the hall (the booth holds no ballot, so the hall must hold no mark);
HELD -> confirm at the hall; HELD and the hall answers "released" (officials freed the delegate, who
may have voted elsewhere since) -> void that ballot here (kiosk/booth/hall_void.py).
Every call is idempotent by cast id, so a repeat after a crash or a
lost reply changes nothing. The hall never drops a reservation on its own: a booth that vanishes
mid-cast leaves that voter "being cast" (never voted twice) until the booth comes back.

The confirm after the receipt (confirm_after_receipt, the kiosk's way): only the reserve must come
before the voter's receipt. The HELD row, committed with the ballot, is the durable outbox; the
confirm is sent from it in a thread of its own while the receipt shows, and whatever stops it (the
booth killed, the hall gone) leaves the row HELD, confirmed at the next start or before the next
reservation like any other. Meanwhile the hall holds the mark reserved: the delegate is refused at
every other booth ("being recorded"), never free to vote twice.

The cast id is random and names no ballot. A HELD row also names the ballot the cast stored, so
that a released cast voids exactly it; that link is dropped when the session closes or is stopped
here, or polls close (forget_ballot_links, before the close rebuilds the database): after a close
nothing links a voter to a ballot, and a confirmed cast's row is gone at once.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from sqlalchemy import Column, Connection, MetaData, String, Table, insert, inspect, select, update

from kiosk.ballot.ballot_box import BallotBox, StorageError
from kiosk.ballot.ids import CastId, SessionId, VoterId
from kiosk.booth.hall_void import void_ballot, voided_metadata

log = logging.getLogger(__name__)

class HallCastState(StrEnum):
    RESERVING = "reserving"
    HELD = "held"


class HallAnswer(StrEnum):
    """What the hall answered; UNREACHABLE when no signed answer came back in time."""

    RESERVED = "reserved"
    ALREADY_VOTED = "already_voted"  # another cast of this voter in this session is confirmed
    PENDING = "pending"  # another booth holds a reservation for this voter and session
    NOT_ELIGIBLE = "not_eligible"
    SESSION_CLOSED = "session_closed"  # the vote is closed at the hall (kiosk/booth/session_close.py)
    CONFIRMED = "confirmed"
    RELEASED = "released"  # officials released this cast (station_admin/hall/release.py): not a vote
    ABORTED = "aborted"
    REFUSED = "refused"  # the hall refused the operation (a bug or a conflict it logged)
    UNREACHABLE = "unreachable"


class HallTransport(Protocol):
    """The hall's side as the booth calls it (kiosk/hall/client.py over the network)."""

    def reserve(self, cast_id: CastId, voter_id: VoterId, session_id: SessionId) -> HallAnswer: ...

    def confirm(self, cast_id: CastId, voter_id: VoterId, session_id: SessionId) -> HallAnswer: ...

    def abort(self, cast_id: CastId) -> HallAnswer: ...

    def voted(self, voter_id: VoterId) -> set[str] | None:
        """The sessions this voter voted in (or is being cast in) anywhere; None if unreachable."""
        ...

    def connected(self) -> bool: ...


journal_metadata = MetaData()
hall_journal = Table(
    "hall_journal",
    journal_metadata,
    Column("cast_id", String(32), primary_key=True),
    Column("voter_id", String, nullable=False),
    Column("session_id", String, nullable=False),
    Column("state", String, nullable=False),
    # A HELD cast's ballot (its tracking code, unique in the box) while its session is open here.
    Column("ballot_code", String, nullable=True),
    sqlite_with_rowid=False,
)

# Named steps, in order, for the one place that watches transitions (tests kill the booth at each).
STEP_RESERVING = "reserving"  # intent committed, the hall not yet asked
STEP_RESERVED = "reserved"  # the hall answered reserved, nothing committed here yet
STEP_HELD = "held"  # ballot committed here
STEP_SETTLED = "settled"  # the hall confirmed or aborted, the row is gone


class HallCasts:
    def __init__(
        self, box: BallotBox, hall: HallTransport, on_step: Callable[[str], None] = lambda _step: None,
        confirm_after_receipt: bool = False,
    ) -> None:
        self.box, self.hall, self.on_step = box, hall, on_step
        self.confirm_after_receipt = confirm_after_receipt
        # One settlement at a time: the confirm thread and the next voter's reservation may both
        # reach for one HELD row, and a released one must be voided once.
        self._settling = threading.RLock()
        self._confirming: list[threading.Thread] = []  # the confirms sent after receipts, in flight
        journal_metadata.create_all(box.engine)
        voided_metadata.create_all(box.engine)
        _add_ballot_code(box)

    def reserve(self, voter_id: VoterId, session_id: SessionId) -> tuple[CastId | None, HallAnswer]:
        """A cast id reserved at the hall, or None and the hall's answer (nothing to commit)."""
        # This booth's own unfinished casts first (one of them may be this voter's); a hall that
        # does not answer them will not answer this one: the voter is sent on at once.
        if not self._settle_all():
            return None, HallAnswer.UNREACHABLE
        cast_id = CastId(secrets.token_hex(16))
        with self.box.transaction() as c:
            c.execute(insert(hall_journal).values(
                cast_id=cast_id, voter_id=voter_id, session_id=session_id, state=HallCastState.RESERVING))
        self.on_step(STEP_RESERVING)
        answer = self.hall.reserve(cast_id, voter_id, session_id)
        if answer is HallAnswer.RESERVED:
            self.on_step(STEP_RESERVED)
            return cast_id, answer
        if answer is not HallAnswer.UNREACHABLE:  # the hall holds nothing of this cast id
            self._forget(cast_id)
        # Unreachable: the hall may hold the reservation; the row stays RESERVING, to abort later.
        return None, answer

    def hold(self, c: Connection, cast_id: CastId, ballot_code: str) -> None:
        """In the cast's own transaction, beside the ballot and the mark."""
        c.execute(update(hall_journal).where(hall_journal.c.cast_id == cast_id)
                  .values(state=HallCastState.HELD, ballot_code=ballot_code))

    def held(self, cast_id: CastId) -> None:
        """After the cast's commit: the hall is told to confirm (settled later if it cannot be), at
        once, or with confirm_after_receipt from a thread while the voter's receipt shows."""
        self.on_step(STEP_HELD)
        if not self.confirm_after_receipt:
            self._settle_one(cast_id)
            return
        # Not a daemon: a booth shutting down sends the confirm first (bounded by the client's
        # time-outs); a booth killed leaves the HELD row to the next start.
        thread = threading.Thread(target=self._confirm_quietly, args=(cast_id,), name="hall-confirm")
        thread.start()
        self._confirming = [t for t in self._confirming if t.is_alive()] + [thread]

    def wait_confirmed(self, timeout: float | None = None) -> None:
        """Until every confirm sent after a receipt has its answer (or gave up)."""
        for thread in list(self._confirming):
            thread.join(timeout)

    def _confirm_quietly(self, cast_id: CastId) -> None:
        try:
            self._settle_one(cast_id)
        except StorageError as exc:  # the row stays HELD: settled at the next call or start
            log.warning("hall confirm after the receipt: %s", exc)

    def release(self, cast_id: CastId) -> None:
        """The local commit failed (nothing stored here): the hall's reservation is aborted."""
        self._settle_one(cast_id)

    def settle(self) -> int:
        """Finishes every unfinished cast this booth knows of; returns how many are still open."""
        self._settle_all()
        return self.unsettled()

    def _settle_all(self) -> bool:
        """False when the hall stopped answering (the rest waits for the next try)."""
        with self.box.read() as c:
            open_ids = [CastId(i) for i in c.execute(select(hall_journal.c.cast_id)).scalars()]
        # all() stops at the first cast the hall did not answer
        return all(self._settle_one(cast_id) is not HallAnswer.UNREACHABLE for cast_id in open_ids)

    def unsettled(self) -> int:
        with self.box.read() as c:
            return len(c.execute(select(hall_journal.c.cast_id)).all())

    def _settle_one(self, cast_id: CastId) -> HallAnswer:
        """The hall's answer: CONFIRMED or ABORTED when the cast is settled (its row gone)."""
        with self._settling:
            return self._settle_one_now(cast_id)

    def _settle_one_now(self, cast_id: CastId) -> HallAnswer:
        with self.box.read() as c:
            row = c.execute(select(hall_journal).where(hall_journal.c.cast_id == cast_id)).first()
        if row is None:
            return HallAnswer.ABORTED  # settled already (by another call)
        if row.state == HallCastState.HELD:
            answer = self.hall.confirm(cast_id, row.voter_id, row.session_id)
            done = answer is HallAnswer.CONFIRMED
            if answer is HallAnswer.RELEASED and row.ballot_code is not None:
                self._void(cast_id, row.ballot_code, row.voter_id, row.session_id)
                self.on_step(STEP_SETTLED)
                return answer
        else:
            answer = self.hall.abort(cast_id)
            done = answer is HallAnswer.ABORTED
        if done:
            self._forget(cast_id)
            self.on_step(STEP_SETTLED)
        return answer

    def _void(self, cast_id: CastId, ballot_code: str, voter_id: VoterId, session_id: SessionId) -> None:
        """Durably, in one transaction: the released cast's ballot and mark voided, its row gone."""
        with self.box.transaction() as c:
            void_ballot(self.box, c, ballot_code, voter_id, session_id)
            c.execute(hall_journal.delete().where(hall_journal.c.cast_id == cast_id))

    def _forget(self, cast_id: CastId) -> None:
        """Deletes a settled cast's row without waiting for the disk: if a power cut undoes the
        delete, the row comes back in its state and is settled again (every call is idempotent)."""
        raw = self.box.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA synchronous=NORMAL")  # this one commit only: no fsync in WAL mode
            try:
                cursor.execute("DELETE FROM hall_journal WHERE cast_id = ?", (cast_id,))
            finally:
                cursor.execute("PRAGMA synchronous=FULL")  # the pool's next user commits durably again
                cursor.close()
        except sqlite3.Error as exc:
            raise StorageError(str(exc)) from None
        finally:
            raw.close()


def _add_ballot_code(box: BallotBox) -> None:
    """A journal written by a booth of an earlier version has no ballot_code column: it gets one
    (its HELD rows name no ballot, and are confirmed as before)."""
    columns = {c["name"] for c in inspect(box.engine).get_columns(hall_journal.name)}
    if hall_journal.c.ballot_code.name not in columns:
        with box.transaction() as c:
            c.exec_driver_sql("ALTER TABLE hall_journal ADD COLUMN ballot_code VARCHAR")


def forget_ballot_links(box: BallotBox, session_id: str | None = None) -> None:
    """Before a close rebuilds the database: no journal row names a ballot of that session (of any
    session for None) any more. A cast the hall released after this is no longer voided here: the
    import then refuses the file that holds it (README, the hall's release)."""
    if not inspect(box.engine).has_table(hall_journal.name):
        return  # never joined a hall
    with box.transaction() as c:
        unlink = update(hall_journal).where(hall_journal.c.ballot_code.is_not(None))
        if session_id is not None:
            unlink = unlink.where(hall_journal.c.session_id == session_id)
        c.execute(unlink.values(ballot_code=None))
