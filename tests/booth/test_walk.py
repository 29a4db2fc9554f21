"""The voter's walk as a state machine over a real booth (small test election), without Qt."""

from __future__ import annotations

import pytest

from kiosk.ballot.ballot_box import StorageError
from kiosk.ballot.encryption import decrypt_ballot
from kiosk.ballot.selections import decode_ballot
from kiosk.booth.station import CastReceipt, SessionStatus, Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from kiosk.booth.walk import AnswerState, PrintOutcome, Screen, Timing, Walk, WalkError
from tests.kit import POLL_WORKER, ElectionKit

TIMING = Timing(warning_seconds=120, countdown_seconds=45)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def logged_in(booth: Station, kit: ElectionKit, voter: str = "v03", clock: Clock | None = None) -> Walk:
    walk = Walk(booth, lambda _r: PrintOutcome.PRINTED, TIMING, clock or Clock())
    walk.start_code_entry()
    assert isinstance(walk.enter_code(kit.codes()[voter]), Authenticated)
    return walk


def test_a_voter_casts_the_answers_they_chose(booth: Station, small_election: ElectionKit) -> None:
    walk = logged_in(booth, small_election)
    walk.open_session("budget")
    walk.choose("no")
    walk.continue_()
    assert walk.screen is Screen.REVIEW
    walk.submit()
    assert walk.screen is Screen.CONFIRM  # asked once more: submitting is final
    walk.confirm()
    assert walk.screen is Screen.CAST_DONE and walk.receipt is not None
    assert walk.print_status is PrintOutcome.PRINTED
    [(tracking, session_id, ciphertext)] = booth.box.all_ballots()
    assert tracking == walk.receipt.tracking_code and session_id == "budget"
    election = small_election.definition
    plaintext = decrypt_ballot(small_election.secret, election.id, session_id, ciphertext)
    assert decode_ballot(election, election.session("budget"), plaintext).answers["q1"] == ("no",)
    walk.done()
    assert {s.session_id: s.status for s in walk.sessions()}["budget"] is SessionStatus.VOTED
    with pytest.raises(WalkError):
        walk.open_session("budget")


def test_a_required_question_cannot_be_left_blank(booth: Station, small_election: ElectionKit) -> None:
    walk = logged_in(booth, small_election)
    walk.open_session("budget")
    assert not walk.can_continue
    with pytest.raises(WalkError):
        walk.continue_()


def test_multiple_choice_stops_at_the_maximum_and_may_be_blank(
    booth: Station, small_election: ElectionKit
) -> None:
    walk = logged_in(booth, small_election)
    walk.open_session("board")
    assert walk.can_continue  # this election allows leaving it blank
    for choice in walk.question.choices:
        walk.choose(choice)
    assert len(walk.chosen()) == 2 and walk.at_maximum
    walk.choose(walk.chosen()[0])  # tapping a chosen one removes it
    assert len(walk.chosen()) == 1


def test_review_flags_no_answer_apart_from_abstention(booth: Station, small_election: ElectionKit) -> None:
    walk = logged_in(booth, small_election)
    walk.open_session("board")
    walk.continue_()  # members left blank
    walk.choose(walk.question.choices[0])
    walk.continue_()
    states = {item.question_id: item.state for item in walk.review()}
    assert states == {"members": AnswerState.NO_ANSWER, "lists": AnswerState.ANSWERED}
    walk.back()
    assert walk.screen is Screen.QUESTION and walk.question.id == "lists"
    walk.back()
    walk.back()
    walk.log_out()
    walk = logged_in(booth, small_election)
    walk.open_session("budget")
    walk.choose("abstain")
    walk.continue_()
    assert walk.review()[0].state is AnswerState.ABSTAINED


def test_change_returns_to_the_question_then_to_the_review(
    booth: Station, small_election: ElectionKit
) -> None:
    walk = logged_in(booth, small_election)
    walk.open_session("board")
    walk.choose(walk.question.choices[0])
    walk.continue_()
    walk.choose(walk.question.choices[0])
    walk.continue_()
    walk.change("members")
    assert walk.screen is Screen.QUESTION and walk.question.id == "members"
    walk.choose(walk.question.choices[1])
    walk.continue_()
    assert walk.screen is Screen.REVIEW
    assert walk.review()[0].chosen == tuple(walk.session.questions[0].choices[:2])


def test_a_storage_failure_says_so_and_keeps_the_answers(
    booth: Station, small_election: ElectionKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = logged_in(booth, small_election)
    walk.open_session("budget")
    walk.choose("yes")
    walk.continue_()
    walk.submit()

    def full_disk(*_args: object) -> CastReceipt:
        raise StorageError("disk full")

    monkeypatch.setattr(booth, "cast", full_disk)
    walk.confirm()
    assert walk.screen is Screen.CAST_FAILED and walk.cast_error == "storage"
    assert walk.selections == {"q1": ("yes",)} and booth.box.all_ballots() == []
    monkeypatch.undo()
    walk.submit()
    walk.confirm()
    assert walk.screen is Screen.CAST_DONE and len(booth.box.all_ballots()) == 1


def test_time_out_warns_then_forgets_unsubmitted_answers(booth: Station, small_election: ElectionKit) -> None:
    clock = Clock()
    walk = logged_in(booth, small_election, clock=clock)
    walk.open_session("budget")
    walk.choose("yes")
    clock.now = 119
    assert not walk.tick() and not walk.warning_shown
    clock.now = 121
    assert not walk.tick() and walk.warning_shown and walk.countdown_left() == 44
    walk.touched()  # "I need more time"
    assert not walk.warning_shown and walk.selections == {"q1": ("yes",)}
    clock.now = 121 + 165
    assert walk.tick()
    assert walk.screen is Screen.WELCOME and walk.selections == {} and walk.voter_id is None


def test_a_closed_session_shows_but_cannot_be_entered(booth: Station, small_election: ElectionKit) -> None:
    booth.set_session_active("board", False, POLL_WORKER)
    walk = logged_in(booth, small_election)
    assert {s.session_id: s.status for s in walk.sessions()}["board"] is SessionStatus.NOT_OPEN
    with pytest.raises(WalkError):
        walk.open_session("board")


def test_a_mistyped_code_stays_on_code_entry(booth: Station, small_election: ElectionKit) -> None:
    walk = Walk(booth, clock=Clock())
    walk.start_code_entry()
    code = small_election.codes()["v03"].replace("-", "")
    wrong = code[:5] + ("0" if code[5] != "0" else "1") + code[6:]
    outcome = walk.enter_code(wrong)
    assert isinstance(outcome, CodeRefused) and outcome.reason is CodeRefusal.MISTYPED
    assert outcome.groups_to_check == (2,) and walk.screen is Screen.CODE_ENTRY
