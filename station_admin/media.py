"""Finding the sealed ballot files on the media officials bring back from the booths.

A MEDIA argument is a mounted stick (a folder: its sealed files at the top level) or one file. Only
regular files are read: a symlink or a device on hostile media could point at a secret of this
computer or at an endless stream (/dev/zero), so it is refused before anything is opened.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kiosk.ballot.sealed_file import SUFFIX, Refusal


@dataclass(frozen=True)
class Found:
    path: Path
    refusal: str = ""  # empty for a file worth reading


def find_sealed_files(media: list[Path]) -> list[Found]:
    found: list[Found] = []
    for item in media:
        try:
            mode = item.lstat().st_mode
        except OSError as exc:
            found.append(Found(item, f"{Refusal.TRUNCATED.value}: cannot be read ({exc.strerror})"))
            continue
        if stat.S_ISDIR(mode):
            inside = sorted(
                p for p in item.iterdir() if p.name.endswith(SUFFIX) and not p.name.startswith(".")
            )
            if not inside:
                found.append(Found(item, f"{Refusal.NOT_SEALED_FILE.value}: no *{SUFFIX} file on this media"))
            found += [_checked(p) for p in inside]
        else:
            found.append(_checked(item))
    return found


def _checked(path: Path) -> Found:
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return Found(path, f"{Refusal.TRUNCATED.value}: cannot be read ({exc.strerror})")
    if not stat.S_ISREG(mode):
        what = "a link" if stat.S_ISLNK(mode) else "not a plain file"
        return Found(path, f"{Refusal.UNSAFE.value}: it is {what}; only plain files are read from media")
    return Found(path)


def shown(path: Path) -> str:
    """A path as text anyone can print: a stick's file name need not be UTF-8 (b"\\xff" becomes
    "\\xff"), and Python keeps such bytes as surrogates that no terminal encoding takes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
