"""`make demo` prepares a new sample election each run, and keeps the screens an earlier run drew."""

from __future__ import annotations

import csv
import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType

from kiosk.ballot.e2e_ballot import verify_ballot
from kiosk.ballot.e2e_record import ballot_from_json
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated
from kiosk.simulate import random_selections

ROOT = Path(__file__).resolve().parents[1]


def _demo_setup() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_setup", ROOT / "scripts/demo_setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_second_demo_run_keeps_the_tour_of_the_first(tmp_path: Path) -> None:
    demo = _demo_setup()
    out = tmp_path / "demo-data"
    demo.main(out)
    first_made = (out / "ELECTION").stat().st_mtime_ns
    drawn = out / "tour" / "en-default-01-welcome.png"
    drawn.parent.mkdir()
    drawn.write_bytes(b"a screen drawn by the first run")
    (out / "stale-leftover.txt").write_text("from an older demo")
    demo.main(out)
    assert drawn.read_bytes() == b"a screen drawn by the first run"
    assert not (out / "stale-leftover.txt").exists()  # the rest is made anew
    assert (out / "booth.toml").exists() and (out / "ELECTION").stat().st_mtime_ns != first_made


def test_the_demo_booth_seals_casts_and_checks_end_to_end_ballots(tmp_path: Path) -> None:
    demo = _demo_setup()
    out = tmp_path / "demo-data"
    demo.main(out)
    station = Station(out / demo.STATION)
    try:
        election = station.election_package().election_key
        assert election is not None  # the package carries the trustees' key: ballots are end to end
        session = station.election.sessions[0]
        with (out / "ELECTION" / "codes" / "voter-codes.csv").open(encoding="utf-8") as handle:
            row = next(r for r in csv.DictReader(handle) if r["station"] == demo.STATION)
        assert isinstance(station.authenticate_code(row["code"]), Authenticated)
        choices = random_selections(session, random.Random(6))
        checked = station.check_sealed(station.seal(station.prepare_ballot(row["voter_id"], session.id),
                                                    row["voter_id"], choices))  # fmt: skip
        assert checked is not None and station.counts()[session.id] == (0, 0)  # a check is never counted
        sealed = station.seal(station.prepare_ballot(row["voter_id"], session.id), row["voter_id"], choices)
        station.cast_sealed(sealed)
        assert station.counts()[session.id] == (1, 1)
        [(_, _, line)] = station.box.all_ballots()
        ballot = ballot_from_json(json.loads(line), session.id, demo.STATION)
        assert verify_ballot(election, session, ballot) is None
    finally:
        station.close()
