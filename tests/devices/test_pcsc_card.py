"""The real pyscard adapter against pcscd, the vpcd reader and the virtual OpenPGP card."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ballot.booth_certificate import BOOTH_KEY_DOMAIN, CardSigner
from kiosk.ballot.package import PackageCard, PackageError
from kiosk.booth.station import Station
from kiosk.booth.worker_card import PinStatus
from kiosk.devices.card_login import LoginOutcome, log_in
from kiosk.devices.card_programming import program_card
from kiosk.devices.cards import CardEvent, CardEventKind, RegisteredCard, Role
from kiosk.devices.pcsc_card import PcscCardReader
from kiosk.devices.sim_media import SimMedia
from kiosk.ui.app import WorkerSetup, build_ui
from kiosk.ui.card_door import CardDoor
from kiosk.ui.worker_card import ReaderWorkerCard
from station_admin.ceremony import register_cards
from station_admin.importer import import_file
from station_admin.provisioning import provision_station
from station_admin.tally_db import open_db
from tests.devices.virtual_openpgp_card import DEFAULT_ADMIN_PIN, VirtualOpenPGPCard, VpcdSlot
from tests.kit import POLL_WORKER, SMALL_ELECTION, make_election
from tests.ui.taps import wait_for
from tests.waiting import wait_until

pytestmark = [pytest.mark.pcsc, pytest.mark.xdist_group("pcsc")]

READER = PcscCardReader("Virtual PCD")


def _registered(card: VirtualOpenPGPCard, role: Role, holder: str = "someone") -> list[RegisteredCard]:
    return [RegisteredCard(card.public_key().hex(), holder, role)]


def _insert(slot: VpcdSlot) -> None:
    """Insert the card and wait until pcscd has seen it, as a booth waits for the card event."""
    slot.insert()
    wait_until(READER.card_present, "pcscd seeing the card")


def _wait_for(events: list[CardEvent], kind: CardEventKind) -> None:
    wait_until(lambda: any(e.kind is kind for e in events), f"a {kind} event (so far: {events})")


def test_inserting_and_pulling_a_card_reach_the_booth(card_slot: VpcdSlot) -> None:
    events: list[CardEvent] = []
    lock = threading.Lock()

    def listen(event: CardEvent) -> None:
        with lock:
            events.append(event)

    READER.start(listen)
    try:
        _wait_for(events, CardEventKind.READER_ADDED)  # the watcher has seen the empty reader
        card_slot.insert()
        _wait_for(events, CardEventKind.INSERTED)
        card_slot.remove()
        _wait_for(events, CardEventKind.REMOVED)
        assert [e.kind for e in events] == [
            CardEventKind.READER_ADDED, CardEventKind.INSERTED, CardEventKind.REMOVED
        ]
    finally:
        READER.stop()


def test_a_registered_voter_card_logs_its_holder_in(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard
) -> None:
    _insert(card_slot)
    session = READER.open()
    result = log_in(session, _registered(openpgp_card, Role.VOTER, "delegate-17"))
    assert result.ok and result.card is not None and result.card.holder == "delegate-17"
    signed = [a for a in openpgp_card.received if a[1] == 0x88]
    assert len(signed) == 1 and len(signed[0]) == 5 + 32 + 1  # one fresh 32-byte challenge


def test_an_unregistered_card_logs_nobody_in_even_with_a_known_serial(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard
) -> None:
    _insert(card_slot)
    session = READER.open()
    assert session.serial() == "12345678"
    other = VirtualOpenPGPCard(serial=openpgp_card.serial)
    result = log_in(session, _registered(other, Role.VOTER))
    assert result.outcome is LoginOutcome.UNKNOWN_CARD


def test_poll_worker_card_asks_for_the_pin_and_counts_wrong_ones_down_to_blocked(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard
) -> None:
    openpgp_card.user_pin = "4711"
    registry = _registered(openpgp_card, Role.POLL_WORKER, "worker-2")
    _insert(card_slot)
    session = READER.open()
    asked = log_in(session, registry)
    assert asked.outcome is LoginOutcome.PIN_NEEDED and asked.tries_left == 3
    assert [log_in(session, registry, "0000").tries_left for _ in range(2)] == [2, 1]
    assert log_in(session, registry, "4711").ok  # a right PIN resets the card's counter
    assert session.pin_status().user_tries == 3
    outcomes = [log_in(session, registry, "0000").outcome for _ in range(3)]
    assert outcomes == [LoginOutcome.WRONG_PIN, LoginOutcome.WRONG_PIN, LoginOutcome.PIN_BLOCKED]
    assert log_in(session, registry, "4711").outcome is LoginOutcome.PIN_BLOCKED


def test_programming_a_card_puts_a_new_key_on_it_that_then_logs_in(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard
) -> None:
    old_key = openpgp_card.public_key()
    _insert(card_slot)
    registered = program_card(READER, DEFAULT_ADMIN_PIN, "worker-9", Role.POLL_WORKER)
    assert registered.key_bytes == openpgp_card.public_key() != old_key
    assert log_in(READER.open(), [registered], "123456").ok


def test_pulling_the_card_mid_login_is_reported_not_raised(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard
) -> None:
    _insert(card_slot)
    session = READER.open()
    card_slot.remove()
    assert log_in(session, _registered(openpgp_card, Role.VOTER)).outcome is LoginOutcome.CARD_REMOVED
    session.close()


def test_at_the_booth_a_voter_card_in_the_real_reader_logs_in_and_out(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard, qtbot: QtBot, tmp_path: Path
) -> None:
    """The booth's own wiring (card door, screens, station) over pcscd: the card's holder is let in
    to the sessions screen, and pulling the card out returns the booth to Welcome at once."""
    kit = make_election(SMALL_ELECTION, tmp_path)
    holder = kit.definition.voters_at("booth-1")[0].id
    register_cards(kit.folder, [PackageCard(public_key=openpgp_card.public_key().hex(), holder=holder,
                                            role="voter")])
    station = Station(tmp_path / "booth")
    station.set_up(provision_station(kit.folder, "booth-1", tmp_path / "MEDIA-carded"), kit.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active(kit.definition.sessions[0].id, True, POLL_WORKER)
    ui = build_ui(station, dpi=100, worker_setup=WorkerSetup(station, SimMedia(tmp_path)))
    door = CardDoor(READER, station, ui)
    READER.start(door.listen)
    try:
        card_slot.insert()  # seen when the watcher first looks, or as a change after
        wait_for(qtbot, lambda: ui.walk.walk.voter_id == holder)
        card_slot.remove()
        wait_for(qtbot, lambda: ui.walk.walk.voter_id is None)
    finally:
        READER.stop()
        ui.language.release()
        ui.window.close()
        ui.engine.deleteLater()
        station.close()


def test_a_poll_workers_card_in_the_real_reader_certifies_the_booth_key_at_set_up(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard, tmp_path: Path
) -> None:
    """The chain's card link over pcscd: after its PIN, the card signs the booth-key certificate
    (a 64-byte, domain-separated message, never a login challenge) and the import accepts the file."""
    kit = make_election(SMALL_ELECTION, tmp_path)
    register_cards(kit.folder, [PackageCard(public_key=openpgp_card.public_key().hex(), holder="pw-1",
                                            role="poll_worker")])
    media = provision_station(kit.folder, "booth-1", tmp_path / "MEDIA-worker-card")
    _insert(card_slot)
    card = ReaderWorkerCard(READER.open())
    checked = card.verify_pin("123456")
    assert checked.status is PinStatus.OK
    station = Station(tmp_path / "booth")
    station.set_up(media, CardSigner(checked.public_key, card.sign))
    signed = [apdu for apdu in openpgp_card.received if apdu[1] == 0x88]
    assert len(signed[-1]) == 5 + 64 + 1 and signed[-1][5:].startswith(BOOTH_KEY_DOMAIN.encode())
    assert station.booth_key()[0].body.card_public_key == openpgp_card.public_key().hex()
    station.open_polls("pw-1")
    station.close_polls("pw-1")
    sealed = station.export(tmp_path)
    station.close()
    engine = open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    assert import_file(engine, kit.folder.package(), sealed).status == "imported"


def test_a_card_pulled_before_it_signs_sets_no_booth_up(
    card_slot: VpcdSlot, openpgp_card: VirtualOpenPGPCard, tmp_path: Path
) -> None:
    kit = make_election(SMALL_ELECTION, tmp_path)
    register_cards(kit.folder, [PackageCard(public_key=openpgp_card.public_key().hex(), holder="pw-1",
                                            role="poll_worker")])
    media = provision_station(kit.folder, "booth-1", tmp_path / "MEDIA-worker-card")
    _insert(card_slot)
    card = ReaderWorkerCard(READER.open())
    checked = card.verify_pin("123456")
    card_slot.remove()
    station = Station(tmp_path / "booth")
    with pytest.raises(PackageError, match="did not sign"):
        station.set_up(media, CardSigner(checked.public_key, card.sign))
    assert station.package is None and station.state.value == "not_set_up"
    station.close()
