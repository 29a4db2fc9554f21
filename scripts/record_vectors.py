"""The election records of vectors/records/ (scripts/make_vectors.py --records): each is the record of a
real walk (scripts/e2e-walk.sh) and broken copies of it, one fault each, re-signed by the walk's test
authority. Not seeded: keys and nonces come from the CSPRNG as in an election, so these files are
checked by the verifier's verdicts (tests/verify/test_records.py, test_weighted_records.py), not byte
for byte."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FORMAT = "isoloir-vectors/1"  # make_vectors.py's, for the authority.json files


def _write(out: Path, name: str, doc: dict[str, Any]) -> None:
    path = out / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


WEIGHTED_STRUCK = "v40"  # struck off by the weighted record's addendum: a composition changed
RECORD_VOTERS = 3  # voters per booth in the good record: every kind of file, a small record to commit
WALK_AUTHORITY_PASSPHRASE = "walk authority passphrase"  # scripts/e2e-walk.sh's, a test's


def write_records(out: Path) -> None:
    """records/good-two-booths (scripts/e2e-walk.sh's record: 3 trustees k = 2, two booths, a checked
    ballot, a session counted by group, a recorded session, a list question) and records/bad-*, one
    fault each (scripts/mutate_record.py), re-signed by the walk's test authority. Not seeded: keys and
    nonces come from the CSPRNG as in an election, so these files are checked by the verifier's
    verdicts (tests/verify/test_records.py), not byte for byte."""
    import os
    import shutil
    import subprocess
    import tempfile

    from station_admin.authority_key import open_authority_key

    records = out / "records"
    with tempfile.TemporaryDirectory() as tmp:
        walk = Path(tmp) / "walk"
        env = {**os.environ, "E2E_WALK_VOTERS": str(RECORD_VOTERS)}
        subprocess.run([str(ROOT / "scripts" / "e2e-walk.sh"), str(walk)], check=True, env=env,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        shutil.rmtree(records, ignore_errors=True)
        records.mkdir(parents=True)
        shutil.copytree(walk / "RECORD", records / "good-two-booths")
        key = open_authority_key((walk / "ELECTION" / "authority.key").read_text(), WALK_AUTHORITY_PASSPHRASE)
        seed = key.private_bytes_raw().hex()
    public = (records / "good-two-booths" / "package.json").read_text()
    authority = {
        "format": f"{FORMAT} authority",
        "public_key": json.loads(public)["body"]["authority_public_key"],
        "test_seed": seed,  # a test authority's: the bad records are re-signed with it
    }
    _write(records, "authority.json", authority)
    mutate = [sys.executable, str(ROOT / "scripts" / "mutate_record.py"), str(records / "good-two-booths")]
    subprocess.run([*mutate, str(records), "--authority-seed", seed], check=True, cwd=ROOT)
    write_weighted_records(records)


def write_weighted_records(records: Path) -> None:
    """records/weighted/: good-weighted (the walk with its budget vote weighted by group, and an
    addendum striking a member off after the polling day, so that the weights come from the amended
    composition), bad-weighted-*, one fault each (scripts/mutate_weighted.py), and the authority.json
    of that walk's test authority."""
    import os
    import shutil
    import subprocess
    import tempfile

    from station_admin.authority_key import open_authority_key

    data = json.loads((ROOT / "tests" / "fixtures" / "small-election.json").read_text(encoding="utf-8"))
    next(s for s in data["sessions"] if s["id"] == "budget")["weighting"] = "by-group"
    weighted = records / "weighted"
    with tempfile.TemporaryDirectory() as tmp:
        definition = Path(tmp) / "weighted-election.json"
        definition.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        walk = Path(tmp) / "walk"
        env = {**os.environ, "E2E_WALK_VOTERS": str(RECORD_VOTERS), "E2E_WALK_DEFINITION": str(definition),
               "E2E_WALK_AMEND": f"--strike {WEIGHTED_STRUCK}"}  # fmt: skip
        subprocess.run([str(ROOT / "scripts" / "e2e-walk.sh"), str(walk)], check=True, env=env,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        shutil.rmtree(weighted, ignore_errors=True)
        weighted.mkdir(parents=True)
        shutil.copytree(walk / "RECORD", weighted / "good-weighted")
        key = open_authority_key((walk / "ELECTION" / "authority.key").read_text(), WALK_AUTHORITY_PASSPHRASE)
        seed = key.private_bytes_raw().hex()
    package = json.loads((weighted / "good-weighted" / "package.json").read_text())
    authority = {"format": f"{FORMAT} authority", "public_key": package["body"]["authority_public_key"],
                 "test_seed": seed}  # fmt: skip
    _write(weighted, "authority.json", authority)
    mutate = [sys.executable, str(ROOT / "scripts" / "mutate_weighted.py"), str(weighted / "good-weighted")]
    subprocess.run([*mutate, str(weighted), "--authority-seed", seed], check=True, cwd=ROOT)
