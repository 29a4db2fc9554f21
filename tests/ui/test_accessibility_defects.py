"""The smaller defects of the accessibility audit (issue 16 §4), each as the voter or poll worker
meets it: the code keypad keeps its shape, a blank answer is named by its question's number, an
undervote is flagged on the review, a printed zero report is not dressed as a warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtQuick import QQuickItem
from PySide6.QtWidgets import QApplication

from kiosk.ballot.codes import generate_code
from kiosk.ballot.definition import ListChoice, MultipleChoice
from kiosk.booth.station import Station
from kiosk.devices.sim_card import SimCard
from kiosk.ui.accessibility import TEXT_SIZES_MM
from kiosk.ui.app import BoothUi
from kiosk.ui.tour import run_tour
from kiosk.ui.worker_tour import WorkerTour
from tests.kit import ElectionKit
from tests.ui.conftest import PIN, WORKER_CARD_KEY
from tests.ui.taps import exists, find, items, log_in, settle, tap, text_of, voter_code


def _keypad(ui: BoothUi) -> QQuickItem:
    return next(i for i in items(ui.window) if i.property("keySize") is not None and i.isVisible())


def test_the_code_keypad_keeps_its_shape_when_a_refusal_appears(ui: BoothUi) -> None:
    tap(ui, "enter-code")
    for size in range(len(TEXT_SIZES_MM)):
        ui.access.set_look("default", size)
        ui.code.clear()
        settle(ui.window)
        before = (_keypad(ui).property("columns"), _keypad(ui).property("keySize"))
        plain = generate_code().replace("-", "")
        ui.code.scanned(plain[:9] + ("0" if plain[9] != "0" else "1") + plain[10:])  # a slip in group 3
        settle(ui.window)
        assert exists(ui, "code-refusal")
        assert (_keypad(ui).property("columns"), _keypad(ui).property("keySize")) == before, size


def test_a_blank_answer_is_named_by_its_number_and_fewer_picks_than_allowed_are_flagged(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    session = next(s for s in conference.definition.sessions
                   if any(isinstance(q, MultipleChoice) and q.max_choices > 1 for q in s.questions)
                   and sum(q.allow_blank for q in s.questions) >= 1 and len(s.questions) > 1)
    _voter, code = voter_code(conference, station.station_id, session.id)
    log_in(ui, code)
    tap(ui, f"session-{session.id}")
    under = next(q for q in session.questions if isinstance(q, MultipleChoice) and q.max_choices > 1)
    blank = max(n for n, q in enumerate(session.questions, 1) if q.allow_blank and q is not under)
    for n, question in enumerate(session.questions, 1):
        if n != blank:
            tap(ui, f"option-{question.choices[0]}")  # one pick only, where more are allowed
        tap(ui, "question-continue")
    notice = text_of(ui, "review-unanswered")
    assert notice.startswith(f"Question {blank} has no answer."), notice  # not "...: 1", a count
    assert f"You chose 1 of up to {under.max_choices}" in text_of(ui, f"undervote-{under.id}")
    assert all(not exists(ui, f"undervote-{q.id}") for q in session.questions if isinstance(q, ListChoice))


def test_a_printed_zero_report_is_plain_news_not_a_warning(
    qapp: QApplication, conference: ElectionKit, carded_media: Path, tmp_path: Path
) -> None:
    seen: list[QQuickItem] = []

    def look(name: str, ui: BoothUi) -> None:
        if name == "35-worker-day":
            seen.append(find(ui, "zero-report"))
            assert text_of(ui, "zero-report").endswith("Printed.")
            assert seen[-1].inherits("QQuickText")  # a Says; the warning Notice is a framed box

    run_tour(conference.definition, tmp_path, hook=look, save=False, looks=[("en", "default", 1)],
             worker=WorkerTour(carded_media, SimCard(pin=PIN, key=WORKER_CARD_KEY)))
    assert seen
