"""The lost booth comes back after officials released its delegate: exactly that ballot is voided.

Officials freed a delegate held "being recorded" at a booth lost for good (`station-admin hall
release`), and the delegate voted at another booth. The lost booth committed the ballot and was
killed before it told the hall to confirm (SIGKILL between the local commit and the confirm,
tests/hall/killed_booth.py). When it comes back its recovery learns from the hall that the cast was
released and voids that one ballot (kiosk/booth/hall_void.py); every other ballot it accepted is
kept and counted. Never a double vote, never a lost accepted ballot, nothing that links a voter to a
ballot in what leaves the booth."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from kiosk.ballot.ballot_box import DATABASE_NAME
from kiosk.ballot.sealed_file import read_sealed_file
from kiosk.booth.hall_cast import STEP_HELD
from kiosk.booth.hall_void import voided_codes
from kiosk.booth.station import Station
from kiosk.clock import utc_now
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.release import Release, release
from station_admin.importer import import_file
from station_admin.tally_db import open_db
from tests.hall.conftest import hall_station, unlocked
from tests.hall.test_hall_crash import KILLED_BOOTH, RUN_TIMEOUT_S
from tests.hall.test_hall_release import ANSWERS, sealed
from tests.kit import ElectionKit


def box_rows(data: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(data / DATABASE_NAME) as db:
        return db.execute(query).fetchall()


def lost_with_an_accepted_ballot(kit: ElectionKit, hall: HallHttpServer, data: Path) -> tuple[str, str]:
    """booth-1 accepted v01's ballot (confirmed), then was killed holding v03's unconfirmed; officials
    released v03. Returns the tracking codes (v01's, v03's)."""
    one = hall_station(kit, data, "booth-1", hall.url)
    kept = one.cast("v01", "budget", ANSWERS).tracking_code
    one.close()
    run = subprocess.run([sys.executable, str(KILLED_BOOTH), str(data), hall.url, "v03", "budget", STEP_HELD],
                         capture_output=True, timeout=RUN_TIMEOUT_S, check=False)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    codes = {str(c) for (c,) in box_rows(data, "SELECT tracking_code FROM ballots")}
    release(hall.service.store, unlocked(kit).authority_key(),
            Release("v03", "budget", "booth-1", "booth-1 lost", True, utc_now()))
    (lost,) = codes - {kept}
    return kept, lost


def test_the_lost_booth_coming_back_voids_the_released_ballot_alone_and_its_stick_imports(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Fault: booth-1 killed between its local commit and the hall's confirm, released by officials,
    # the delegate votes at booth-2, booth-1 comes back. Threat to guard: a double vote (both
    # ballots counted) or the lost booth's other accepted ballots refused with the released one.
    kept, lost = lost_with_an_accepted_ballot(small_election, hall, tmp_path / "booth-1")
    two = hall_station(small_election, tmp_path / "booth-2", "booth-2", hall.url)
    two.cast("v03", "budget", ANSWERS)
    one = hall_station(small_election, tmp_path / "booth-1", "booth-1", hall.url, open_polls=False)
    assert one.hall is not None and one.hall.settle() == 0  # voided at its return: nothing left open
    assert voided_codes(one.box) == [("budget", lost)]
    assert "ballot_voided" in one.audit_json()
    marks = [(m.voter_id, m.station) for m in hall.service.store.marks()]
    assert marks == [("v01", "booth-1"), ("v03", "booth-2")]
    engine = open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    package = small_election.folder.package()
    stick_one = sealed(one, tmp_path / "STICK-1")
    first = import_file(engine, package, stick_one)
    assert (first.status, first.ballots, first.marks) == ("imported", 1, 1), first.reason  # v01's kept
    second = import_file(engine, package, sealed(two, tmp_path / "STICK-2"))
    assert (second.status, second.ballots) == ("imported", 1), second.reason  # v03 counted once
    # Secrecy: the voided ballot leaves on no stick, and after the close the booth's disk holds no
    # journal row (voter and ballot) and no voided ciphertext, only the voided tracking code.
    on_stick = read_sealed_file(stick_one, package)
    assert [b.tracking_code for b in on_stick.ballots] == [kept] and on_stick.marks == [("budget", "v01")]
    assert box_rows(tmp_path / "booth-1", "SELECT * FROM hall_journal") == []
    assert [c for (_, c, *_rest) in box_rows(tmp_path / "booth-1", "PRAGMA table_info(voided_ballots)")] == [
        "tracking_code", "session_id"]
    one.close()
    two.close()


def test_a_lost_booth_closed_before_it_reached_the_hall_again_has_its_stick_refused_not_a_double_vote(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Fault: the lost booth comes back with no hall network, its poll worker closes polls and takes
    # the stick. The close drops the journal's link to the ballot (after a close nothing on disk may
    # link a voter to a ballot), so the booth can no longer single out the released ballot. Threat
    # to guard: the released delegate counted twice. The import refuses that stick; the booth,
    # brought to the hall afterwards, still holds the cast unsettled (it cannot void blindly).
    lost_with_an_accepted_ballot(small_election, hall, tmp_path / "booth-1")
    two = hall_station(small_election, tmp_path / "booth-2", "booth-2", hall.url)
    two.cast("v03", "budget", ANSWERS)
    offline = Station(tmp_path / "booth-1")  # no [hall] reached: its polls are still open
    engine = open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    package = small_election.folder.package()
    stick_one = sealed(offline, tmp_path / "STICK-1")
    assert box_rows(tmp_path / "booth-1", "SELECT ballot_code FROM hall_journal") == [(None,)]
    offline.close()
    assert import_file(engine, package, sealed(two, tmp_path / "STICK-2")).status == "imported"
    refused = import_file(engine, package, stick_one)
    assert refused.status == "refused" and "already voted" in refused.reason, refused.reason
    back = hall_station(small_election, tmp_path / "booth-1", "booth-1", hall.url, open_polls=False)
    assert back.hall is not None and back.hall.settle() == 1 and voided_codes(back.box) == []
    back.close()
    two.close()
