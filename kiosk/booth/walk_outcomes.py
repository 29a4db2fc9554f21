"""What a print gave, as the walk and its screens know it."""

from __future__ import annotations

from enum import StrEnum


class PrintOutcome(StrEnum):
    """What a print gave (receipt, report, code slip); the screen tells the person in their language."""

    PRINTED = "printed"
    PAPER_OUT = "paper_out"
    FAILED = "failed"
    NO_PRINTER = "no_printer"
