"""The poll-worker card in a reader (real or simulated), as kiosk.booth.worker_card.WorkerCard."""

from __future__ import annotations

from kiosk.booth.worker_card import PinCheck, PinStatus, SimWorkerCard, WorkerCard
from kiosk.devices.card_login import LoginOutcome, log_in, sign_with_card
from kiosk.devices.cards import CardGone, CardSession, RegisteredCard, Role
from kiosk.devices.openpgp import CardProtocolError


class ReaderWorkerCard:
    """A poll-worker card in a real (or simulated) reader: the card checks the PIN and counts the wrong
    ones itself, then signs a fresh challenge. Whether its key is a poll worker's of this booth is the
    station's to say, from the election package, once the PIN and signature are checked."""

    def __init__(self, session: CardSession) -> None:
        self.session = session

    def verify_pin(self, pin: str) -> PinCheck:
        try:
            key = self.session.auth_public_key()
        except (CardGone, CardProtocolError):
            return PinCheck(PinStatus.BLOCKED)
        # Checked against the card's own key here: the registry is consulted by the station next.
        own = RegisteredCard(public_key=key.hex(), holder="card in the reader", role=Role.POLL_WORKER)
        result = log_in(self.session, [own], pin)
        if result.outcome is LoginOutcome.LOGGED_IN:
            return PinCheck(PinStatus.OK, result.tries_left or 0, key.hex())
        if result.outcome is LoginOutcome.WRONG_PIN:
            return PinCheck(PinStatus.WRONG, result.tries_left or 0)
        # Blocked, pulled out, or a card that cannot sign: in every case, another card is needed.
        return PinCheck(PinStatus.BLOCKED)

    def sign(self, message: bytes) -> bytes | None:
        return sign_with_card(self.session, message)


__all__ = ["PinCheck", "PinStatus", "ReaderWorkerCard", "SimWorkerCard", "WorkerCard"]
