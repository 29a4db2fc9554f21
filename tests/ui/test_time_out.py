"""Inactivity: a warning with a countdown, then back to Welcome with every unsubmitted answer gone."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.booth.station import Station
from kiosk.ui.app import BoothUi
from tests.kit import ElectionKit
from tests.ui.conftest import ManualClock
from tests.ui.taps import MARITIME, exists, find, log_in, next_tick, tap, text_of, voter_code, wait_for


def start_answering(ui: BoothUi, conference: ElectionKit, station: Station) -> str:
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    log_in(ui, code)
    tap(ui, f"session-{MARITIME}")
    first = conference.definition.session(MARITIME).questions[0].choices[0]
    tap(ui, f"option-{first}")
    return code


def test_time_out_forgets_the_unsubmitted_answers(
    ui: BoothUi, conference: ElectionKit, station: Station, clock: ManualClock, qtbot: QtBot
) -> None:
    code = start_answering(ui, conference, station)
    clock.now += 121
    wait_for(qtbot, lambda: exists(ui, "countdown"))
    assert "44 seconds" in text_of(ui, "countdown")
    clock.now += 45
    wait_for(qtbot, lambda: exists(ui, "enter-code"))
    assert not exists(ui, "timeout-warning")
    log_in(ui, code)
    tap(ui, f"session-{MARITIME}")
    first = conference.definition.session(MARITIME).questions[0].choices[0]
    assert find(ui, f"option-{first}").property("chosen") is False
    assert station.box.all_ballots() == []


def test_i_need_more_time_keeps_the_voter_in_place(
    ui: BoothUi, conference: ElectionKit, station: Station, clock: ManualClock, qtbot: QtBot
) -> None:
    start_answering(ui, conference, station)
    clock.now += 130
    wait_for(qtbot, lambda: exists(ui, "more-time"))
    tap(ui, "more-time")
    clock.now += 60
    next_tick(qtbot, ui.walk)
    assert not exists(ui, "timeout-warning")
    first = conference.definition.session(MARITIME).questions[0].choices[0]
    assert find(ui, f"option-{first}").property("chosen") is True


def test_removing_the_card_logs_out_at_once(ui: BoothUi, conference: ElectionKit, station: Station) -> None:
    start_answering(ui, conference, station)
    ui.walk.card_removed()  # what the card reader's removal event calls
    assert exists(ui, "enter-code")
