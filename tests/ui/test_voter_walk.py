"""A delegate at the booth, by taps on the real screens (QML offscreen), through the real core."""

from __future__ import annotations

import pytest

from kiosk.ballot.definition import Option, OptionRole
from kiosk.ballot.encryption import decrypt_ballot
from kiosk.ballot.selections import decode_ballot
from kiosk.booth.station import CastReceipt, CastRefused, Station
from kiosk.ui.app import BoothUi
from tests.kit import ElectionKit
from tests.ui.taps import MARITIME, exists, find, log_in, tap, text_of, voter_code


def option_with(options: list[Option], role: OptionRole) -> str:
    return next(o.id for o in options if o.role is role)


def test_delegate_votes_24_questions_changes_the_7th_and_the_ballot_holds_exactly_that(
    ui: BoothUi, station: Station, conference: ElectionKit, receipts: list[CastReceipt]
) -> None:
    session = conference.definition.session(MARITIME)
    assert len(session.questions) == 24
    _voter, code = voter_code(conference, station.station_id, MARITIME)
    log_in(ui, code)
    tap(ui, f"session-{MARITIME}")
    roles = (OptionRole.YES, OptionRole.NO, OptionRole.ABSTAIN)
    expected: dict[str, tuple[str, ...]] = {}
    for n, question in enumerate(session.questions):
        assert text_of(ui, "question-number").endswith(f"Question {n + 1} of 24")
        choice = option_with(question.options, roles[n % 3])  # type: ignore[union-attr]
        tap(ui, f"option-{choice}")
        assert "Chosen" in str(find(ui, f"option-{choice}").property("detail"))
        expected[question.id] = (choice,)
        tap(ui, "question-continue")
    q07 = session.questions[6]
    assert text_of(ui, f"answer-{q07.id}") == "Yes"  # questions 1, 4, 7... were answered Yes
    tap(ui, f"change-{q07.id}")
    new = option_with(q07.options, OptionRole.NO)  # type: ignore[union-attr]
    tap(ui, f"option-{new}")
    tap(ui, "question-continue")  # back to the review, not to question 8
    assert exists(ui, "review-submit") and text_of(ui, f"answer-{q07.id}") == "No"
    expected[q07.id] = (new,)
    tap(ui, "review-submit")
    tap(ui, "confirm-cast")
    assert text_of(ui, "cast-recorded").endswith("Your vote has been recorded")
    [(tracking, session_id, ciphertext)] = station.box.all_ballots()
    assert text_of(ui, "tracking-code").replace("-", "") == tracking.replace("-", "")
    assert receipts == [CastReceipt(MARITIME, tracking)]
    election = conference.definition
    plaintext = decrypt_ballot(conference.secret, election.id, session_id, ciphertext)
    assert decode_ballot(election, session, plaintext).answers == expected
    tap(ui, "cast-done")
    assert "You have voted" in str(find(ui, f"session-{MARITIME}").property("detail"))
    tap(ui, f"session-{MARITIME}")  # a voted session cannot be entered again
    assert ui.walk.walk.screen.value == "sessions"
    tap(ui, "log-out")
    _the_same_code_is_refused_for_the_session(ui, station, code)
    with pytest.raises(CastRefused):  # nor can the core be made to take a second ballot
        station.cast(_voter, MARITIME, expected)


def _the_same_code_is_refused_for_the_session(ui: BoothUi, station: Station, code: str) -> None:
    log_in(ui, code)
    if exists(ui, "code-refusal"):  # the voter has voted everywhere they may
        assert "already been used" in text_of(ui, "code-refusal")
    else:
        assert "You have voted" in str(find(ui, f"session-{MARITIME}").property("detail"))
        assert find(ui, f"session-{MARITIME}").property("active") is False
    assert len(station.box.all_ballots()) == 1
