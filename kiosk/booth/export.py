"""Writing the sealed ballot file out: checked as an import will check it, and every write logged."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.booth.sealing import CloseSnapshot, ExportError, ExportRefusal, read_back, seal
from kiosk.devices.atomic_write import write_verified
from kiosk.devices.media import WriteStatus

# What the audit log records when the stick did not take the sealed file (the screen says it from
# the WriteStatus, in the poll worker's language).
MEDIA_PROBLEMS: dict[WriteStatus, str] = {
    WriteStatus.NO_MEDIA: "no USB stick is inserted",
    WriteStatus.PULLED: "the stick was pulled out during the write; insert another",
    WriteStatus.FULL: "the stick is full; insert another",
    WriteStatus.READ_ONLY: "the stick is write-protected; insert another",
    WriteStatus.VERIFY_FAILED: "the stick gave back other bytes than were written; insert another",
}


class Exporter:
    def __init__(self, box: BallotBox, snapshot: Callable[[], CloseSnapshot]) -> None:
        self.box, self._snapshot = box, snapshot  # the snapshot raises ExportError before closing

    def sealed_file(self) -> tuple[str, bytes]:
        """The sealed ballot file's name and bytes; the same bytes for every copy."""
        return seal(self._snapshot())

    def for_media(self) -> tuple[str, bytes]:
        """The sealed file's name and bytes, checked as an import will check them before any is written."""
        snapshot = self._snapshot()
        name, data = seal(snapshot)
        try:
            read_back(data, snapshot.package)
        except Exception as exc:  # a file the booth itself cannot read back must never reach a stick
            self.failed(str(exc))
            detail = f"the sealed ballot file does not verify: {exc}"
            raise ExportError(detail, ExportRefusal.DOES_NOT_VERIFY) from exc
        return name, data

    def to_folder(self, directory: Path) -> Path:
        """Writes the sealed file into a folder (a mounted stick, or the simulator's), then reads it back."""
        snapshot = self._snapshot()
        name, data = seal(snapshot)
        path = directory / name
        written = write_verified(directory, name, data)
        if not written.ok:
            self.stick_failed(written.status)
            reason = MEDIA_PROBLEMS.get(written.status, written.status.value)
            raise ExportError(f"the sealed ballot file could not be written: {reason}")
        try:
            read_back(path.read_bytes(), snapshot.package)
        except Exception as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.failed(reason)
            raise ExportError(f"the sealed ballot file could not be read back: {reason}") from exc
        self.written(name, data)
        return path

    def written(self, name: str, data: bytes) -> None:
        self.box.log(Event.SEALED_FILE_WRITTEN, {"file": name, "sha256": hashlib.sha256(data).hexdigest()})

    def stick_failed(self, status: WriteStatus) -> None:
        """The stick did not take the file: logged with what the poll worker was told to do."""
        self.failed(MEDIA_PROBLEMS.get(status, status.value))

    def failed(self, reason: str) -> None:
        self.box.log(Event.SEALED_FILE_FAILED, {"reason": reason})
