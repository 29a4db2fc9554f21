"""Passphrases as officials give them: typed at the terminal (never echoed, asked twice when new),
or, for scripts and tests, one file per person.

A file holds one passphrase only (its first line): one file with everyone's passphrases would put
every share within reach of whoever reads it.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.ballot.shares import MIN_PASSPHRASE_LENGTH

NEW_PASSPHRASE_TRIES = 3  # a typing slip gets two more chances before the command gives up


class PassphraseError(ValueError):
    pass


def from_file(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PassphraseError(f"cannot read the passphrase file {path}: {exc}") from None
    if not lines or not lines[0]:
        raise PassphraseError(f"{path} holds no passphrase on its first line")
    return lines[0]


def _terminal(what: str, option: str) -> None:
    if not sys.stdin.isatty():
        raise PassphraseError(f"no terminal to ask {what} on; give {option}")


def ask(label: str, option: str) -> str:
    """An existing passphrase, typed without echo."""
    _terminal(label, option)
    return getpass.getpass(f"{label} (not shown): ")


def ask_new(label: str, option: str) -> str:
    """A new passphrase, typed twice without echo; too short or mismatched ones are asked again."""
    _terminal(label, option)
    for _ in range(NEW_PASSPHRASE_TRIES):
        first = getpass.getpass(f"{label} (new, not shown): ")
        if len(first) < MIN_PASSPHRASE_LENGTH:
            print(f"Too short: at least {MIN_PASSPHRASE_LENGTH} characters.", file=sys.stderr)
            continue
        if getpass.getpass(f"{label} again: ") == first:
            return first
        print("The two passphrases differ; type it again.", file=sys.stderr)
    raise PassphraseError(f"{label}: no matching passphrase after {NEW_PASSPHRASE_TRIES} tries")


def ask_line(label: str, option: str) -> str:
    """A visible answer on the terminal (where to write a share)."""
    _terminal(label, option)
    answer = input(f"{label}: ").strip()
    if not answer:
        raise PassphraseError(f"{label}: no answer given")
    return answer


AUTHORITY_OPTION = "--authority-passphrase-file"


def authority_unlocker(path: Path | None) -> Callable[[], str]:
    """Gives the authority passphrase only when a command is about to sign, asking once."""
    given: list[str] = []

    def unlock() -> str:
        if not given and path is None:
            given.append(ask("Authority passphrase", AUTHORITY_OPTION))
        elif not given and path is not None:
            given.append(from_file(path))
        return given[0]

    return unlock
