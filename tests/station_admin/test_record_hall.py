"""The published record of a hall day verifies: delegates voted at either of two booths of a hall (end
to end ballots), each booth's sealed manifest signs whose marks it holds (spec §9.2a), and
isoloir-verify's V7 checks ballots = marks per booth and session from those signed lists, and that
no delegate is marked at two booths in one session."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from isoloir_verify.executors import Serial
from isoloir_verify.runner import verify
from station_admin import tally_db as db
from station_admin.authority_key import open_authority_key
from station_admin.cli import main as admin
from station_admin.importer import import_file
from tests.ballot.sealed_kit import booth_day
from tests.kit import AUTHORITY_PASSPHRASE, authority_args
from tests.station_admin.e2e_kit import E2EKit, make_e2e_election

REPO = Path(__file__).resolve().parents[2]
VERIFY = str(Path(sys.executable).parent / "isoloir-verify")
# Delegates of both rolls at each booth: booth-1's roll is v01–v20, booth-2's v21–v40.
AT_BOOTH = {"booth-1": ["v02", "v26", "v30"], "booth-2": ["v03", "v05", "v27"]}


def _admin(*args: str | Path) -> None:
    result = CliRunner().invoke(admin, [str(a) for a in args])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def hall_record(tmp_path_factory: pytest.TempPathFactory) -> tuple[E2EKit, Path]:
    root = tmp_path_factory.mktemp("hall-record")
    e2e = make_e2e_election(root / "election")
    url = f"sqlite:///{root / 'tally.sqlite'}"
    engine = db.open_db(url)
    for station, voters in AT_BOOTH.items():
        day = booth_day(e2e.kit, e2e.e2e.election, station, voters=voters, hall=True)
        path = root / f"{station}.isoloir"
        path.write_bytes(day.sealed())
        result = import_file(engine, e2e.kit.package, path, e2e=e2e.e2e)
        assert result.status == "imported", result.reason
    _admin("aggregate", "--election", e2e.kit.folder.root, "--db", url, "--out", root / "stick")
    for t in (1, 3):
        _admin("trustee", "decrypt", "--key", e2e.key(t), "--ceremony", e2e.ceremony,
               "--request", root / "stick" / "request.json", "--ballots", root / "stick",
               "--out", root / f"t{t}", "--passphrase-file", e2e.passphrase_file)  # fmt: skip
    request = root / "stick" / "request.json"
    _admin("tally", "--election", e2e.kit.folder.root, "--db", url, "--request", request,
           "--out", root / "RESULTS", "--partial", root / "t1" / "partial-1.json",
           "--partial", root / "t3" / "partial-3.json")  # fmt: skip
    _admin("record", "--election", e2e.kit.folder.root, "--db", url, "--results", root / "RESULTS",
           "--out", root / "RECORD", *authority_args(root))  # fmt: skip
    return e2e, root / "RECORD"


def test_a_hall_days_record_with_delegates_at_either_booth_passes_isoloir_verify(
    hall_record: tuple[E2EKit, Path],
) -> None:
    e2e, record = hall_record
    for station in AT_BOOTH:
        booth = json.loads((record / "booths" / f"{station}.json").read_text())
        assert booth["roll"] == "hall" and all("voters" in s for s in booth["sessions"])
    key = e2e.kit.package.body.authority_public_key
    verified = subprocess.run([VERIFY, str(record), "--authority-key", key],
                              capture_output=True, text=True, timeout=600)  # fmt: skip
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout


def test_a_delegate_marked_at_two_booths_or_marks_not_the_signed_list_fail_v7(
    hall_record: tuple[E2EKit, Path], tmp_path: Path
) -> None:
    # Threat: whoever publishes the record (or a booth run past the hall) adds a second mark for a
    # delegate who voted at the other booth, or swaps a marked voter for one who never voted (a vote
    # given to an absent delegate): the record must not verify, and V7 must say which.
    e2e, record = hall_record
    authority = open_authority_key((e2e.kit.folder.root / "authority.key").read_text(), AUTHORITY_PASSPHRASE)
    seed = authority.private_bytes_raw().hex()
    script = REPO / "scripts" / "mutate_record.py"
    subprocess.run([sys.executable, str(script), str(record), str(tmp_path), "--authority-seed", seed],
                   check=True, capture_output=True)  # fmt: skip
    key = bytes.fromhex(e2e.kit.package.body.authority_public_key)
    twice = verify(tmp_path / "bad-voter-at-two-booths", Serial(), key)
    assert any("marked twice" in f for f in twice.results["V7"].failures), twice.results["V7"].failures
    swapped = verify(tmp_path / "bad-voters-not-marks", Serial(), key)
    failures = swapped.results["V7"].failures
    assert any("not the voter list the booth signed" in f for f in failures), failures
    # The booth files and their signatures are untouched (expected.json sits unlisted in the folder).
    assert all(f.startswith("expected.json") for f in swapped.results["V4"].failures)
