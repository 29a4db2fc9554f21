"""Writing a file to removable media so that it is either complete and verified, or absent."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from pathlib import Path

from kiosk.devices.media import WriteResult, WriteStatus

# The temporary name starts with a dot and ends in .partial: no reader takes it for a sealed file.
PARTIAL_SUFFIX = ".partial"
_STATUS_BY_ERRNO = {
    errno.ENOSPC: WriteStatus.FULL,
    errno.EDQUOT: WriteStatus.FULL,
    errno.EROFS: WriteStatus.READ_ONLY,
    errno.EACCES: WriteStatus.READ_ONLY,
}


def partial_name(name: str) -> str:
    return f".{name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}"


def write_verified(folder: Path, name: str, data: bytes) -> WriteResult:
    """Temp file, fsync, rename over the name, fsync the folder, read back and compare hashes."""
    temporary = folder / partial_name(name)
    try:
        with temporary.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, folder / name)
        _fsync_folder(folder)
        written = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    except OSError as exc:
        _discard(temporary)
        return WriteResult(_STATUS_BY_ERRNO.get(exc.errno or 0, WriteStatus.PULLED))
    if written != hashlib.sha256(data).hexdigest():
        return WriteResult(WriteStatus.VERIFY_FAILED)
    return WriteResult(WriteStatus.OK, written)


def _fsync_folder(folder: Path) -> None:
    # The rename is only durable once the directory entry itself is on the stick.
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _discard(temporary: Path) -> None:
    with contextlib.suppress(OSError):  # stick gone: the partial name already says it is incomplete
        temporary.unlink(missing_ok=True)
