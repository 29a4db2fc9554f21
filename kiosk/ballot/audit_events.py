"""The catalog of audit events: each declared once, with what it means and the data it carries.

The ballot box checks every event's data against its entry when it is appended (an event with a
field missing or one too many is a programming error, refused before anything is written), and
the audit log's documentation (docs/audit-events.md) is generated from this one list; a test keeps
the two in agreement, and checks that every declared event is emitted somewhere. No event carries
a ballot's identity (tracking code, ciphertext) or links a voter to a ballot.

Retired, because nothing emitted them: receipt_printed and receipt_failed (the voter sees the
printer's answer; the poll worker sees the printer in device health), report_printed (a report
prints the chain head it ends, so it cannot log itself into that chain), and device_fault.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Event(StrEnum):
    STATION_SET_UP = "station_set_up"
    POLLS_OPENED = "polls_opened"
    POLLS_PAUSED = "polls_paused"
    POLLS_RESUMED = "polls_resumed"
    POLLS_CLOSED = "polls_closed"
    TRANSITION_REFUSED = "transition_refused"
    SESSION_ACTIVATED = "session_activated"
    SESSION_DEACTIVATED = "session_deactivated"
    SESSION_CLOSED = "session_closed"
    VOTER_AUTHENTICATED = "voter_authenticated"
    CODE_REFUSED = "code_refused"
    CODE_ENTRY_LOCKED = "code_entry_locked"
    CODE_ENTRY_UNLOCKED = "code_entry_unlocked"
    CODE_REISSUED = "code_reissued"
    BALLOT_CAST = "ballot_cast"
    CAST_REFUSED = "cast_refused"
    BALLOT_CHECKED = "ballot_checked"
    BALLOT_ABANDONED = "ballot_abandoned"
    BALLOT_VOIDED = "ballot_voided"
    RECEIPT_REPRINTED = "receipt_reprinted"
    POLL_WORKER_LOGIN = "poll_worker_login"
    POLL_WORKER_REFUSED = "poll_worker_refused"
    POLL_WORKER_LOGOUT = "poll_worker_logout"
    SEALED_FILE_WRITTEN = "sealed_file_written"
    SEALED_FILE_FAILED = "sealed_file_failed"
    CLOCK_JUMP = "clock_jump"
    ADDENDUM_TAKEN_IN = "addendum_taken_in"
    ADDENDUM_REFUSED = "addendum_refused"
    DELEGATION_REFUSED = "delegation_refused"
    WEIGHTING_REFUSED = "weighting_refused"


@dataclass(frozen=True)
class EventInfo:
    meaning: str
    data: Mapping[str, str]  # each field the event carries, and what it holds


CATALOG: dict[Event, EventInfo] = {
    Event.STATION_SET_UP: EventInfo(
        "the booth was set up from an election package; a poll worker's card certified its new key", {
            "election": "the election's id", "fingerprint": "the election package's fingerprint",
            "station": "this booth's id, from its provisioning", "mode": "official or test",
            "booth_key": "the booth's new public key", "by": "the poll worker whose card certified it",
            "voters": "'station': its own roll; 'hall': every delegate (a booth of a hall)"}),
    Event.POLLS_OPENED: EventInfo("polls opened; voters may vote in active sessions", {
        "mode": "official or test", "by": "the poll worker"}),
    Event.POLLS_PAUSED: EventInfo("polls paused; no vote can start or be cast", {
        "by": "the poll worker"}),
    Event.POLLS_RESUMED: EventInfo("polls resumed after a pause", {"by": "the poll worker"}),
    Event.POLLS_CLOSED: EventInfo("polls closed for good; no ballot can be cast", {
        "ballots": "ballots stored on this booth", "by": "the poll worker"}),
    Event.TRANSITION_REFUSED: EventInfo("a polls change was refused from the current state", {
        "state": "the polls' state", "action": "the change asked for", "reason": "why it was refused"}),
    Event.SESSION_ACTIVATED: EventInfo("a voting session was opened for voting", {
        "session": "the session's id", "by": "the poll worker"}),
    Event.SESSION_DEACTIVATED: EventInfo("a voting session stopped accepting votes", {
        "session": "the session's id", "by": "the poll worker"}),
    Event.SESSION_CLOSED: EventInfo(
        "a voting session was closed for good (the hall's desk or a poll worker); its ballots sealed", {
            "session": "the session's id", "by": "the poll worker, or 'hall' for the officials' desk",
            "ballots": "that session's ballots stored on this booth"}),
    Event.VOTER_AUTHENTICATED: EventInfo("a voter was let in (who is not recorded)", {
        "method": "code or card"}),
    Event.CODE_REFUSED: EventInfo("a voting code or voter card was refused", {
        "reason": "mistyped, unknown, used or unknown_card"}),
    Event.CODE_ENTRY_LOCKED: EventInfo("code entry locked after repeated failures", {
        "failures": "wrong codes in a row", "seconds": "how long the lock lasts"}),
    Event.CODE_ENTRY_UNLOCKED: EventInfo("a poll worker cleared the code-entry lock", {
        "by": "the poll worker"}),
    Event.CODE_REISSUED: EventInfo("a voter's code was replaced; the old one stopped working", {
        "voter": "the voter's id", "by": "the poll worker"}),
    Event.BALLOT_CAST: EventInfo("a ballot was cast in a session (never which ballot)", {
        "session": "the session's id"}),
    Event.CAST_REFUSED: EventInfo("a cast was refused; nothing was stored", {
        "session": "the session's id", "reason": "why it was refused"}),
    Event.BALLOT_CHECKED: EventInfo(
        "a sealed ballot was checked (opened, never counted); the voter votes again, no mark", {
            "session": "the session's id"}),
    Event.BALLOT_ABANDONED: EventInfo(
        "a sealed ballot was neither cast nor checked (walk-away, time-out, printer fault); forgotten", {
            "session": "the session's id"}),
    Event.BALLOT_VOIDED: EventInfo(
        "a cast officials released at the hall (the delegate then voted at another booth) was voided: "
        "its ballot and mark left the counted ones (never which ballot)", {
            "session": "the session's id"}),
    Event.RECEIPT_REPRINTED: EventInfo("a poll worker reprinted the last receipt", {
        "by": "the poll worker"}),
    Event.POLL_WORKER_LOGIN: EventInfo("a poll worker logged in with card and PIN", {
        "by": "the poll worker"}),
    Event.POLL_WORKER_REFUSED: EventInfo("a poll-worker login was refused", {
        "reason": "why it was refused"}),
    Event.POLL_WORKER_LOGOUT: EventInfo("a poll worker left poll-worker mode (or was logged out)", {
        "by": "the poll worker"}),
    Event.SEALED_FILE_WRITTEN: EventInfo("the sealed ballot file was written and verified", {
        "file": "its name", "sha256": "its digest"}),
    Event.SEALED_FILE_FAILED: EventInfo("writing the sealed ballot file failed", {"reason": "why"}),
    Event.CLOCK_JUMP: EventInfo("the clock moved backwards or jumped forwards", {
        "seconds": "how far (negative: backwards)"}),
    Event.ADDENDUM_TAKEN_IN: EventInfo("a poll worker accepted an addendum of the election authority", {
        "number": "its number in the sequence", "digest": "its digest", "by": "the poll worker"}),
    Event.ADDENDUM_REFUSED: EventInfo("an addendum was refused; nothing changed", {
        "reason": "why: one of kiosk.ballot.addendum.AddendumRefusal (not_signed, skipped, ...)"}),
    Event.DELEGATION_REFUSED: EventInfo("an addendum's delegation came after the delegate voted", {
        "session": "the session's id", "delegate": "the delegate's id", "reason": "voted_first"}),
    Event.WEIGHTING_REFUSED: EventInfo(
        "an addendum was refused: it changed the weighting of a vote in which ballots were cast here", {
            "number": "the addendum's number", "session": "the session's id", "reason": "votes_cast"}),
}


class UncataloguedEvent(ValueError):
    """An event's data does not match its catalog entry: a programming error, nothing is written."""


def check_event(kind: Event, data: Mapping[str, Any]) -> None:
    declared = set(CATALOG[kind].data)
    if set(data) != declared:
        raise UncataloguedEvent(
            f"{kind.value} carries {sorted(data)}, the catalog declares {sorted(declared)}"
        )


def catalog_markdown() -> str:
    """docs/audit-events.md, generated from the catalog (tests/ballot/test_audit_events.py)."""
    lines = [
        "# Audit events",
        "",
        "Generated from `kiosk/ballot/audit_events.py` by `python -m kiosk.ballot.audit_events`; a test",
        "fails when the two differ. Every entry of a booth's audit log is one of these, with exactly",
        "these data fields. No event carries a ballot's identity or links a voter to a ballot.",
        "",
        "| event | meaning | data |",
        "| --- | --- | --- |",
    ]
    for kind, info in CATALOG.items():
        data = "; ".join(f"`{name}`: {what}" for name, what in info.data.items())
        lines.append(f"| `{kind.value}` | {info.meaning} | {data} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(catalog_markdown(), end="")


def serves_the_hall(entries: Iterable[Any]) -> bool:
    """Whether a booth's log says it was set up for a hall (`voters: hall`): it then lets in every
    delegate, not its own roll only, and a sealed file's marks are checked against the whole roll
    (a mark two booths' files hold is still a double vote at the import)."""
    return any(e.event == Event.STATION_SET_UP and e.data.get("voters") == "hall" for e in entries)
