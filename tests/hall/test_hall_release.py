"""Officials release a delegate stuck "being recorded" at a booth lost for good; never a double vote.

A booth that vanishes after the hall reserved a delegate's mark holds that delegate: no other booth
takes them (tests/hall/test_hall_crash.py). `station-admin hall release` frees them, audited."""

from __future__ import annotations

import datetime
import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from kiosk.booth.hall_cast import STEP_HELD
from kiosk.booth.station import Station
from kiosk.clock import utc_now
from station_admin.cli import main
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.release import BOOTH_AT_WORK_S, Release, ReleaseRefused, release
from station_admin.hall.store import hall_releases
from station_admin.importer import import_file
from station_admin.tally_db import open_db
from tests.hall.conftest import hall_station, unlocked
from tests.hall.test_hall_crash import KILLED_BOOTH, RUN_TIMEOUT_S
from tests.kit import POLL_WORKER, ElectionKit, authority_args

ANSWERS = {"q1": ("yes",)}


def lost_mid_cast(kit: ElectionKit, hall: HallHttpServer, data: Path, voter: str) -> None:
    """booth-1 committed voter's ballot, and was killed before it told the hall to confirm."""
    hall_station(kit, data, "booth-1", hall.url).close()
    run = subprocess.run([sys.executable, str(KILLED_BOOTH), str(data), hall.url, voter, "budget", STEP_HELD],
                         capture_output=True, timeout=RUN_TIMEOUT_S, check=False)
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()


def sealed(booth: Station, out: Path) -> Path:
    booth.close_polls(POLL_WORKER)
    out.mkdir()
    return booth.export(out)


def test_a_released_delegate_votes_elsewhere_and_the_lost_booth_coming_back_is_never_a_second_vote(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Threat: the lost booth comes back (repaired, or its disk in another machine) holding a ballot
    # for the reservation the officials released, after the delegate voted at another booth.
    store, authority = hall.service.store, unlocked(small_election).authority_key()
    lost_mid_cast(small_election, hall, tmp_path / "booth-1", "v03")
    two = hall_station(small_election, tmp_path / "booth-2", "booth-2", hall.url)
    assert two.hall is not None and two.hall.hall.reserve("00" * 16, "v03", "budget").value == "pending"
    release(store, authority, Release("v03", "budget", "booth-1", "booth-1 fell off the table", True,
                                      utc_now()))
    two.cast("v03", "budget", ANSWERS)  # the delegate votes at another booth
    one = hall_station(small_election, tmp_path / "booth-1", "booth-1", hall.url, open_polls=False)
    assert one.hall is not None and one.hall.settle() == 0  # the hall said released: the ballot voided
    assert [(m.station, m.state) for m in store.marks() if m.voter_id == "v03"] == [("booth-2", "confirmed")]
    with store.engine.connect() as c:
        audit = json.loads(c.execute(select(hall_releases.c.record)).scalar_one())
    assert audit["reason"] == "booth-1 fell off the table" and audit["forced"] is True
    # The sticks: one mark for v03 in all (booth-2's); booth-1's stick holds no ballot for it
    # (tests/hall/test_hall_release_return.py follows the lost booth's other ballots).
    engine = open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    package = small_election.folder.package()
    assert import_file(engine, package, sealed(two, tmp_path / "STICK-2")).status == "imported"
    result = import_file(engine, package, sealed(one, tmp_path / "STICK-1"))
    assert (result.status, result.ballots, result.marks) == ("imported", 0, 0), result.reason
    one.close()
    two.close()


def test_a_release_is_refused_unless_it_frees_a_reservation_of_a_booth_gone_quiet(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Threat: an official (or whoever has the authority passphrase) releases a delegate who voted,
    # or one a working booth is recording right now, to let them vote a second time.
    store, authority = hall.service.store, unlocked(small_election).authority_key()
    lost_mid_cast(small_election, hall, tmp_path / "booth-1", "v03")
    two = hall_station(small_election, tmp_path / "booth-2", "booth-2", hall.url)
    two.cast("v05", "budget", ANSWERS)
    now = utc_now()
    later = utc_now() + datetime.timedelta(seconds=BOOTH_AT_WORK_S + 1)
    refusals = {
        "a vote is never released": Release("v05", "budget", "booth-2", "mistake", True, later),
        "not at booth-2": Release("v03", "budget", "booth-2", "lost", True, later),
        "nothing to release": Release("v07", "budget", "booth-1", "lost", True, later),
        "give the reason": Release("v03", "budget", "booth-1", "  ", True, later),
        "--force": Release("v03", "budget", "booth-1", "lost", False, now),  # booth-1 was at work just now
    }
    for reason, wanted in refusals.items():
        with pytest.raises(ReleaseRefused, match=reason):
            release(store, authority, wanted)
    assert len([m for m in store.marks() if m.voter_id in ("v03", "v05")]) == 2  # nothing changed
    release(store, authority, Release("v03", "budget", "booth-1", "lost", False, later))  # quiet long enough
    assert [m.voter_id for m in store.marks()] == ["v05"]
    two.close()


def test_station_admin_hall_release_frees_the_delegate(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    lost_mid_cast(small_election, hall, tmp_path / "booth-1", "v03")
    root = small_election.folder.root
    command = ["hall", "release", "v03", "--election", str(root), "--session", "budget", "--booth", "booth-1",
               "--reason", "booth-1 lost", "--db", hall.service.store.engine.url.render_as_string(False),
               *authority_args(tmp_path)]
    refused = CliRunner().invoke(main, command)
    assert refused.exit_code == 1 and "--force" in refused.output, refused.output
    released = CliRunner().invoke(main, [*command, "--force"])
    assert released.exit_code == 0, released.output
    assert "released v03 in budget" in released.output
    assert hall.service.store.marks() == []
