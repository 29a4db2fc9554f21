"""A poll worker's full day at the booth, by taps on the real screens, with a simulated card."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ballot.codes import generate_code
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import PACKAGE_FILE, PROVISION_FILE
from kiosk.booth.polls import PollsState
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from kiosk.booth.walk import Timing
from kiosk.booth.worker_flow import WORKER_IDLE_SECONDS, SimWorkerCard
from kiosk.booth.worker_reissue import CODE_SHOWN_SECONDS
from kiosk.devices.escpos_decode import Decoded, decode
from kiosk.devices.sim_media import SimMedia
from kiosk.devices.sim_printer import SimPrinter
from kiosk.ui.app import BoothUi, WorkerSetup, build_ui
from kiosk.ui.receipt_slips import ReceiptSlips, report_printer
from station_admin.cli import main as admin
from station_admin.provisioning import provision_station
from tests.kit import ElectionKit, share_args
from tests.ui.conftest import PIN, VOTER_KEY, WORKER_CARD_KEY, WORKER_KEY, ManualClock, booth_of
from tests.ui.taps import exists, log_in, next_tick, tap, text_of, wait_for


def shortest_session(election: ElectionDefinition) -> str:
    """The session with fewest questions: the voter's part of the day stays short."""
    return min(election.sessions, key=lambda s: len(s.questions)).id


def voters_of(kit: ElectionKit, session_id: str) -> list[str]:
    codes = kit.codes()
    voters = kit.definition.voters_at(booth_of(kit))
    return [v.id for v in voters if session_id in v.sessions and v.id in codes]


@dataclass
class Day:
    ui: BoothUi
    station: Station
    stick: SimMedia  # the USB stick the booth sees; a test can pull it out or swap it
    printer: SimPrinter  # receipts, reports and slips, as the real ESC/POS bytes

    def slips(self) -> list[Decoded]:
        return [decode(data, self.printer.paper.profile) for data in self.printer.slips]


@pytest.fixture
def day(qapp: QApplication, tmp_path: Path, carded_media: Path, clock: ManualClock) -> Iterator[Day]:
    station = Station(tmp_path / "fresh-booth")
    stick_folder = tmp_path / "stick"
    shutil.copytree(carded_media, stick_folder)
    stick, printer = SimMedia(stick_folder), SimPrinter()
    slips = ReceiptSlips(printer, lambda: station.election, lambda: station.station_id,
                         lambda: station.mode == "test")
    health = lambda: [("printer", "ok", ""), ("card_reader", "ok", "")]  # noqa: E731
    setup = WorkerSetup(station, stick, report_printer(printer), health, booth_of_media(carded_media))
    ui = build_ui(station, slips, Timing(120, 45), dpi=100, clock=clock, worker_setup=setup)
    slips.language = ui.language.code
    ui.window.show()
    yield Day(ui, station, stick, printer)
    ui.language.release()
    ui.window.close()
    ui.engine.deleteLater()
    station.close()


def polls(station: Station) -> PollsState:
    """The polls' state, read afresh after each tap."""
    return station.state


def booth_of_media(media: Path) -> str:
    provision = json.loads((media / PROVISION_FILE).read_text(encoding="utf-8"))
    return str(provision["station"])


def worker_logs_in(ui: BoothUi, pin: str = PIN, card: SimWorkerCard | None = None) -> SimWorkerCard:
    card = card or SimWorkerCard(PIN, WORKER_KEY, WORKER_CARD_KEY)
    assert ui.worker is not None
    ui.worker.card_inserted(card)  # what the card reader's insertion event calls
    for digit in pin:
        tap(ui, f"pin-{digit}")
    tap(ui, "pin-submit")
    return card


def test_a_poll_workers_full_day(
    day: Day, conference: ElectionKit, clock: ManualClock, tmp_path: Path, qtbot: QtBot
) -> None:
    ui, station, stick = day.ui, day.station, day.stick
    session = shortest_session(conference.definition)
    voter, other, lost = voters_of(conference, session)[:3]
    assert "not set up" in text_of(ui, "welcome-not-ready")
    # Log in: a wrong PIN shows the card's tries left; the right one goes on to set-up.
    card = worker_logs_in(ui, "9999")
    assert "Tries left on this card: 2" in text_of(ui, "pin-refusal")
    worker_logs_in(ui, PIN, card)
    # Set up from the stick: title and fingerprint shown to compare, then taken in.
    tap(ui, "setup-check")
    fingerprint = station_fingerprint(stick.folder)
    assert text_of(ui, "setup-fingerprint") == fingerprint
    assert conference.definition.title["en"] in text_of(ui, "setup-title")
    tap(ui, "setup-confirm")
    assert polls(station) is PollsState.READY
    # Open polls: the zero report, as printed, shows every session at zero, the fingerprint and chain.
    tap(ui, "worker-open")
    assert polls(station) is PollsState.OPEN
    zero = day.slips()[-1].lines
    assert zero[0] == "ZERO REPORT" and fingerprint in " ".join(zero)
    counts = [line for line in zero if line.strip().startswith("ballots")]
    assert len(counts) == len(conference.definition.sessions)
    assert all(line.split() == ["ballots", "0", "voted", "marks", "0"] for line in counts)
    assert station.box.audit_entries()[-1].hash[:16] in "".join(zero)
    assert "Printed" in text_of(ui, "zero-report")
    for each in conference.definition.sessions:  # the screen shows the zeros too
        assert text_of(ui, f"toggle-{each.id}").endswith("ballots: 0")
    tap(ui, f"toggle-{session}")
    assert station.active_sessions() == [session]
    tap(ui, "worker-leave")
    assert exists(ui, "enter-code")
    # A voter votes in French; the receipt is printed in French with the tracking code and its QR.
    codes = conference.codes()
    tap(ui, "lang-fr")
    log_in(ui, codes[voter])
    tap(ui, f"session-{session}")
    for question in conference.definition.session(session).questions:
        tap(ui, f"option-{question.choices[0]}")
        tap(ui, "question-continue")
    tap(ui, "review-submit")
    tap(ui, "confirm-cast")
    receipt = day.slips()[-1]
    tracking = ui.walk.walk.last_receipt.tracking_code if ui.walk.walk.last_receipt else ""
    assert tracking and tracking in "".join(receipt.lines).replace(" ", "")
    assert conference.definition.session(session).title["fr"] in " ".join(receipt.lines)
    assert any(tracking in payload for payload in receipt.qr_payloads)
    tap(ui, "cast-done")
    tap(ui, "log-out")
    worker_logs_in(ui)
    assert "ballots: 1" in text_of(ui, f"toggle-{session}")
    # The last receipt may be reprinted once.
    printed = len(day.printer.slips)
    tap(ui, "worker-reprint")
    assert "printed again" in text_of(ui, "reprint-status") and len(day.printer.slips) == printed + 1
    tap(ui, "worker-reprint")
    assert "already reprinted" in text_of(ui, "reprint-status") and len(day.printer.slips) == printed + 1
    # Pause and resume: voters are refused while paused.
    tap(ui, "worker-pause")
    outcome = station.authenticate_code(codes[other])
    assert isinstance(outcome, CodeRefused) and outcome.reason is CodeRefusal.NOT_OPEN
    tap(ui, "worker-resume")
    assert polls(station) is PollsState.OPEN
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
    wait_for(qtbot, lambda: not exists(ui, "reissued-code"))
    # Or printed as a sealed slip: then it leaves the screen at once.
    tap(ui, f"search-{lost[0].upper()}")
    for key in lost[1:].upper():
        tap(ui, f"search-{key}")
    tap(ui, f"reissue-{lost}")
    slip_code = text_of(ui, "reissued-code")
    tap(ui, "print-slip")
    slip = day.slips()[-1].lines
    assert conference.definition.voter(lost).name in slip and slip_code.replace(" ", "") in "".join(slip)
    assert not exists(ui, "reissued-code") and exists(ui, "slip-printed")
    tap(ui, "worker-home")
    # The chair closes the session: the voters' screen follows at once.
    tap(ui, f"toggle-{session}")
    assert station.active_sessions() == []
    # Close, asked twice; the closing report as printed counts the ballot.
    tap(ui, "worker-close")
    tap(ui, "close-confirm")
    assert polls(station) is PollsState.OPEN and "sure" in text_of(ui, "close-question")
    tap(ui, "close-confirm")
    assert polls(station) is PollsState.CLOSED
    closing = day.slips()[-1].lines
    assert closing[0] == "CLOSING REPORT"
    title = conference.definition.session(session).title[conference.definition.languages[0]]
    counted = closing[closing.index(title) + 1] if title in closing else ""
    assert counted.split() == ["ballots", "1", "voted", "marks", "1"]
    # The sealed file: a pulled stick is told and leaves nothing that looks complete; then two copies.
    stick.faults.pulled_after_bytes = 100
    tap(ui, "export-write")
    assert "was not written" in text_of(ui, "export-failed")
    assert not list(stick.folder.glob("*.isoloir"))
    copies = []
    for n in (1, 2):
        stick.folder = tmp_path / f"stick-{n}"
        stick.folder.mkdir()
        stick.insert()
        tap(ui, "export-write")
        assert f"Copies: {n}" in text_of(ui, "export-done")
        copies += [p.read_bytes() for p in stick.folder.iterdir()]
    assert len(copies) == 2 and copies[0] == copies[1]
    # The audit log shows the day.
    tap(ui, "worker-home")
    tap(ui, "worker-audit")
    assert exists(ui, "audit-row")
    tap(ui, "audit-export")
    assert "polls_closed" in (stick.folder / f"audit-{station.station_id}.json").read_text()
    tap(ui, "worker-leave")
    assert exists(ui, "welcome-closed") and not exists(ui, "enter-code")  # polls are closed
    # The officials import the copy and count exactly the day's ballot.
    assert counted_by_station_admin(conference, tmp_path / "stick-1", tmp_path)[session] == 1


def counted_by_station_admin(kit: ElectionKit, stick: Path, tmp_path: Path) -> dict[str, int]:
    """Ballots per session, as `station-admin import` and `tally` count them from the stick."""
    runner = CliRunner()
    sealed = [str(p) for p in stick.glob("*.isoloir")]
    db = f"sqlite:///{tmp_path / 'tally.db'}"
    imported = runner.invoke(admin, ["import", "--election", str(kit.folder.root), "--db", db,
                                     "--mode", "official", *sealed])
    assert imported.exit_code == 0, imported.output
    results = tmp_path / "RESULTS"
    tallied = runner.invoke(admin, ["tally", "--election", str(kit.folder.root), "--db", db,
                                    *share_args({1: kit.folder.share_path(1), 2: kit.folder.share_path(2)},
                                                tmp_path),
                                    "--out", str(results)])
    assert tallied.exit_code == 0, tallied.output
    counted = json.loads((results / "results.json").read_text(encoding="utf-8"))
    return {s["id"]: s["ballots"] for s in counted["sessions"]}


def test_a_blocked_card_is_refused(day: Day) -> None:
    ui = day.ui
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


def test_a_package_altered_on_the_stick_is_refused_with_its_reason(day: Day, tmp_path: Path) -> None:
    ui, station, stick = day.ui, day.station, day.stick
    altered = tmp_path / "altered"
    shutil.copytree(stick.folder, altered)
    package = altered / PACKAGE_FILE
    text = package.read_text(encoding="utf-8")
    package.write_text(text.replace(station_name_in(text), "an altered name", 1), encoding="utf-8")
    stick.folder = altered
    worker_logs_in(ui)
    tap(ui, "setup-check")
    assert text_of(ui, "setup-refused").startswith("The election package was refused. (")
    assert not exists(ui, "setup-confirm") and polls(station) is PollsState.NOT_SET_UP


def test_a_stick_swapped_after_it_was_checked_is_not_taken_in(
    day: Day, conference: ElectionKit, tmp_path: Path
) -> None:
    ui, station, stick = day.ui, day.station, day.stick
    assert ui.worker is not None
    ui.worker.flow.booth_id = None  # a booth whose config names no booth: any provisioned stick fits
    worker_logs_in(ui)
    tap(ui, "setup-check")  # the poll worker compares booth-1's stick with the printed fingerprint
    other = provision_station(conference.folder, "booth-2", tmp_path / "booth-2-stick")
    stick.folder = other
    tap(ui, "setup-confirm")
    assert "not the stick just checked" in text_of(ui, "setup-refused")
    assert polls(station) is PollsState.NOT_SET_UP


def test_a_voter_card_logs_in_and_pulling_it_out_logs_out(day: Day) -> None:
    ui, station = day.ui, day.station
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


def test_a_poll_worker_who_walks_away_is_logged_out(day: Day, clock: ManualClock, qtbot: QtBot) -> None:
    ui = day.ui
    worker_logs_in(ui)
    assert exists(ui, "setup-check")
    clock.now += WORKER_IDLE_SECONDS - 10
    tap(ui, "setup-check")  # a touch: still there
    clock.now += 20
    assert ui.worker is not None
    next_tick(qtbot, ui.worker)
    assert exists(ui, "setup-check")
    clock.now += WORKER_IDLE_SECONDS
    wait_for(qtbot, lambda: exists(ui, "welcome-not-ready"))
    assert not exists(ui, "setup-check")


def test_a_rehearsal_says_test_on_every_screen_receipt_and_report(
    day: Day, conference: ElectionKit
) -> None:
    # Threat (issue 12, finding 8): a rehearsal's booth taken for the real vote, or its file for an
    # official one. The poll worker chooses at set-up; a test booth says so everywhere.
    ui, station = day.ui, day.station
    session = shortest_session(conference.definition)
    voter = voters_of(conference, session)[0]
    worker_logs_in(ui)
    tap(ui, "setup-check")
    assert not exists(ui, "test-mode")
    tap(ui, "setup-confirm-test")
    assert station.mode == "test" and exists(ui, "test-mode")
    tap(ui, "worker-open")
    zero = printed_lines(day)
    assert zero[0] == zero[-1] == "*** TEST MODE - NOT OFFICIAL ***" and "ZERO REPORT" in zero
    tap(ui, f"toggle-{session}")
    tap(ui, "worker-leave")
    assert exists(ui, "enter-code") and "not counted" in text_of(ui, "test-mode")
    tap(ui, "lang-es")
    log_in(ui, conference.codes()[voter])
    assert "no se cuentan" in text_of(ui, "test-mode")  # on the voter's screens, in her language
    tap(ui, f"session-{session}")
    for question in conference.definition.session(session).questions:
        assert exists(ui, "test-mode")
        tap(ui, f"option-{question.choices[0]}")
        tap(ui, "question-continue")
    tap(ui, "review-submit")
    tap(ui, "confirm-cast")
    receipt = printed_lines(day)
    assert receipt[0] == receipt[-1] == "*** PRUEBA - ESTE VOTO NO SE CUENTA ***"
    tap(ui, "cast-done")
    tap(ui, "log-out")
    worker_logs_in(ui)
    tap(ui, "worker-close")
    tap(ui, "close-confirm")
    tap(ui, "close-confirm")
    assert printed_lines(day)[-1] == "*** TEST MODE - NOT OFFICIAL ***"  # the closing report
    name, _data = station.sealed_bytes()
    assert "-test-" in name


def test_the_audit_screen_names_events_in_the_poll_workers_language(
    day: Day, conference: ElectionKit
) -> None:
    # Issue 12: the audit screen showed raw names (code_reissued) to a French-speaking poll worker.
    ui, station = day.ui, day.station
    worker_logs_in(ui)
    tap(ui, "setup-check")
    tap(ui, "setup-confirm")
    lost = conference.definition.voters_at(station.station_id)[0].id
    station.reissue_code(lost, "pw-1")
    tap(ui, "lang-fr")
    tap(ui, "worker-audit")
    rows = [text for text in visible_texts_of(ui) if "  " in text]
    assert any("Code de vote réémis" in row for row in rows), rows
    assert any("Isoloir installé" in row for row in rows)
    assert not any("code_reissued" in row or "station_set_up" in row for row in rows)


def visible_texts_of(ui: BoothUi) -> list[str]:
    from tests.ui.taps import items

    return [str(i.property("text")) for i in items(ui.window) if i.objectName() == "audit-row"]


def printed_lines(day: Day) -> list[str]:
    """The last slip's lines of text, without the blank feed lines."""
    return [line for line in day.slips()[-1].lines if line.strip()]
