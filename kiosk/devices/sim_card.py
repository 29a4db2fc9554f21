"""The simulated card reader for the demo and the screens' tests: cards with real Ed25519 keys.

The login logic runs unchanged against it (card_login.py signs and checks a real signature); the
switches pull the reader or the card, including in the middle of a login.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.devices.card_login import VOTER_CARD_PIN
from kiosk.devices.cards import CardEvent, CardEventKind, CardGone, CardListener, PinRejected
from kiosk.devices.openpgp import PinStatus

SIM_CARD_FORMAT = "isoloir-simulated-card/1"

MAX_TRIES = 3  # the OpenPGP default for PW1 and PW3
SIM_READER = "Simulated reader"
DEFAULT_ADMIN_PIN = "12345678"


@dataclass
class SimCard:
    pin: str = VOTER_CARD_PIN
    admin_pin: str = DEFAULT_ADMIN_PIN
    serial: str = "00000001"
    key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    user_tries: int = MAX_TRIES
    admin_tries: int = MAX_TRIES

    def public_key(self) -> bytes:
        return self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


class CardFileError(ValueError):
    """The simulated card's file cannot be used; the message says why."""


def write_card_file(path: Path, card: SimCard, holder: str) -> None:
    """A simulated card for rehearsals and the demo, as a file only its owner can read: unlike a real
    card's, its private key is in the file, so it must never be registered for an official vote."""
    text = json.dumps({"format": SIM_CARD_FORMAT, "holder": holder, "pin": card.pin,
                       "public_key": card.public_key().hex(),
                       "private_key": card.key.private_bytes_raw().hex()})
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def load_card_file(path: Path) -> SimCard:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(data["private_key"]))
        card = SimCard(pin=str(data["pin"]), key=key)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CardFileError(f"{path} is not a simulated card file ({exc})") from None
    if "public_key" in data and data["public_key"] != card.public_key().hex():
        raise CardFileError(f"{path}: its public key is not its private key's")
    return card


@dataclass
class CardFaults:
    no_reader: bool = False
    pull_after_commands: int | None = None  # the card leaves after this many more commands


class SimCardSession:
    def __init__(self, reader: SimCardReader, card: SimCard) -> None:
        self._reader, self._card = reader, card
        self._user_ok = self._admin_ok = False

    def _step(self) -> SimCard:
        faults = self._reader.faults
        if faults.pull_after_commands is not None:
            if faults.pull_after_commands <= 0:
                faults.pull_after_commands = None
                self._reader.remove()
            else:
                faults.pull_after_commands -= 1
        if self._reader.card is not self._card:
            raise CardGone("card removed")
        return self._card

    def serial(self) -> str:
        return self._step().serial

    def pin_status(self) -> PinStatus:
        card = self._step()
        return PinStatus(card.user_tries, card.admin_tries)

    def verify_user_pin(self, pin: str) -> None:
        card = self._step()
        if card.user_tries == 0:
            raise PinRejected(0)
        self._user_ok = pin == card.pin
        card.user_tries = MAX_TRIES if self._user_ok else card.user_tries - 1
        if not self._user_ok:
            raise PinRejected(card.user_tries)

    def verify_admin_pin(self, pin: str) -> None:
        card = self._step()
        if card.admin_tries == 0:
            raise PinRejected(0)
        self._admin_ok = pin == card.admin_pin
        card.admin_tries = MAX_TRIES if self._admin_ok else card.admin_tries - 1
        if not self._admin_ok:
            raise PinRejected(card.admin_tries)

    def auth_public_key(self) -> bytes:
        return self._step().public_key()

    def generate_auth_key(self) -> bytes:
        card = self._step()
        if not self._admin_ok:
            raise PinRejected(card.admin_tries)
        card.key = Ed25519PrivateKey.generate()
        return card.public_key()

    def sign_challenge(self, challenge: bytes) -> bytes:
        card = self._step()
        if not self._user_ok:
            raise PinRejected(card.user_tries)  # as a real card: PW1 first
        return card.key.sign(challenge)

    def close(self) -> None:
        pass


@dataclass
class SimCardReader:
    faults: CardFaults = field(default_factory=CardFaults)
    card: SimCard | None = None
    listeners: list[CardListener] = field(default_factory=list)

    def start(self, listener: CardListener) -> None:
        self.listeners.append(listener)

    def stop(self) -> None:
        self.listeners.clear()

    def reader_present(self) -> bool:
        return not self.faults.no_reader

    def card_present(self) -> bool:
        return self.reader_present() and self.card is not None

    def insert(self, card: SimCard) -> None:
        self.card = card
        self._tell(CardEventKind.INSERTED)

    def remove(self) -> None:
        self.card = None
        self._tell(CardEventKind.REMOVED)

    def _tell(self, kind: CardEventKind) -> None:
        for listener in self.listeners:
            listener(CardEvent(kind, SIM_READER))

    def open(self) -> SimCardSession:
        if not self.card_present() or self.card is None:
            raise CardGone("no card in the reader")
        return SimCardSession(self, self.card)
