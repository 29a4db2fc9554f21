"""Logging in with a card: a fresh challenge signed by a registered card's authentication key.

A card's serial number or ATR never logs anyone in: anybody can copy them. Only a signature over a
random challenge, checked against the public key the election package registered, proves the card.

PIN policy. The OpenPGP card spec requires PW1 before every INTERNAL AUTHENTICATE, on real cards too.
A poll worker types their PIN. A voter card is a bearer credential like the printed voting code, so
its PIN is the fixed VOTER_CARD_PIN written at programming, which the booth presents itself; the
card's retry counter still stops anyone trying PINs on it elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.devices.cards import CardGone, CardSession, PinRejected, RegisteredCard, Role
from kiosk.devices.openpgp import CardProtocolError

# 32 random bytes: as long as the Ed25519 key's security level, so a replayed signature is useless.
CHALLENGE_BYTES = 32
# The OpenPGP default user PIN, kept on voter cards (see the module note).
VOTER_CARD_PIN = "123456"


class LoginOutcome(StrEnum):
    LOGGED_IN = "logged_in"
    PIN_NEEDED = "pin_needed"
    WRONG_PIN = "wrong_pin"
    PIN_BLOCKED = "pin_blocked"
    UNKNOWN_CARD = "unknown_card"
    BAD_SIGNATURE = "bad_signature"
    CARD_REMOVED = "card_removed"
    NOT_A_VOTING_CARD = "not_a_voting_card"


@dataclass(frozen=True)
class LoginResult:
    outcome: LoginOutcome
    card: RegisteredCard | None = None
    tries_left: int | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is LoginOutcome.LOGGED_IN


def signature_valid(public_key: bytes, challenge: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, challenge)
    except (InvalidSignature, ValueError):
        return False
    return True


def log_in(session: CardSession, registry: Sequence[RegisteredCard], pin: str | None = None) -> LoginResult:
    """Log in the holder of the card in session; pin is the poll worker's typed PIN."""
    try:
        return _log_in(session, registry, pin)
    except CardGone:
        return LoginResult(LoginOutcome.CARD_REMOVED)
    except CardProtocolError:
        return LoginResult(LoginOutcome.NOT_A_VOTING_CARD)


def _log_in(session: CardSession, registry: Sequence[RegisteredCard], pin: str | None) -> LoginResult:
    # The card's public key only says which entry to check; the signature below is the proof.
    key = session.auth_public_key()
    entry = next((c for c in registry if c.key_bytes == key), None)
    if entry is None:
        return LoginResult(LoginOutcome.UNKNOWN_CARD)
    tries = session.pin_status().user_tries
    if tries == 0:
        return LoginResult(LoginOutcome.PIN_BLOCKED, entry, 0)
    if entry.role is Role.POLL_WORKER and pin is None:
        return LoginResult(LoginOutcome.PIN_NEEDED, entry, tries)
    try:
        session.verify_user_pin(pin if entry.role is Role.POLL_WORKER and pin is not None else VOTER_CARD_PIN)
    except PinRejected as refused:
        outcome = LoginOutcome.PIN_BLOCKED if refused.tries_left == 0 else LoginOutcome.WRONG_PIN
        return LoginResult(outcome, entry, refused.tries_left)
    challenge = os.urandom(CHALLENGE_BYTES)
    signature = session.sign_challenge(challenge)
    if not signature_valid(entry.key_bytes, challenge, signature):
        return LoginResult(LoginOutcome.BAD_SIGNATURE)
    return LoginResult(LoginOutcome.LOGGED_IN, entry, session.pin_status().user_tries)


def sign_with_card(session: CardSession, message: bytes) -> bytes | None:
    """The card's signature over message with its authentication key (PW1 already verified in this
    session, as at a poll worker's login), or None when the card cannot sign: pulled out, PIN not
    verified, not an OpenPGP card. The booth-key certificate is signed this way at set-up."""
    try:
        return session.sign_challenge(message)
    except (CardGone, CardProtocolError, PinRejected):
        return None
