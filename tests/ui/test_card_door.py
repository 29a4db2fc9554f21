"""Cards at the booth, through the reader's events: a voter's card logs in, a poll worker's asks for
its PIN, an unknown card is refused, and pulling a card out ends what it opened."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.booth.station import Station
from kiosk.booth.walk import Timing
from kiosk.devices.sim_card import SimCard, SimCardReader
from kiosk.devices.sim_media import SimMedia
from kiosk.ui.app import BoothUi, WorkerSetup, build_ui
from kiosk.ui.card_door import CardDoor
from tests.kit import POLL_WORKER
from tests.ui.conftest import PIN, VOTER_CARD_KEY, WORKER_CARD_KEY, WORKER_SIGNER, ManualClock
from tests.ui.taps import exists, tap, text_of, wait_for


@dataclass
class Booth:
    ui: BoothUi
    station: Station
    reader: SimCardReader


def booth_with_door(qapp: QApplication, data: Path, stick: Path, clock: ManualClock,
                    booth_id: str | None = None) -> tuple[BoothUi, Station, SimCardReader, CardDoor]:
    station = Station(data)
    setup = WorkerSetup(station, SimMedia(stick), booth_id=booth_id)
    ui = build_ui(station, timing=Timing(120, 45), dpi=100, clock=clock, worker_setup=setup)
    reader = SimCardReader()
    door = CardDoor(reader, station, ui)
    reader.start(door.listen)
    ui.window.show()
    return ui, station, reader, door


@pytest.fixture
def booth(qapp: QApplication, carded_media: Path, tmp_path: Path, clock: ManualClock) -> Iterator[Booth]:
    """A booth set up from the media that registers the cards, polls open, every session active."""
    data = tmp_path / "data"
    station = Station(data)
    station.set_up(carded_media, WORKER_SIGNER)
    station.open_polls(POLL_WORKER)
    for session in station.election.sessions:
        station.set_session_active(session.id, True, POLL_WORKER)
    station.close()
    ui, station, reader, _door = booth_with_door(qapp, data, carded_media, clock)
    yield Booth(ui, station, reader)
    close(ui)
    station.close()


def close(ui: BoothUi) -> None:
    ui.language.release()
    ui.window.close()
    ui.engine.deleteLater()



def test_a_voters_card_logs_in_and_pulling_it_out_logs_out(booth: Booth, qtbot: QtBot) -> None:
    booth.reader.insert(SimCard(key=VOTER_CARD_KEY))
    first = booth.station.election.sessions[0].id
    wait_for(qtbot, lambda: exists(booth.ui, f"session-{first}"))  # the reader's event, through the loop
    booth.reader.remove()
    wait_for(qtbot, lambda: exists(booth.ui, "enter-code"))
    assert not exists(booth.ui, f"session-{first}")


def test_a_card_the_package_does_not_know_is_refused_like_an_unknown_code(booth: Booth, qtbot: QtBot) -> None:
    booth.reader.insert(SimCard())  # a genuine OpenPGP card, but not one this election registered
    wait_for(qtbot, lambda: exists(booth.ui, "code-refusal"))
    assert not booth.ui.walk.walk.voter_id
    assert booth.station.box.audit_entries()[-1].data == {"reason": "unknown_card"}


def test_a_poll_workers_card_asks_for_its_pin_and_the_card_counts_wrong_ones(
    booth: Booth, qtbot: QtBot
) -> None:
    card = SimCard(pin=PIN, key=WORKER_CARD_KEY)
    booth.reader.insert(card)
    wait_for(qtbot, lambda: exists(booth.ui, "pin-submit"))
    for digit in "0000":
        tap(booth.ui, f"pin-{digit}")
    tap(booth.ui, "pin-submit")
    assert "Tries left on this card: 2" in text_of(booth.ui, "pin-refusal") and card.user_tries == 2
    for digit in PIN:
        tap(booth.ui, f"pin-{digit}")
    tap(booth.ui, "pin-submit")
    assert exists(booth.ui, "polls-state") and card.user_tries == 3
    booth.reader.remove()
    wait_for(qtbot, lambda: exists(booth.ui, "enter-code"))
    assert not exists(booth.ui, "polls-state")


def test_a_stick_for_another_booth_is_refused_when_the_config_names_this_booth(
    qapp: QApplication, carded_media: Path, tmp_path: Path, clock: ManualClock, qtbot: QtBot
) -> None:
    ui, station, reader, _door = booth_with_door(qapp, tmp_path / "data", carded_media, clock, "booth-2")
    try:
        reader.insert(SimCard(pin=PIN, key=WORKER_CARD_KEY))  # not set up: any card may try its PIN
        wait_for(qtbot, lambda: exists(ui, "pin-submit"))
        for digit in PIN:
            tap(ui, f"pin-{digit}")
        tap(ui, "pin-submit")
        tap(ui, "setup-check")
        assert "this booth is 'booth-2'" in text_of(ui, "setup-refused")
        assert not exists(ui, "setup-confirm")
    finally:
        close(ui)
        station.close()
