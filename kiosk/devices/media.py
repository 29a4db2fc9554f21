"""USB media: what the booth needs from a stick, and the results a poll worker is shown.

Read-only to read an election package; read-write only to write a sealed file, which is written
atomically and read back, so a stick pulled mid-write never holds a file that looks complete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class MediaEventKind(StrEnum):
    INSERTED = "inserted"
    REMOVED = "removed"


@dataclass(frozen=True)
class MediaEvent:
    kind: MediaEventKind
    device: str  # the block device, e.g. /dev/sdb1


MediaListener = Callable[[MediaEvent], None]


class WriteStatus(StrEnum):
    OK = "ok"
    NO_MEDIA = "no_media"
    PULLED = "pulled"  # the stick went away mid-write: insert another
    FULL = "full"
    READ_ONLY = "read_only"  # write-protect switch, or a stick the booth may not write
    VERIFY_FAILED = "verify_failed"  # read back differs: a failing stick


MESSAGE_KEYS: dict[WriteStatus, str] = {
    WriteStatus.OK: "media.written",
    WriteStatus.NO_MEDIA: "media.insert_stick",
    WriteStatus.PULLED: "media.pulled.insert_another",
    WriteStatus.FULL: "media.full.insert_another",
    WriteStatus.READ_ONLY: "media.read_only.insert_another",
    WriteStatus.VERIFY_FAILED: "media.verify_failed.insert_another",
}


@dataclass(frozen=True)
class WriteResult:
    status: WriteStatus
    sha256: str | None = None  # of the bytes read back, when written

    @property
    def ok(self) -> bool:
        return self.status is WriteStatus.OK

    @property
    def message_key(self) -> str:
        return MESSAGE_KEYS[self.status]


class Media(Protocol):
    def present(self) -> bool: ...

    def read_file(self, name: str) -> bytes | None:
        """The file's bytes from the stick mounted read-only; None if the stick or file is missing."""

    def write_file(self, name: str, data: bytes) -> WriteResult:
        """Write, fsync, rename, fsync the folder, read back and compare."""

    def free_bytes(self) -> int | None: ...


class MediaWatch(Protocol):
    def start(self, listener: MediaListener) -> None: ...

    def stop(self) -> None: ...
