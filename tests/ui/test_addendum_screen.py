"""The poll worker takes in an addendum at the booth, by taps on the real screens: what it changes
is shown first (a vote added, a delegation, a code reissued), accepted as shown; a second check of
the same stick is refused with its reason, in the poll worker's language."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from kiosk.ballot.package import PackageCard
from kiosk.booth.station import Station
from kiosk.booth.walk import Timing
from kiosk.devices.sim_media import SimMedia
from kiosk.devices.sim_printer import SimPrinter
from kiosk.ui.app import BoothUi, WorkerSetup, build_ui
from kiosk.ui.receipt_slips import ReceiptSlips, report_printer
from station_admin.addenda import copy_to_stick
from station_admin.ceremony import register_cards
from station_admin.election_dir import ElectionDir
from station_admin.provisioning import provision_station
from tests.conference.kit import Officials, make_conference, officials_of
from tests.conference.test_added_vote import add_the_vote
from tests.kit import AUTHORITY_PASSPHRASE, ElectionKit
from tests.ui.conftest import WORKER_KEY, WORKER_SIGNER, ManualClock
from tests.ui.taps import exists, items, tap, text_of
from tests.ui.test_poll_worker_day import worker_logs_in

SCREENS = Path(__file__).resolve().parents[2] / "build" / "screens"


@pytest.fixture(scope="module")
def delegations(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    return make_conference(tmp_path_factory.mktemp("delegations"))


@pytest.fixture
def amended_day(qapp: QApplication, delegations: ElectionKit, tmp_path: Path,
                clock: ManualClock) -> Iterator[tuple[BoothUi, Station, Officials, Path]]:
    """booth-1 set up with the test's poll-worker card registered, polls open; officials' folder."""
    officials = officials_of(delegations, tmp_path)
    folder = ElectionDir(officials.election, unlock=lambda: AUTHORITY_PASSPHRASE)
    register_cards(folder, [PackageCard(public_key=WORKER_KEY, holder="pw-1", role="poll_worker")])
    media = provision_station(folder, "booth-1", tmp_path / "MEDIA")
    station = Station(tmp_path / "booth")
    station.set_up(media, WORKER_SIGNER)
    station.open_polls("pw-1")
    stick = tmp_path / "STICK"
    stick.mkdir()
    printer = SimPrinter()
    slips = ReceiptSlips(printer, lambda: station.election, lambda: station.station_id, lambda: False)
    setup = WorkerSetup(station, SimMedia(stick), report_printer(printer), lambda: [], "booth-1")
    ui = build_ui(station, slips, Timing(120, 45), dpi=100, clock=clock, worker_setup=setup)
    ui.window.show()
    yield ui, station, officials, stick
    ui.language.release()
    ui.window.close()
    ui.engine.deleteLater()
    station.close()


def changes_shown(ui: BoothUi) -> list[str]:
    """The changes as the poll worker reads them, top to bottom."""
    shown = [item for item in items(ui.window) if item.objectName() == "addendum-change" and item.isVisible()]
    shown.sort(key=lambda item: item.mapToScene(QPointF(0, 0)).y())
    return [str(item.property("text")) for item in shown]


def check_the_stick(ui: BoothUi, officials: Officials, stick: Path) -> None:
    """The officials' addenda copied to the stick; the poll worker logs in and has the booth check it."""
    folder = ElectionDir(officials.election)
    copy_to_stick(folder, folder.package(), stick)
    worker_logs_in(ui)
    tap(ui, "worker-addendum")
    tap(ui, "addendum-check")

def test_the_poll_worker_reads_what_an_addendum_changes_then_accepts_it(
    amended_day: tuple[BoothUi, Station, Officials, Path],
) -> None:
    ui, station, officials, stick = amended_day
    add_the_vote(officials)
    assert officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3",
                            "--session", "budget").exit_code == 0
    assert officials.signed("election", "amend", "--reissue", "v05").exit_code == 0
    check_the_stick(ui, officials, stick)
    assert "Addendum 1" in text_of(ui, "addendum-number")
    assert changes_shown(ui) == ["• A vote is added: Amendment 7"]
    tap(ui, "addendum-accept")
    assert len(station.held_addenda()) == 1 and "amendment-7" in [s.id for s in station.election.sessions]
    assert "Addendum 1 was taken in" in text_of(ui, "addendum-accepted")
    tap(ui, "addendum-check")
    assert changes_shown(ui) == [
        "• Government adviser 3, State 001 (a001-3) votes in the place of "
        "Government delegate 1, State 001 (s001-1) in: Budget"
    ]
    SCREENS.mkdir(parents=True, exist_ok=True)
    ui.window.grabWindow().save(str(SCREENS / "worker-addendum-delegation.png"))
    tap(ui, "addendum-accept")
    tap(ui, "addendum-check")
    assert changes_shown(ui) == ["• A new voting code for Delegate 5: their old code stops working"]
    tap(ui, "addendum-accept")
    assert len(station.held_addenda()) == 3
    # The stick holds nothing new: refused, with its reason, in French too.
    tap(ui, "addendum-check")
    assert "already took it in" in text_of(ui, "addendum-refused")
    assert not exists(ui, "addendum-accept") or not changes_shown(ui)
    ui.language.choose("fr")
    tap(ui, "addendum-check")
    assert "déjà pris en compte" in text_of(ui, "addendum-refused")
    ui.window.grabWindow().save(str(SCREENS / "worker-addendum-refused-fr.png"))
    assert len(station.held_addenda()) == 3


def test_a_forged_addendum_is_refused_on_the_poll_workers_screen(
    amended_day: tuple[BoothUi, Station, Officials, Path],
) -> None:
    """Threat: whoever carries the stick alters the addendum on it; the poll worker is told."""
    ui, station, officials, stick = amended_day
    add_the_vote(officials)
    folder = ElectionDir(officials.election)
    (path,) = copy_to_stick(folder, folder.package(), stick)
    path.write_bytes(path.read_bytes().replace(b"Amendment 7", b"Amendment 8"))
    worker_logs_in(ui)
    tap(ui, "worker-addendum")
    tap(ui, "addendum-check")
    assert "not signed by this election's authority" in text_of(ui, "addendum-refused")
    assert station.held_addenda() == []
    shutil.rmtree(stick)


def test_the_poll_worker_sees_a_change_of_weighting_and_the_weights_it_gives(
    amended_day: tuple[BoothUi, Station, Officials, Path],
) -> None:
    """A vote declared weighted by group shows its weights per group before the worker accepts it;
    a member struck off then shows the weights recomputed, in the worker's language."""
    ui, station, officials, stick = amended_day
    assert officials.signed("election", "amend", "--weighting", "budget=by-group").exit_code == 0
    assert officials.signed("election", "amend", "--strike", "v02").exit_code == 0
    check_the_stick(ui, officials, stick)
    # the budget's voters: 21 Government, 11 Employer and 10 Worker members; lcm 2,310
    assert changes_shown(ui) == [
        "• Budget is weighted by group, equal strength for each group:",
        "    – Government: 21 members entitled to vote, 110 votes each",
        "    – Employers: 11 members entitled to vote, 210 votes each",
        "    – Workers: 10 members entitled to vote, 231 votes each",
    ]
    SCREENS.mkdir(parents=True, exist_ok=True)
    ui.window.grabWindow().save(str(SCREENS / "worker-addendum-weighting.png"))
    tap(ui, "addendum-accept")
    ui.language.choose("fr")
    tap(ui, "addendum-check")
    shown = changes_shown(ui)
    # v02, an Employer member of this booth, struck off
    assert shown[0] == "• Radié de la liste : Delegate 2 ne peut plus voter"
    assert shown[1:] == [  # 21, 10, 10: lcm 210
        "• Budget est pondéré par groupe, à égalité de force entre les groupes :",
        "    – Gouvernement : 21 membres ayant le droit de vote, 10 voix chacun",
        "    – Employeurs : 10 membres ayant le droit de vote, 21 voix chacun",
        "    – Travailleurs : 10 membres ayant le droit de vote, 21 voix chacun",
    ]
    ui.window.grabWindow().save(str(SCREENS / "worker-addendum-weights-recomputed-fr.png"))
    tap(ui, "addendum-accept")
    assert len(station.held_addenda()) == 2


def test_the_poll_worker_is_told_why_a_vote_already_cast_here_cannot_be_weighted_anew(
    amended_day: tuple[BoothUi, Station, Officials, Path],
) -> None:
    """Delegates voted in the record vote at this booth; the officials, who have imported nothing
    yet, then weight it per voter: the booth refuses the addendum, says which vote and why, in the
    poll worker's language, and takes nothing in."""
    ui, station, officials, stick = amended_day
    station.set_session_active("roll-call", True, "pw-1")
    station.cast("v01", "roll-call", {"q1": ("yes",)})
    assert officials.signed("election", "amend", "--weighting", "roll-call=per-voter").exit_code == 0
    check_the_stick(ui, officials, stick)
    said = text_of(ui, "addendum-refused")
    assert "The addendum was refused and nothing changed" in said
    assert "votes were already cast at this booth in 'roll-call' under its earlier weighting" in said
    assert "addendum 1 would count them under another" in said
    SCREENS.mkdir(parents=True, exist_ok=True)
    ui.window.grabWindow().save(str(SCREENS / "worker-addendum-votes-cast.png"))
    assert not changes_shown(ui) and station.held_addenda() == []
    ui.language.choose("fr")
    tap(ui, "addendum-check")
    said = text_of(ui, "addendum-refused")
    assert "« roll-call » sous sa pondération antérieure" in said and "l'additif 1 les compterait" in said
    assert station.held_addenda() == []
