"""The poll-worker card as the poll worker's flow needs it: it checks its PIN and counts wrong ones.

The real card (kiosk.ui.worker_card.ReaderWorkerCard, over PC/SC) fits the WorkerCard protocol; the
simulated one stands in for the demo and the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


class PinStatus(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class PinCheck:
    status: PinStatus
    tries_left: int = 0
    public_key: str = ""  # the card's key, once the PIN and its signature are checked


class WorkerCard(Protocol):
    """A poll-worker card in the reader: it checks the PIN itself and counts the wrong ones."""

    def verify_pin(self, pin: str) -> PinCheck: ...

    def sign(self, message: bytes) -> bytes | None:
        """The card's signature (after a good PIN), or None when it cannot sign."""


class SimWorkerCard:
    """A simulated poll-worker card: its PIN, its key, and the tries left before it blocks."""

    TRIES = 3  # as a smart card's PIN counter

    def __init__(self, pin: str, public_key: str, private_key: Ed25519PrivateKey | None = None) -> None:
        self._pin, self._key, self.tries_left = pin, public_key, self.TRIES
        self._private, self._verified = private_key, False

    def verify_pin(self, pin: str) -> PinCheck:
        if self.tries_left == 0:
            return PinCheck(PinStatus.BLOCKED)
        if pin != self._pin:
            self.tries_left -= 1
            return PinCheck(PinStatus.BLOCKED if self.tries_left == 0 else PinStatus.WRONG, self.tries_left)
        self.tries_left, self._verified = self.TRIES, True
        return PinCheck(PinStatus.OK, self.tries_left, self._key)

    def sign(self, message: bytes) -> bytes | None:
        if not self._verified or self._private is None:  # as a real card: PIN first
            return None
        return self._private.sign(message)
