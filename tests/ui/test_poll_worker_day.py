"""A poll worker's full day at the booth, by taps on the real screens, with a simulated card."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ballot.codes import generate_code
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import PACKAGE_FILE
from kiosk.polls import PollsState
from kiosk.station import CastReceipt, Station
from kiosk.ui.app import BoothUi, WorkerSetup, build_ui
from kiosk.ui.worker_flow import CODE_SHOWN_SECONDS, WORKER_IDLE_SECONDS, SimWorkerCard
from kiosk.voter_auth import Authenticated, CodeRefusal, CodeRefused
from kiosk.walk import PrintStatus, Timing
from tests.kit import ElectionKit
from tests.ui.conftest import PIN, VOTER_KEY, WORKER_KEY, ManualClock, booth_of
from tests.ui.taps import exists, log_in, tap, text_of


def shortest_session(election: ElectionDefinition) -> str:
    """The session with fewest questions: the voter's part of the day stays short."""
    return min(election.sessions, key=lambda s: len(s.questions)).id


def voters_of(kit: ElectionKit, session_id: str) -> list[str]:
    codes = kit.codes()
    voters = kit.definition.voters_at(booth_of(kit))
    return [v.id for v in voters if session_id in v.sessions and v.id in codes]


class Stick:
    """The folder the booth sees as its USB stick; a test can pull it out."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self) -> Path:
        return self.path


@pytest.fixture
def day(qapp: QApplication, tmp_path: Path, carded_media: Path, clock: ManualClock,
        receipts: list[CastReceipt]) -> Iterator[tuple[BoothUi, Station, Stick, list[tuple[str, list[str]]]]]:
    station = Station(tmp_path / "fresh-booth")
    stick = Stick(carded_media)
    reports: list[tuple[str, list[str]]] = []

    def report_printer(title: str, lines: list[str]) -> PrintStatus:
        reports.append((title, lines))
        return PrintStatus.PRINTED

    def receipt_printer(receipt: CastReceipt) -> PrintStatus:
        receipts.append(receipt)
        return PrintStatus.PRINTED

    setup = WorkerSetup(station, stick, report_printer, lambda: [("printer", "ok"), ("card_reader", "ok")])
    ui = build_ui(station, receipt_printer, Timing(120, 45), dpi=100, clock=clock, worker_setup=setup)
    ui.window.show()
    yield ui, station, stick, reports
    ui.language.release()
    ui.window.close()
    ui.engine.deleteLater()
    station.close()


def worker_logs_in(ui: BoothUi, pin: str = PIN, card: SimWorkerCard | None = None) -> SimWorkerCard:
    card = card or SimWorkerCard(PIN, WORKER_KEY)
    assert ui.worker is not None
    ui.worker.card_inserted(card)  # what the card reader's insertion event calls
    for digit in pin:
        tap(ui, f"pin-{digit}")
    tap(ui, "pin-submit")
    return card


def test_a_poll_workers_full_day(
    day: tuple[BoothUi, Station, Stick, list[tuple[str, list[str]]]],
    conference: ElectionKit, clock: ManualClock, tmp_path: Path, qtbot: QtBot, receipts: list[CastReceipt],
) -> None:
    ui, station, stick, reports = day
    session = shortest_session(conference.definition)
    voter, other, lost = voters_of(conference, session)[:3]
    assert "not set up" in text_of(ui, "welcome-not-ready")
    # Log in: a wrong PIN shows the card's tries left; the right one goes on to set-up.
    card = worker_logs_in(ui, "9999")
    assert "Tries left on this card: 2" in text_of(ui, "pin-refusal")
    worker_logs_in(ui, PIN, card)
    # Set up from the stick: title and fingerprint shown to compare, then taken in.
    tap(ui, "setup-check")
    assert text_of(ui, "setup-fingerprint") == station_fingerprint(stick())
    assert conference.definition.title["en"] in text_of(ui, "setup-title")
    tap(ui, "setup-confirm")
    assert station.state is PollsState.READY
    # Open polls: the zero report shows zeros, and is printed.
    tap(ui, "worker-open")
    assert station.state is PollsState.OPEN
    assert reports[-1][0] == "Zero report" and all(line.endswith(": 0") for line in reports[-1][1])
    assert "Printed" in text_of(ui, "zero-report")
    for each in conference.definition.sessions:  # the screen shows the zeros too
        assert text_of(ui, f"toggle-{each.id}").endswith("ballots: 0")
    tap(ui, f"toggle-{session}")
    assert station.active_sessions() == [session]
    tap(ui, "worker-leave")
    assert exists(ui, "enter-code")
    # A voter votes; the worker sees the count (never the result).
    codes = conference.codes()
    log_in(ui, codes[voter])
    tap(ui, f"session-{session}")
    for question in conference.definition.session(session).questions:
        tap(ui, f"option-{question.choices[0]}")
        tap(ui, "question-continue")
    tap(ui, "review-submit")
    tap(ui, "confirm-cast")
    tap(ui, "cast-done")
    tap(ui, "log-out")
    worker_logs_in(ui)
    assert "ballots: 1" in text_of(ui, f"toggle-{session}")
    # The last receipt may be reprinted once.
    printed = len(receipts)
    tap(ui, "worker-reprint")
    assert "printed again" in text_of(ui, "reprint-status") and len(receipts) == printed + 1
    tap(ui, "worker-reprint")
    assert "already reprinted" in text_of(ui, "reprint-status") and len(receipts) == printed + 1
    # Pause and resume: voters are refused while paused.
    tap(ui, "worker-pause")
    outcome = station.authenticate_code(codes[other])
    assert isinstance(outcome, CodeRefused) and outcome.reason is CodeRefusal.NOT_OPEN
    tap(ui, "worker-resume")
    assert station.state is PollsState.OPEN
    # Clear a code-entry lock.
    for _ in range(5):
        station.authenticate_code(generate_code())
    assert station.lock_state().locked_until is not None
    tap(ui, "worker-clear-lock")
    assert station.lock_state().locked_until is None
    # Reissue a code: found by number; the old code stops at once; the new one shows for 120 s.
    tap(ui, "worker-reissue")
    for key in lost.upper():
        tap(ui, f"search-{key}")
    tap(ui, f"reissue-{lost}")
    new_code = text_of(ui, "reissued-code")
    old = station.authenticate_code(codes[lost])
    assert isinstance(old, CodeRefused) and old.reason is CodeRefusal.UNKNOWN
    assert station.authenticate_code(new_code) == Authenticated(lost)
    clock.now += CODE_SHOWN_SECONDS + 1
    qtbot.wait(1300)
    assert not exists(ui, "reissued-code")
    # Or printed as a sealed slip: then it leaves the screen at once.
    tap(ui, f"search-{lost[0].upper()}")
    for key in lost[1:].upper():
        tap(ui, f"search-{key}")
    tap(ui, f"reissue-{lost}")
    slip_code = text_of(ui, "reissued-code")
    tap(ui, "print-slip")
    assert reports[-1] == ("Voting code", [conference.definition.voter(lost).name, slip_code])
    assert not exists(ui, "reissued-code") and exists(ui, "slip-printed")
    tap(ui, "worker-home")
    # Close, asked twice; the closing report; the sealed file on the stick, read back and checked.
    tap(ui, "worker-close")
    tap(ui, "close-confirm")
    assert station.state is PollsState.OPEN and "sure" in text_of(ui, "close-question")
    tap(ui, "close-confirm")
    assert station.state is PollsState.CLOSED
    assert reports[-1][0] == "Closing report" and f"{session}: 1" in reports[-1][1]
    stick.path = tmp_path / "pulled-out" / "not-there"
    tap(ui, "export-write")
    assert "was not written" in text_of(ui, "export-failed")
    stick.path = tmp_path / "stick-1"
    stick.path.mkdir()
    tap(ui, "export-write")
    assert "Copies: 1" in text_of(ui, "export-done") and list(stick.path.iterdir())
    # The audit log shows the day.
    tap(ui, "worker-home")
    tap(ui, "worker-audit")
    assert exists(ui, "audit-row")
    tap(ui, "audit-export")
    assert "polls_closed" in (stick.path / f"audit-{station.station_id}.json").read_text()
    tap(ui, "worker-leave")
    assert exists(ui, "welcome-closed") and not exists(ui, "enter-code")  # polls are closed


def test_a_blocked_card_is_refused(day: tuple[BoothUi, Station, Stick, list[tuple[str, list[str]]]]) -> None:
    ui = day[0]
    card = worker_logs_in(ui, "1111")
    worker_logs_in(ui, "2222", card)
    worker_logs_in(ui, "3333", card)
    assert "blocked" in text_of(ui, "pin-refusal")
    worker_logs_in(ui, PIN, card)
    assert "blocked" in text_of(ui, "pin-refusal") and not exists(ui, "setup-check")
    assert ui.worker is not None
    ui.worker.card_removed()
    assert not exists(ui, "pin-refusal")


def station_name_in(package_text: str) -> str:
    """A text of the signed package to alter: its first English text (the election's title)."""
    start = package_text.index('"en": "') + len('"en": "')
    return package_text[start : package_text.index('"', start)]


def station_fingerprint(media: Path) -> str:
    from kiosk.ballot.package import PACKAGE_FILE, load_package

    return load_package(media / PACKAGE_FILE).fingerprint


def test_a_package_altered_on_the_stick_is_refused_with_its_reason(
    day: tuple[BoothUi, Station, Stick, list[tuple[str, list[str]]]], tmp_path: Path
) -> None:
    ui, station, stick, _reports = day
    altered = tmp_path / "altered"
    shutil.copytree(stick(), altered)
    package = altered / PACKAGE_FILE
    text = package.read_text(encoding="utf-8")
    package.write_text(text.replace(station_name_in(text), "an altered name", 1), encoding="utf-8")
    stick.path = altered
    worker_logs_in(ui)
    tap(ui, "setup-check")
    assert text_of(ui, "setup-refused").startswith("The election package was refused. (")
    assert not exists(ui, "setup-confirm") and station.state is PollsState.NOT_SET_UP


def test_a_voter_card_logs_in_and_pulling_it_out_logs_out(
    day: tuple[BoothUi, Station, Stick, list[tuple[str, list[str]]]],
) -> None:
    ui, station, _stick, _reports = day
    worker_logs_in(ui)
    tap(ui, "setup-check")
    tap(ui, "setup-confirm")
    tap(ui, "worker-open")
    tap(ui, f"toggle-{station.election.sessions[0].id}")
    tap(ui, "worker-leave")
    ui.walk.authenticated(station.authenticate_card(VOTER_KEY))  # what the card reader's event calls
    assert exists(ui, f"session-{station.election.sessions[0].id}")
    ui.walk.card_removed()
    assert exists(ui, "enter-code")


def test_a_poll_worker_who_walks_away_is_logged_out(
    day: tuple[BoothUi, Station, Stick, list[tuple[str, list[str]]]], clock: ManualClock, qtbot: QtBot
) -> None:
    ui = day[0]
    worker_logs_in(ui)
    assert exists(ui, "setup-check")
    clock.now += WORKER_IDLE_SECONDS - 10
    tap(ui, "setup-check")  # a touch: still there
    clock.now += 20
    qtbot.wait(1300)
    assert exists(ui, "setup-check")
    clock.now += WORKER_IDLE_SECONDS
    qtbot.wait(1300)
    assert not exists(ui, "setup-check") and exists(ui, "welcome-not-ready")
