"""The simulated reader behaves as the real one for the login: the demo and screen tests rely on it."""

from __future__ import annotations

from kiosk.devices.card_login import LoginOutcome, log_in
from kiosk.devices.card_programming import program_card
from kiosk.devices.cards import CardEvent, CardEventKind, RegisteredCard, Role
from kiosk.devices.sim_card import DEFAULT_ADMIN_PIN, CardFaults, SimCard, SimCardReader


def test_voter_card_logs_in_and_a_copied_serial_does_not() -> None:
    card, impostor = SimCard(serial="42"), SimCard(serial="42")
    registry = [RegisteredCard(card.public_key().hex(), "delegate-1", Role.VOTER)]
    reader = SimCardReader()
    reader.insert(card)
    assert log_in(reader.open(), registry).ok
    reader.insert(impostor)
    assert log_in(reader.open(), registry).outcome is LoginOutcome.UNKNOWN_CARD


def test_a_signature_from_another_key_is_refused() -> None:
    card = SimCard()
    registry = [RegisteredCard(card.public_key().hex(), "delegate-1", Role.VOTER)]
    reader = SimCardReader()
    reader.insert(card)
    session = reader.open()
    card.key = SimCard().key  # the card answers with a key the registry does not hold
    session.auth_public_key = lambda: bytes.fromhex(registry[0].public_key)  # type: ignore[method-assign]
    assert log_in(session, registry).outcome is LoginOutcome.BAD_SIGNATURE


def test_card_pulled_mid_login_and_events_reach_the_listener() -> None:
    events: list[CardEvent] = []
    card = SimCard(pin="2468")
    reader = SimCardReader(CardFaults(pull_after_commands=2))
    reader.start(events.append)
    reader.insert(card)
    registry = [RegisteredCard(card.public_key().hex(), "worker-1", Role.POLL_WORKER)]
    assert log_in(reader.open(), registry, "2468").outcome is LoginOutcome.CARD_REMOVED
    assert [e.kind for e in events] == [CardEventKind.INSERTED, CardEventKind.REMOVED]


def test_programming_a_simulated_card_registers_its_new_key() -> None:
    card = SimCard()
    reader = SimCardReader()
    reader.insert(card)
    registered = program_card(reader, DEFAULT_ADMIN_PIN, "worker-3", Role.POLL_WORKER)
    assert registered.key_bytes == card.public_key()
    assert log_in(reader.open(), [registered], card.pin).ok
