"""Why a sealed ballot file is refused: the reasons officials read, shared by both versions.

Each refusal names what is wrong (a reason from this list, then a detail); a string quoted from a
hostile file is escaped and cut short.
"""

from __future__ import annotations

from enum import StrEnum

_SHOWN = 64  # characters of a hostile string quoted in a refusal: enough to recognise, never a flood


class Refusal(StrEnum):
    NOT_SEALED_FILE = "not a sealed ballot file"
    UNSAFE = "unsafe archive"
    TRUNCATED = "truncated or damaged"
    TAMPERED = "altered after sealing"
    OTHER_ELECTION = "from another election"
    UNCERTIFIED_BOOTH = "booth not certified by the election authority"
    INCONSISTENT = "counts do not match"
    WRONG_MODE = "wrong mode"
    ALREADY_IMPORTED = "already imported"
    SECOND_BOOTH_KEY = "a second booth key for this station"
    NOT_SERVED = "a voter of another booth"
    DOUBLE_VOTE = "a voter who already voted"
    AUDIT_MISMATCH = "the audit log does not match the ballots"
    QUARANTINED = "quarantined"
    ADDENDA_MISMATCH = "not the addenda officials issued"
    INVALID_BALLOT = "a ballot or its proof is not valid"
    CHECK_FAILED = "a checked ballot does not open to its code"
    OLD_FORMAT = "a sealed file of another version"


class SealedFileError(ValueError):
    def __init__(self, refusal: Refusal, detail: str) -> None:
        super().__init__(f"{refusal.value}: {detail}")
        self.refusal = refusal
        self.detail = detail


def shown(text: str) -> str:
    """A string from the file, quoted for a refusal: escaped, and cut short."""
    quoted = ascii(text)
    return quoted if len(quoted) <= _SHOWN else quoted[: _SHOWN - 1] + "…"
