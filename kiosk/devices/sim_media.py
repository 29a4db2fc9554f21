"""The simulated USB stick: a folder, with switches for a missing, full, locked or pulled stick."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.devices.atomic_write import partial_name
from kiosk.devices.media import MediaEvent, MediaEventKind, MediaListener, WriteResult, WriteStatus
from kiosk.devices.mounted_media import FolderMedia


@dataclass
class MediaFaults:
    absent: bool = False
    full: bool = False
    read_only: bool = False
    pulled_after_bytes: int | None = None  # the stick leaves part-way through the next write


@dataclass
class SimMedia:
    folder: Path
    faults: MediaFaults = field(default_factory=MediaFaults)
    listeners: list[MediaListener] = field(default_factory=list)

    def present(self) -> bool:
        return not self.faults.absent and self.folder.is_dir()

    def start(self, listener: MediaListener) -> None:
        self.listeners.append(listener)

    def stop(self) -> None:
        self.listeners.clear()

    def insert(self) -> None:
        self.faults.absent = False
        self._tell(MediaEventKind.INSERTED)

    def pull(self) -> None:
        self.faults.absent = True
        self._tell(MediaEventKind.REMOVED)

    def _tell(self, kind: MediaEventKind) -> None:
        for listener in self.listeners:
            listener(MediaEvent(kind, "sim"))

    def read_file(self, name: str) -> bytes | None:
        return FolderMedia(self.folder).read_file(name) if self.present() else None

    def write_file(self, name: str, data: bytes) -> WriteResult:
        if not self.present():
            return WriteResult(WriteStatus.NO_MEDIA)
        if self.faults.read_only:
            return WriteResult(WriteStatus.READ_ONLY)
        if self.faults.full:
            return WriteResult(WriteStatus.FULL)
        cut = self.faults.pulled_after_bytes
        if cut is not None:
            # What a pulled stick keeps: the start of the temporary file, never the final name.
            (self.folder / partial_name(name)).write_bytes(data[:cut])
            self.faults.pulled_after_bytes = None
            self.pull()
            return WriteResult(WriteStatus.PULLED)
        return FolderMedia(self.folder).write_file(name, data)

    def free_bytes(self) -> int | None:
        if not self.present():
            return None
        return 0 if self.faults.full else FolderMedia(self.folder).free_bytes()
