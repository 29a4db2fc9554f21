"""Sealing the booth's ballots at closing and writing them to USB media."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.ballot.audit import AuditEntry
from kiosk.ballot.audit_events import Event
from kiosk.ballot.sealed_file import SUFFIX, build_sealed_bytes, parse_sealed_bytes, write_atomically
from kiosk.polls import PollsState

if TYPE_CHECKING:
    from kiosk.station import Station


class ExportError(RuntimeError):
    """The sealed file could not be written or did not read back; the message is for the poll worker."""


def sealed_file_of(station: Station) -> tuple[str, bytes]:
    if station.state is not PollsState.CLOSED:
        raise ExportError("close the polls before exporting the sealed ballot file")
    package = station.package
    assert package is not None  # a closed booth was set up
    certificate, booth_key = station.booth_key()
    audit = _up_to_closing(station.box.audit_entries())
    closed = str(station.setting("closed_at", ""))
    manifest = {
        "election_id": package.election_id,
        "election_fingerprint": package.fingerprint,
        "station": station.station_id,
        "certificate": certificate.model_dump(),
        "mode": station.mode,
        "opened_at": str(station.setting("opened_at", "")),
        "closed_at": closed,
        "sessions": [{"id": s, "ballots": b, "marks": m} for s, (b, m) in station.counts().items()],
        "audit_head": audit[-1].hash,
    }
    data = build_sealed_bytes(
        manifest, station.box.all_ballots(), station.box.all_marks(), audit, booth_key
    )
    stamp = closed.replace("-", "").replace(":", "")
    return f"{station.station_id}-{station.mode}-{stamp}{SUFFIX}", data


def sealed_for_media(station: Station) -> tuple[str, bytes]:
    """The sealed file's name and bytes, checked as an import will check them before any is written."""
    name, data = sealed_file_of(station)
    assert station.package is not None
    try:
        parse_sealed_bytes(data, station.package)
    except Exception as exc:  # a file the booth itself cannot read back must never reach a stick
        record_export_failed(station, str(exc))
        raise ExportError(f"the sealed ballot file does not verify: {exc}") from exc
    return name, data


def record_export(station: Station, name: str, data: bytes) -> None:
    station.box.log(Event.SEALED_FILE_WRITTEN, {"file": name, "sha256": hashlib.sha256(data).hexdigest()})


def record_export_failed(station: Station, reason: str) -> None:
    station.box.log(Event.SEALED_FILE_FAILED, {"reason": reason})


def export_sealed_file(station: Station, directory: Path) -> Path:
    """Writes the sealed file into a folder (a mounted stick, or the simulator's), then reads it back."""
    name, data = sealed_file_of(station)
    assert station.package is not None
    try:
        path = write_atomically(directory, name, data)
        parse_sealed_bytes(path.read_bytes(), station.package)
    except Exception as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        record_export_failed(station, reason)
        raise ExportError(f"the sealed ballot file could not be written: {reason}") from exc
    record_export(station, name, data)
    return path


def _up_to_closing(entries: list[AuditEntry]) -> list[AuditEntry]:
    """The sealed file holds the log up to the closing, so every copy written later is identical."""
    for index, entry in enumerate(entries):
        if entry.event == Event.POLLS_CLOSED.value:
            return entries[: index + 1]
    raise ExportError("the audit log has no closing event")
