"""One behavioural suite for both card readers: the simulated one (the demo and the screen tests)
and the PC/SC one (pyscard over pcscd, the vpcd reader and a virtual OpenPGP card). Each scenario
runs against both, so the simulator cannot drift from the real reader the booth uses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.devices.card_login import LoginOutcome, log_in
from kiosk.devices.card_programming import program_card
from kiosk.devices.cards import CardEvent, CardEventKind, CardReader, RegisteredCard, Role
from kiosk.devices.pcsc_card import PcscCardReader
from kiosk.devices.sim_card import DEFAULT_ADMIN_PIN, SimCard, SimCardReader
from tests.devices.virtual_openpgp_card import VirtualOpenPGPCard, VpcdSlot
from tests.waiting import wait_until

PIN = "4711"


class Rig(Protocol):
    """A reader with one card to put in and take out, as a person does at the booth."""

    @property
    def reader(self) -> CardReader: ...

    def insert(self) -> None:
        """In, and seen by the reader: what a login starts from."""

    def plug(self) -> None:
        """In, nothing waited for: what the event watcher must notice by itself."""

    def remove(self) -> None: ...

    def public_key(self) -> bytes: ...

    def set_pin(self, pin: str) -> None:
        """A poll worker's own PIN on the card (a voter card keeps the fixed voter-card PIN)."""


@dataclass
class SimRig:
    card: SimCard = field(default_factory=SimCard)
    reader: SimCardReader = field(default_factory=SimCardReader)

    def insert(self) -> None:
        self.reader.insert(self.card)

    def plug(self) -> None:
        self.reader.insert(self.card)

    def remove(self) -> None:
        self.reader.remove()

    def public_key(self) -> bytes:
        return self.card.public_key()

    def set_pin(self, pin: str) -> None:
        self.card.pin = pin


@dataclass
class PcscRig:
    card: VirtualOpenPGPCard
    slot: VpcdSlot
    reader: PcscCardReader = field(default_factory=lambda: PcscCardReader("Virtual PCD"))

    def plug(self) -> None:
        self.slot.insert()

    def insert(self) -> None:
        self.slot.insert()
        wait_until(self.reader.card_present, "pcscd seeing the card")  # as a booth waits for the card event

    def remove(self) -> None:
        self.slot.remove()

    def public_key(self) -> bytes:
        return self.card.public_key()

    def set_pin(self, pin: str) -> None:
        self.card.user_pin = pin


PCSC = pytest.param("pcsc", marks=[pytest.mark.pcsc, pytest.mark.xdist_group("pcsc")])


@pytest.fixture(params=["sim", PCSC])
def rig(request: pytest.FixtureRequest) -> Iterator[Rig]:
    if request.param == "sim":
        yield SimRig()
        return
    yield PcscRig(request.getfixturevalue("openpgp_card"), request.getfixturevalue("card_slot"))


def registry(rig: Rig, role: Role, holder: str = "someone") -> list[RegisteredCard]:
    return [RegisteredCard(rig.public_key().hex(), holder, role)]


def test_a_registered_voter_card_logs_its_holder_in(rig: Rig) -> None:
    rig.insert()
    result = log_in(rig.reader.open(), registry(rig, Role.VOTER, "delegate-17"))
    assert result.ok and result.card is not None and result.card.holder == "delegate-17"


def test_a_card_the_registry_does_not_hold_logs_nobody_in(rig: Rig) -> None:
    """Threat: a delegate with a card of their own (or a copied serial) trying to vote."""
    rig.insert()
    stranger = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    result = log_in(rig.reader.open(), [RegisteredCard(stranger.hex(), "delegate-1", Role.VOTER)])
    assert result.outcome is LoginOutcome.UNKNOWN_CARD


def test_a_poll_worker_card_asks_for_its_pin_and_counts_wrong_ones_down_to_blocked(rig: Rig) -> None:
    """Threat: someone who found a poll worker's card guessing its PIN."""
    cards = registry(rig, Role.POLL_WORKER, "worker-2")
    rig.set_pin(PIN)
    rig.insert()
    session = rig.reader.open()
    asked = log_in(session, cards)
    assert asked.outcome is LoginOutcome.PIN_NEEDED and asked.tries_left == 3
    assert [log_in(session, cards, "0000").tries_left for _ in range(2)] == [2, 1]
    assert log_in(session, cards, PIN).ok  # a right PIN resets the card's counter
    assert session.pin_status().user_tries == 3
    outcomes = [log_in(session, cards, "0000").outcome for _ in range(3)]
    assert outcomes == [LoginOutcome.WRONG_PIN, LoginOutcome.WRONG_PIN, LoginOutcome.PIN_BLOCKED]
    assert log_in(session, cards, PIN).outcome is LoginOutcome.PIN_BLOCKED


def test_programming_a_card_puts_a_new_key_on_it_that_then_logs_in(rig: Rig) -> None:
    old_key = rig.public_key()
    rig.set_pin(PIN)
    rig.insert()
    registered = program_card(rig.reader, DEFAULT_ADMIN_PIN, "worker-9", Role.POLL_WORKER)
    assert registered.key_bytes == rig.public_key() != old_key
    assert log_in(rig.reader.open(), [registered], PIN).ok


def test_pulling_the_card_mid_login_is_reported_not_raised(rig: Rig) -> None:
    rig.insert()
    session = rig.reader.open()
    rig.remove()
    assert log_in(session, registry(rig, Role.VOTER)).outcome is LoginOutcome.CARD_REMOVED
    session.close()


def test_inserting_and_pulling_a_card_reach_the_listener(rig: Rig) -> None:
    """Each event reaches the listener, in order. How fast is a figure for a benchmark, not a timed
    assertion that a busy machine would fail (issue 11)."""
    events: list[CardEvent] = []
    lock = threading.Lock()

    def listen(event: CardEvent) -> None:
        with lock:
            events.append(event)

    def seen(kind: CardEventKind) -> bool:
        with lock:
            return any(e.kind is kind for e in events)

    rig.reader.start(listen)
    try:
        if isinstance(rig, PcscRig):  # the watcher has seen the empty reader
            wait_until(lambda: seen(CardEventKind.READER_ADDED), "the watcher finding the reader")
        rig.plug()
        wait_until(lambda: seen(CardEventKind.INSERTED), f"an inserted event (so far: {events})")
        rig.remove()
        wait_until(lambda: seen(CardEventKind.REMOVED), f"a removed event (so far: {events})")
        with lock:
            kinds = [e.kind for e in events if e.kind is not CardEventKind.READER_ADDED]
        assert kinds == [CardEventKind.INSERTED, CardEventKind.REMOVED]
    finally:
        rig.reader.stop()
