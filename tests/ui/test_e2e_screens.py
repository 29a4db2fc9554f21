"""The end-to-end screens in the real window: Seal on the review, Cast or Check, the checked ballot,
reached with the keypad only, read out by the audio ballot, and translated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.booth.cast import CastReceipt
from kiosk.booth.e2e_cast import CheckReceipt, SealedCode
from kiosk.booth.station import Station
from kiosk.booth.walk import Printout, PrintOutcome, Screen, Timing
from kiosk.ui.app import BoothUi, build_ui
from kiosk.ui.spoken import screen_script
from tests.kit import POLL_WORKER, ElectionKit
from tests.ui.keys import choose_with_keypad, stops
from tests.ui.taps import log_in, tap, text_of, voter_code


@pytest.fixture
def printed() -> list[Printout]:
    return []


def _ui(qapp: QApplication, kit: ElectionKit, data: Path, printed: list[Printout], language: str) -> BoothUi:
    station = Station(data)
    station.set_up(kit.media["booth-1"], kit.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)

    def printer(printout: Printout) -> PrintOutcome:
        printed.append(printout)
        return PrintOutcome.PRINTED

    ui = build_ui(station, printer, Timing(120, 45), language, dpi=100)
    ui.window.show()
    qapp.processEvents()
    return ui


@pytest.fixture
def e2e_ui(qapp: QApplication, e2e_election: ElectionKit, tmp_path: Path, printed: list[Printout]
           ) -> Iterator[BoothUi]:  # fmt: skip
    ui = _ui(qapp, e2e_election, tmp_path / "data", printed, "en")
    yield ui
    ui.language.release()
    ui.window.close()
    ui.engine.deleteLater()
    qapp.processEvents()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _to_review(ui: BoothUi, kit: ElectionKit) -> None:
    _voter, code = voter_code(kit, "booth-1", "budget")
    log_in(ui, code)
    tap(ui, "session-budget")
    choose_with_keypad(ui, "option-yes")
    choose_with_keypad(ui, "question-continue")
    assert ui.walk.walk.screen is Screen.REVIEW


def test_a_voter_seals_checks_and_casts_with_the_keypad_only_and_hears_each_screen(
    e2e_ui: BoothUi, e2e_election: ElectionKit, printed: list[Printout]
) -> None:
    _to_review(e2e_ui, e2e_election)
    assert "review-submit" not in stops(e2e_ui)  # an end-to-end booth seals instead
    choose_with_keypad(e2e_ui, "review-seal")
    assert e2e_ui.walk.walk.screen is Screen.CAST_OR_CHECK
    assert isinstance(printed[-1], SealedCode)  # the code was on paper before this screen asked
    script = screen_script(e2e_ui.window)
    assert script[0] == "Your ballot is sealed."
    assert any(line.startswith("Check this ballot. A checked ballot is opened") for line in script)
    assert text_of(e2e_ui, "sealed-code") == printed[-1].tracking_code
    choose_with_keypad(e2e_ui, "seal-check")
    assert e2e_ui.walk.walk.screen is Screen.CHECK_DONE and isinstance(printed[-1], CheckReceipt)
    assert "it will not be counted" in screen_script(e2e_ui.window)[0]
    choose_with_keypad(e2e_ui, "checked-continue")
    assert e2e_ui.walk.walk.screen is Screen.REVIEW
    choose_with_keypad(e2e_ui, "review-seal")
    choose_with_keypad(e2e_ui, "seal-cast")
    assert e2e_ui.walk.walk.screen is Screen.CAST_DONE and isinstance(printed[-1], CastReceipt)
    station = e2e_ui.walk.walk.booth
    assert isinstance(station, Station) and station.counts()["budget"] == (1, 1)
    assert len(station.box.all_checked()) == 1


def test_the_check_button_goes_out_after_three_checks(e2e_ui: BoothUi, e2e_election: ElectionKit) -> None:
    _to_review(e2e_ui, e2e_election)
    for _ in range(3):
        tap(e2e_ui, "review-seal")
        tap(e2e_ui, "seal-check")
        tap(e2e_ui, "checked-continue")
    tap(e2e_ui, "review-seal")
    assert "seal-check" not in stops(e2e_ui)  # shown, said "not available", never reached
    assert "cast this one" in " ".join(screen_script(e2e_ui.window))


@pytest.mark.parametrize(("language", "title"), [("fr", "Votre bulletin est scellé"),
                                                  ("es", "Su papeleta está sellada")])
def test_the_sealed_screen_speaks_the_voters_language(
    qapp: QApplication, e2e_election: ElectionKit, tmp_path: Path, printed: list[Printout], language: str,
    title: str,
) -> None:
    ui = _ui(qapp, e2e_election, tmp_path / "data", printed, language)
    try:
        _to_review(ui, e2e_election)
        tap(ui, "review-seal")
        assert text_of(ui, "sealed-title") == title
    finally:
        ui.language.release()
        ui.window.close()
        ui.engine.deleteLater()
        qapp.processEvents()
        qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
