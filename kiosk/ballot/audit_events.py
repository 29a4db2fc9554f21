"""The catalog of audit events: each declared once, with what it means and the data it carries.

The audit log, the reports and the docs are built from this one list. No event carries a ballot's
identity (tracking code, ciphertext) or links a voter to a ballot.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Event(StrEnum):
    STATION_SET_UP = "station_set_up"
    POLLS_OPENED = "polls_opened"
    POLLS_PAUSED = "polls_paused"
    POLLS_RESUMED = "polls_resumed"
    POLLS_CLOSED = "polls_closed"
    TRANSITION_REFUSED = "transition_refused"
    SESSION_ACTIVATED = "session_activated"
    SESSION_DEACTIVATED = "session_deactivated"
    VOTER_AUTHENTICATED = "voter_authenticated"
    CODE_REFUSED = "code_refused"
    CODE_ENTRY_LOCKED = "code_entry_locked"
    CODE_ENTRY_UNLOCKED = "code_entry_unlocked"
    CODE_REISSUED = "code_reissued"
    BALLOT_CAST = "ballot_cast"
    CAST_REFUSED = "cast_refused"
    RECEIPT_PRINTED = "receipt_printed"
    RECEIPT_FAILED = "receipt_failed"
    RECEIPT_REPRINTED = "receipt_reprinted"
    REPORT_PRINTED = "report_printed"
    POLL_WORKER_LOGIN = "poll_worker_login"
    POLL_WORKER_REFUSED = "poll_worker_refused"
    POLL_WORKER_LOGOUT = "poll_worker_logout"
    SEALED_FILE_WRITTEN = "sealed_file_written"
    SEALED_FILE_FAILED = "sealed_file_failed"
    CLOCK_JUMP = "clock_jump"
    DEVICE_FAULT = "device_fault"


@dataclass(frozen=True)
class EventInfo:
    meaning: str
    data: tuple[str, ...]


CATALOG: dict[Event, EventInfo] = {
    Event.STATION_SET_UP: EventInfo(
        "the booth was set up from an election package; a poll worker's card certified its new key",
        ("election", "fingerprint", "station", "mode", "booth_key", "by"),
    ),
    Event.POLLS_OPENED: EventInfo("polls opened; voters may vote in active sessions", ("mode",)),
    Event.POLLS_PAUSED: EventInfo("polls paused; no vote can start or be cast", ()),
    Event.POLLS_RESUMED: EventInfo("polls resumed after a pause", ()),
    Event.POLLS_CLOSED: EventInfo("polls closed for good; no ballot can be cast", ("ballots",)),
    Event.TRANSITION_REFUSED: EventInfo(
        "a polls change was refused from the current state", ("state", "action")
    ),
    Event.SESSION_ACTIVATED: EventInfo("a voting session was opened for voting", ("session",)),
    Event.SESSION_DEACTIVATED: EventInfo("a voting session stopped accepting votes", ("session",)),
    Event.VOTER_AUTHENTICATED: EventInfo("a voter was let in (who is not recorded)", ("method",)),
    Event.CODE_REFUSED: EventInfo("a voting code was refused", ("reason",)),
    Event.CODE_ENTRY_LOCKED: EventInfo("code entry locked after repeated failures", ("failures", "seconds")),
    Event.CODE_ENTRY_UNLOCKED: EventInfo("a poll worker cleared the code-entry lock", ("by",)),
    Event.CODE_REISSUED: EventInfo(
        "a voter's code was replaced; the old one stopped working", ("voter", "by")
    ),
    Event.BALLOT_CAST: EventInfo("a ballot was cast in a session (never which ballot)", ("session",)),
    Event.CAST_REFUSED: EventInfo("a cast was refused", ("session", "reason")),
    Event.RECEIPT_PRINTED: EventInfo("a receipt was printed", ()),
    Event.RECEIPT_FAILED: EventInfo("a receipt could not be printed", ("reason",)),
    Event.RECEIPT_REPRINTED: EventInfo("a poll worker reprinted the last receipt", ("by",)),
    Event.REPORT_PRINTED: EventInfo("a zero or closing report was printed", ("kind",)),
    Event.POLL_WORKER_LOGIN: EventInfo("a poll worker logged in with card and PIN", ("by",)),
    Event.POLL_WORKER_REFUSED: EventInfo("a poll-worker login was refused", ("reason",)),
    Event.POLL_WORKER_LOGOUT: EventInfo("a poll worker left poll-worker mode", ("by",)),
    Event.SEALED_FILE_WRITTEN: EventInfo(
        "the sealed ballot file was written and verified", ("file", "sha256")
    ),
    Event.SEALED_FILE_FAILED: EventInfo("writing the sealed ballot file failed", ("reason",)),
    Event.CLOCK_JUMP: EventInfo("the clock moved backwards or jumped forwards", ("seconds",)),
    Event.DEVICE_FAULT: EventInfo("a device reported a fault", ("device", "fault")),
}
