"""Receipt printer: what the booth asks of it, and the results it gets back.

Printer faults are results, not exceptions: the ballot is already cast when the receipt prints, so
the screen tells the voter to ask a poll worker, and the poll worker can reprint the last slip once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol


class PrintStatus(StrEnum):
    OK = "ok"
    NO_PRINTER = "no_printer"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    DISCONNECTED = "disconnected"  # cable pulled while printing: the slip is incomplete
    NOTHING_TO_REPRINT = "nothing_to_reprint"
    ALREADY_REPRINTED = "already_reprinted"


# Message keys the UI translates; one per status so each fault says what to do.
MESSAGE_KEYS: dict[PrintStatus, str] = {
    PrintStatus.OK: "printer.ok",
    PrintStatus.NO_PRINTER: "printer.no_printer.ask_poll_worker",
    PrintStatus.PAPER_OUT: "printer.paper_out.ask_poll_worker",
    PrintStatus.COVER_OPEN: "printer.cover_open.ask_poll_worker",
    PrintStatus.DISCONNECTED: "printer.disconnected.ask_poll_worker",
    PrintStatus.NOTHING_TO_REPRINT: "printer.reprint.nothing",
    PrintStatus.ALREADY_REPRINTED: "printer.reprint.already_done",
}


@dataclass(frozen=True)
class PrintResult:
    status: PrintStatus

    @property
    def ok(self) -> bool:
        return self.status is PrintStatus.OK

    @property
    def message_key(self) -> str:
        return MESSAGE_KEYS[self.status]


@dataclass(frozen=True)
class ReceiptData:
    """A voter's receipt: every string already in the voter's language (the caller translates)."""

    election_title: str
    session_title: str
    station: str
    tracking_code: str
    verify_url: str
    language: str
    heading: str = "Receipt"
    check_hint: str = "Check your tracking code at:"
    test_banner: str = ""  # in test mode, printed above and below: this vote is not counted
    status: str = ""  # an end-to-end slip's state in large type: not yet cast, cast, checked
    details: tuple[str, ...] = ()  # lines under it (a checked slip: each question and its choices)
    qr: str | None = None  # the QR's text; None: the check link with the code; "": no QR at all


@dataclass(frozen=True)
class SessionCount:
    title: str
    ballots: int
    marks: int


@dataclass(frozen=True)
class ReportData:
    """The zero report at opening and the closing report."""

    kind: Literal["zero", "closing"]
    election_title: str
    station: str
    fingerprint: str
    chain_head: str
    time: str
    sessions: tuple[SessionCount, ...]
    test_mode: bool = False  # a rehearsal's report says so at its top and bottom


@dataclass(frozen=True)
class CodeSlip:
    """A reissued voting code, for the voter whose old code was cancelled."""

    election_title: str
    station: str
    voter_name: str
    code: str
    test_mode: bool = False


Printable = ReceiptData | ReportData | CodeSlip


class Printer(Protocol):
    def print(self, document: Printable) -> PrintResult: ...

    def reprint_last(self) -> PrintResult:
        """Print the last document again, once: a second reprint is refused."""

    def status(self) -> PrintResult:
        """Whether a slip could print now (for the poll worker's device health)."""
