"""Smart cards: what the booth needs from a card reader, the card events, and the registered cards.

Cards are OpenPGP cards. Who holds a card is never read from the card: the election package registers
each card's authentication public key with its holder and role, and a login proves the card holds
the private half (see card_login.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.devices.openpgp import PinStatus


class Role(StrEnum):
    VOTER = "voter"
    POLL_WORKER = "poll_worker"


@dataclass(frozen=True)
class RegisteredCard:
    """One entry of the election package's card registry."""

    public_key: str  # Ed25519, 32 bytes as hex
    holder: str  # voter id or poll-worker id
    role: Role

    @property
    def key_bytes(self) -> bytes:
        return bytes.fromhex(self.public_key)


class CardEventKind(StrEnum):
    INSERTED = "inserted"
    REMOVED = "removed"
    READER_ADDED = "reader_added"
    READER_REMOVED = "reader_removed"


@dataclass(frozen=True)
class CardEvent:
    kind: CardEventKind
    reader: str


CardListener = Callable[[CardEvent], None]


class CardGone(Exception):
    """The card left the reader (or the reader went away) during a command: an expected fault."""


class PinRejected(Exception):
    """The card refused a PIN; tries_left comes from the card's own counter."""

    def __init__(self, tries_left: int) -> None:
        super().__init__(f"PIN refused, {tries_left} tries left")
        self.tries_left = tries_left


class CardSession(Protocol):
    """An open channel to the OpenPGP application of the card in a reader."""

    def serial(self) -> str: ...

    def pin_status(self) -> PinStatus: ...

    def verify_user_pin(self, pin: str) -> None:
        """Raises PinRejected (wrong or blocked) or CardGone."""

    def verify_admin_pin(self, pin: str) -> None: ...

    def auth_public_key(self) -> bytes:
        """The authentication key's public half (Ed25519, 32 bytes)."""

    def generate_auth_key(self) -> bytes:
        """A new Ed25519 authentication key on the card (admin PIN first); returns the public half."""

    def sign_challenge(self, challenge: bytes) -> bytes:
        """INTERNAL AUTHENTICATE: the card signs the challenge with its authentication key."""

    def close(self) -> None: ...


class CardReader(Protocol):
    """One reader slot as the booth sees it."""

    def start(self, listener: CardListener) -> None:
        """Watch the reader; insertions and removals reach listener within CARD_EVENT_LATENCY."""

    def stop(self) -> None: ...

    def reader_present(self) -> bool: ...

    def card_present(self) -> bool: ...

    def open(self) -> CardSession:
        """Raises CardGone when there is no card to talk to."""


# The issue asks that a card inserted or pulled shows on screen within half a second; the watchers
# poll at a fraction of it so the UI's own work fits in the rest.
CARD_EVENT_LATENCY = 0.5
CARD_POLL_SECONDS = 0.1
