"""The code-entry screen: keypad, scanner, the check character and the lock, as a voter meets them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.ballot.codes import generate_code
from kiosk.booth.lockout import FAILURES_BEFORE_LOCK
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import CodeRefusal, CodeRefused
from kiosk.ui.app import BoothUi
from tests.kit import ElectionKit
from tests.ui.conftest import ManualClock
from tests.ui.taps import MARITIME, exists, find, settle, tap, text_of, type_code, voter_code, wait_for


def test_the_code_shows_in_its_groups_as_it_is_typed(ui: BoothUi) -> None:
    tap(ui, "enter-code")
    for key in "7K3Q9":
        tap(ui, f"key-{key}")
    tap(ui, "key-delete")
    assert ui.window.findChild(object, "code-display") is not None
    assert ui.code.property("groups")[:2] == ["7K3Q", "····"]
    tap(ui, "key-clear")
    assert ui.code.property("groups")[0] == "····"


def test_a_mistyped_code_names_the_group_to_check(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    plain = code.replace("-", "")
    wrong = plain[:13] + ("0" if plain[13] != "0" else "1") + plain[14:]  # a slip in group 4
    tap(ui, "enter-code")
    type_code(ui, wrong)
    assert "Check group 4" in text_of(ui, "code-refusal")
    assert exists(ui, "code-submit")  # still on code entry, the code kept to fix one group


def test_a_scanned_code_is_accepted(ui: BoothUi, conference: ElectionKit, station: Station) -> None:
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    tap(ui, "enter-code")
    for symbol in code:  # a scanner types like a keyboard, then Enter
        QTest.keyClick(ui.window, symbol)
    QTest.keyClick(ui.window, Qt.Key.Key_Return)
    settle(ui.window)
    assert exists(ui, f"session-{MARITIME}")


def test_five_wrong_codes_lock_the_booth_and_send_the_voter_to_a_poll_worker(
    ui: BoothUi, clock: ManualClock, qtbot: QtBot, station: Station
) -> None:
    tap(ui, "enter-code")
    for attempt in range(1, FAILURES_BEFORE_LOCK + 1):
        type_code(ui, generate_code())  # well formed, but nobody's code
        if attempt < FAILURES_BEFORE_LOCK:
            assert "not known at this booth" in text_of(ui, "code-refusal")
            assert f"locks: {FAILURES_BEFORE_LOCK - attempt}" in text_of(ui, "code-refusal")
    message = text_of(ui, "code-refusal")
    assert "locked for 30 seconds" in message and "poll worker" in message
    tap(ui, "key-7")
    assert ui.code.property("typed") == ""  # the keypad no longer types
    clock.now += 31  # the lock's first delay (the booth's own clock is the station's; move it too)
    station.clock = lambda: datetime.now(UTC) + timedelta(seconds=31)
    wait_for(qtbot, lambda: not exists(ui, "code-refusal"))
    tap(ui, "key-7")
    assert ui.code.property("typed") == "7"


def test_the_group_to_check_is_marked_and_typed_again_in_its_place(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    plain = code.replace("-", "")
    wrong = plain[:9] + ("0" if plain[9] != "0" else "1") + plain[10:]  # a slip in group 3
    tap(ui, "enter-code")
    type_code(ui, wrong)
    assert "Check group 3" in text_of(ui, "code-refusal")
    marked = [n for n in range(1, 7) if find(ui, f"code-group-{n}").property("suspect")]
    assert marked == [3]
    tap(ui, "retype-group-3")  # not fifteen taps on Delete: group 3 alone is emptied
    assert ui.code.property("groups")[2] == "····" and ui.code.property("groups")[3] == plain[12:16]
    for symbol in plain[8:12]:
        tap(ui, f"key-{symbol}")
    assert "".join(ui.code.property("groups")) == plain
    tap(ui, "code-submit")
    assert ui.walk.walk.screen.value == "sessions"


def test_an_adviser_with_no_delegation_is_told_so_in_their_language(ui: BoothUi) -> None:
    # the refusal the voter door gives an adviser who holds no delegate's vote (code or card)
    tap(ui, "enter-code")
    ui.code.card_refused(CodeRefused(CodeRefusal.NO_DELEGATION))
    settle(ui.window)
    assert text_of(ui, "code-refusal").startswith("You have no delegation for this vote")
    tap(ui, "lang-fr")
    assert text_of(ui, "code-refusal").startswith("Vous n'avez aucune délégation pour ce vote")
    tap(ui, "lang-es")
    assert text_of(ui, "code-refusal").startswith("No tiene ninguna delegación para esta votación")
