"""Multiple and list choices, blank answers and a failed cast, as a voter meets them on the screen."""

from __future__ import annotations

import pytest

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.definition import ListChoice, MultipleChoice
from kiosk.booth.station import CastReceipt, Station
from kiosk.ui.app import BoothUi
from tests.kit import ElectionKit
from tests.ui.taps import exists, find, log_in, tap, text_of, voter_code


def session_with(kit: ElectionKit, kind: type) -> str:
    for session in kit.definition.sessions:
        if any(isinstance(q, kind) for q in session.questions):
            return session.id
    pytest.skip(f"the election has no {kind.__name__} question")


def open_session(ui: BoothUi, kit: ElectionKit, station: Station, session_id: str) -> None:
    _voter, code = voter_code(kit, station.station_id, session_id)
    log_in(ui, code)
    tap(ui, f"session-{session_id}")


def test_multiple_choice_says_how_many_and_stops_at_the_maximum(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    session_id = session_with(conference, MultipleChoice)
    open_session(ui, conference, station, session_id)
    question = next(q for q in conference.definition.session(session_id).questions)
    while not isinstance(question, MultipleChoice):  # walk to the multiple-choice question
        tap(ui, f"option-{question.choices[0]}")
        tap(ui, "question-continue")
        question = conference.definition.session(session_id).questions[ui.walk.walk.question_index]
    assert f"up to {question.max}" in text_of(ui, "question-hint")
    for choice in question.choices[: question.max + 1]:
        tap(ui, f"option-{choice}")
    chosen = [c for c in question.choices if find(ui, f"option-{c}").property("chosen")]
    assert chosen == question.choices[: question.max]
    assert exists(ui, "question-maximum")


def test_a_list_shows_its_candidates_and_blank_is_allowed_where_the_election_says(
    ui: BoothUi, conference: ElectionKit, station: Station
) -> None:
    session_id = session_with(conference, ListChoice)
    open_session(ui, conference, station, session_id)
    questions = conference.definition.session(session_id).questions
    while not isinstance(questions[ui.walk.walk.question_index], ListChoice):
        question = questions[ui.walk.walk.question_index]
        if not question.allow_blank:
            tap(ui, f"option-{question.choices[0]}")
        tap(ui, "question-continue")
    question = questions[ui.walk.walk.question_index]
    assert isinstance(question, ListChoice)
    first = question.lists[0]
    if first.candidates:
        assert first.candidates[0] in str(find(ui, f"option-{first.id}").property("detail"))
    if question.allow_blank:
        assert "leave this question blank" in text_of(ui, "question-hint")
        tap(ui, "question-continue")
        assert "No answer" in text_of(ui, f"answer-{question.id}")  # flagged on the review


def test_a_failed_cast_says_so_keeps_the_answers_and_can_be_tried_again(
    ui: BoothUi, conference: ElectionKit, station: Station, monkeypatch: pytest.MonkeyPatch,
    receipts: list[CastReceipt],
) -> None:
    session = min(conference.definition.sessions, key=lambda s: len(s.questions))
    open_session(ui, conference, station, session.id)
    for question in session.questions:
        tap(ui, f"option-{question.choices[0]}")
        tap(ui, "question-continue")

    def full_disk(*_args: object) -> CastReceipt:
        raise StorageError("database or disk is full")

    real_cast = station.cast
    monkeypatch.setattr(station, "cast", full_disk)
    tap(ui, "review-submit")
    tap(ui, "confirm-cast")
    assert "NOT recorded" in text_of(ui, "cast-not-recorded") and receipts == []
    monkeypatch.setattr(station, "cast", real_cast)
    tap(ui, "cast-retry")
    tap(ui, "confirm-cast")
    assert exists(ui, "cast-recorded") and len(receipts) == 1
    assert len(station.box.all_ballots()) == 1
