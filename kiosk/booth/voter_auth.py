"""Authentication of a voter by voting code, with the check character, the look-up and the lock."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.ballot.codes import check_code
from kiosk.ballot.ids import VoterId


class CodeRefusal(StrEnum):
    MISTYPED = "mistyped"  # the check symbols do not match: a typing mistake, caught before look-up
    UNKNOWN = "unknown"  # well-formed but not a code of this booth (or replaced by a reissue)
    USED = "used"  # the voter has voted in every session open to them
    # an adviser (no vote of their own) holding no delegate's vote now: "already voted" would be false
    NO_DELEGATION = "no_delegation"
    LOCKED = "locked"  # too many failures in a row; see a poll worker
    NOT_OPEN = "not_open"  # polls are not open (or paused)
    HALL_UNREACHABLE = "hall_unreachable"  # the hall holds who voted: go to another booth


@dataclass(frozen=True)
class Authenticated:
    voter_id: VoterId


@dataclass(frozen=True)
class CodeRefused:
    reason: CodeRefusal
    groups_to_check: tuple[int, ...] = ()
    wrong_length: bool = False
    locked_seconds: int = 0
    failures_left: int = 0  # before the booth locks


AuthOutcome = Authenticated | CodeRefused


def typed_code_problem(text: str) -> CodeRefused | None:
    """The check done before any look-up: None when the code is well-formed."""
    checked = check_code(text)
    if checked.valid:
        return None
    return CodeRefused(
        CodeRefusal.MISTYPED, groups_to_check=checked.groups_to_check, wrong_length=checked.wrong_length
    )
