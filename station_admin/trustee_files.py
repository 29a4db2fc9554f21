"""What every trustee step shares: reading the sticks' files, writing ours, opening the key file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kiosk.ballot.crypto.trustee_vault import ShareFile, StateFile, VaultError, read_key_file


class TrusteeError(ValueError):
    """What a trustee reads when a step cannot go ahead; nothing was written."""


def read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TrusteeError(f"cannot read {path}: {exc.strerror}") from None


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def found(folders: Sequence[Path], pattern: str) -> dict[str, bytes]:
    """Files matching pattern in any folder, by name; the same name with other bytes is refused."""
    files: dict[str, bytes] = {}
    for folder in folders:
        for path in sorted(folder.glob(pattern)):
            data = read(path)
            if files.setdefault(path.name, data) != data:
                raise TrusteeError(f"two different files are named {path.name}: keep one")
    return files


def key_file(key_path: Path) -> StateFile | ShareFile:
    try:
        return read_key_file(key_path)
    except VaultError as exc:
        raise TrusteeError(str(exc)) from None
