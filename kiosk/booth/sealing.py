"""Sealing the booth's ballots at closing: a pure function of what the close left in storage.

The station hands over a CloseSnapshot (kiosk.booth.station.Station.close_snapshot); the same
snapshot always gives the same name and bytes, so every copy written to a stick is identical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from kiosk.ballot.audit import AuditEntry
from kiosk.ballot.audit_events import Event
from kiosk.ballot.booth_certificate import BoothKeyCertificate
from kiosk.ballot.e2e_ballot import ElectionKey, EncryptedBallot
from kiosk.ballot.e2e_record import CheckedBallot, ballot_from_json, checked_from_json
from kiosk.ballot.ids import SessionId, StationId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import BoothSeal, build_sealed_e2e_bytes, parse_sealed_e2e
from kiosk.ballot.sealed_file import SUFFIX, build_sealed_bytes, parse_sealed_bytes
from kiosk.ballot.times import iso
from kiosk.ballot.values import Mode


class ExportRefusal(StrEnum):
    """Why no sealed file was written; the poll worker's screen says it in their language. A stick
    that did not take the file says why with its own WriteStatus."""

    NOT_CLOSED = "not_closed"
    DOES_NOT_VERIFY = "does_not_verify"  # the booth cannot read its own file back: never written
    WRITE_FAILED = "write_failed"
    NO_CLOSING = "no_closing"  # the audit log has no closing event


class ExportError(RuntimeError):
    """The sealed file could not be written or did not read back; reason says why, the message
    (English) is for the log."""

    def __init__(self, message: str, reason: ExportRefusal = ExportRefusal.WRITE_FAILED) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class CloseSnapshot:
    """Everything a sealed file holds, read from a closed booth."""

    package: ElectionPackage
    certificate: BoothKeyCertificate  # the booth's key, certified by a poll worker's card at set-up
    booth_key: str = field(repr=False)  # its private half (hex), read from the booth's data folder
    mode: Mode
    opened_at: datetime
    closed_at: datetime
    counts: dict[SessionId, tuple[int, int]]  # per session of the election: (ballots, marks)
    ballots: list[tuple[str, SessionId, bytes]]  # (tracking code, session, ciphertext), sorted
    marks: list[tuple[SessionId, VoterId]]  # (session, voter), sorted
    audit: list[AuditEntry]  # the whole log; the file keeps it up to the closing
    addenda: tuple[tuple[int, str], ...] = ()  # (number, digest) of each addendum taken in, in order
    checked: list[tuple[str, SessionId, bytes]] = field(default_factory=list)  # (code, session, line), sorted
    # a session file's session (kiosk/booth/session_close.py); None: the day's
    session: SessionId | None = None

    @property
    def station(self) -> StationId:
        return self.certificate.body.station


def seal(snapshot: CloseSnapshot) -> tuple[str, bytes]:
    """The sealed ballot file's name and bytes: version 2 when the booth sealed end-to-end ballots."""
    audit = _up_to_closing(snapshot.audit, snapshot.session)
    stamp = iso(snapshot.closed_at).replace("-", "").replace(":", "")
    which = f"-{snapshot.session}" if snapshot.session else ""
    name = f"{snapshot.station}-{snapshot.mode}{which}-{stamp}{SUFFIX}"
    election = snapshot.package.election_key
    if election is not None:
        return name, _seal_e2e(snapshot, election, audit)
    manifest = {
        "election_id": snapshot.package.election_id,
        "election_fingerprint": snapshot.package.fingerprint,
        "station": snapshot.station,
        "certificate": snapshot.certificate.model_dump(),
        "mode": snapshot.mode,
        "opened_at": iso(snapshot.opened_at),
        "closed_at": iso(snapshot.closed_at),
        "sessions": [{"id": s, "ballots": b, "marks": m} for s, (b, m) in snapshot.counts.items()],
        "audit_head": audit[-1].hash,
        "addenda": [{"number": n, "digest": d} for n, d in snapshot.addenda],
    }
    if snapshot.session is not None:
        manifest["session"] = snapshot.session
    return name, build_sealed_bytes(manifest, snapshot.ballots, snapshot.marks, audit, snapshot.booth_key)


def _seal_e2e(snapshot: CloseSnapshot, election: ElectionKey, audit: list[AuditEntry]) -> bytes:
    """Version 2 (kiosk/ballot/sealed_e2e.py): the stored record lines, read back as typed ballots."""
    definition, station = snapshot.package.definition, snapshot.station
    ballots: list[EncryptedBallot] = [
        ballot_from_json(json.loads(line), session, station) for _, session, line in snapshot.ballots
    ]
    checked: list[CheckedBallot] = [
        checked_from_json(json.loads(line), definition.session(session), station)
        for _, session, line in snapshot.checked
    ]
    booth = BoothSeal(snapshot.package, election, snapshot.certificate, snapshot.booth_key, snapshot.mode,
                      snapshot.opened_at, snapshot.closed_at, snapshot.addenda, snapshot.session)  # fmt: skip
    return build_sealed_e2e_bytes(booth, ballots, checked, snapshot.marks, audit)


def read_back(data: bytes, package: ElectionPackage) -> None:
    """Reads a sealed file as the import will, of the version this booth writes; raises if it fails."""
    if package.election_key is not None:
        parse_sealed_e2e(data, package, package.election_key)
    else:
        parse_sealed_bytes(data, package)


def _up_to_closing(entries: list[AuditEntry], session: SessionId | None = None) -> list[AuditEntry]:
    """The sealed file holds the log up to the closing (of the polls, or of its one session), so
    every copy written later is identical."""
    for index, entry in enumerate(entries):
        if session is None and entry.event == Event.POLLS_CLOSED.value:
            return entries[: index + 1]
        closes_it = entry.event == Event.SESSION_CLOSED.value and entry.data.get("session") == session
        if session is not None and closes_it:
            return entries[: index + 1]
    raise ExportError("the audit log has no closing event", ExportRefusal.NO_CLOSING)
