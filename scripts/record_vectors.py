"""The election records of vectors/records/ (scripts/make_vectors.py --records): each is the record of a
real walk (scripts/e2e-walk.sh) and broken copies of it, one fault each, re-signed by the walk's test
authority. Not seeded: keys and nonces come from the CSPRNG as in an election, so these files are
checked by the verifier's verdicts (tests/verify/test_records.py, test_weighted_records.py), not byte
for byte."""

from __future__ import annotations

import json
import subprocess
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


def _walk(folder: Path, good: str, definition: dict[str, Any] | None = None, amend: str = "") -> str:
    """scripts/e2e-walk.sh, RECORD_VOTERS voters per booth (on `definition` and with the addendum
    `amend` when given); folder is emptied and the walk's record copied to folder/good. Returns the
    hex seed of the walk's test authority, which re-signs the broken copies."""
    import os
    import shutil
    import tempfile

    from station_admin.authority_key import open_authority_key

    env = {**os.environ, "E2E_WALK_VOTERS": str(RECORD_VOTERS)}
    with tempfile.TemporaryDirectory() as tmp:
        if definition is not None:
            path = Path(tmp) / "weighted-election.json"
            path.write_text(json.dumps(definition, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            env["E2E_WALK_DEFINITION"] = str(path)
        if amend:
            env["E2E_WALK_AMEND"] = amend
        walk = Path(tmp) / "walk"
        subprocess.run([str(ROOT / "scripts" / "e2e-walk.sh"), str(walk)], check=True, env=env,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shutil.copytree(walk / "RECORD", folder / good)
        key = open_authority_key((walk / "ELECTION" / "authority.key").read_text(), WALK_AUTHORITY_PASSPHRASE)
        return key.private_bytes_raw().hex()


def _write_authority(folder: Path, good: str, seed: str) -> None:
    """folder/authority.json: the walk's test authority, public key and seed (the bad copies' signer)."""
    package = json.loads((folder / good / "package.json").read_text())
    authority = {"format": f"{FORMAT} authority", "public_key": package["body"]["authority_public_key"],
                 "test_seed": seed}  # fmt: skip
    _write(folder, "authority.json", authority)


def _mutate(script: str, good: Path, out: Path, seed: str, *options: str) -> None:
    """The broken copies of folder/good made by scripts/<script>, re-signed with the walk's seed."""
    mutate = [sys.executable, str(ROOT / "scripts" / script), str(good), str(out), "--authority-seed", seed]
    subprocess.run([*mutate, *options], check=True, cwd=ROOT)


def write_records(out: Path) -> None:
    """records/good-two-booths (scripts/e2e-walk.sh's record: 3 trustees k = 2, two booths, a checked
    ballot, a session counted by group, a recorded session, a list question) and records/bad-*, one
    fault each (scripts/mutate_record.py), re-signed by the walk's test authority. Not seeded: keys and
    nonces come from the CSPRNG as in an election, so these files are checked by the verifier's
    verdicts (tests/verify/test_records.py), not byte for byte."""
    records = out / "records"
    seed = _walk(records, "good-two-booths")
    _write_authority(records, "good-two-booths", seed)
    _mutate("mutate_record.py", records / "good-two-booths", records, seed)
    write_weighted_records(records)
    write_mandates_records(records)


def _small_election() -> dict[str, Any]:
    path = ROOT / "tests" / "fixtures" / "small-election.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_weighted_records(records: Path) -> None:
    """records/weighted/: good-weighted (the walk with its budget vote weighted by group, and an
    addendum striking a member off after the polling day, so that the weights come from the amended
    composition), bad-weighted-*, one fault each (scripts/mutate_weighted.py), and the authority.json
    of that walk's test authority."""
    data = _small_election()
    next(s for s in data["sessions"] if s["id"] == "budget")["weighting"] = "by-group"
    weighted = records / "weighted"
    seed = _walk(weighted, "good-weighted", data, f"--strike {WEIGHTED_STRUCK}")
    _write_authority(weighted, "good-weighted", seed)
    _mutate("mutate_weighted.py", weighted / "good-weighted", weighted, seed)


def mandates_definition() -> dict[str, Any]:
    """The small election with its record vote weighted per voter: each delegate of the record vote
    carries 1 to 4 mandates (1 + the voter's number mod 4), so a walk of a few voters a booth has
    ballots of several weights."""
    data = _small_election()
    next(s for s in data["sessions"] if s["id"] == "roll-call")["weighting"] = "per-voter"
    for voter in data["voters"]:
        if "roll-call" in voter["sessions"]:
            voter["weight"] = 1 + int(voter["id"].lstrip("v")) % 4
    return data


def write_mandates_records(records: Path) -> None:
    """records/mandates/: good-mandates (the walk with its record vote weighted per voter: each ballot
    carries its delegate's mandates in its context, §5), bad-mandates-*, one fault each
    (scripts/mutate_weighted.py --mandates), and that walk's authority.json."""
    mandates = records / "mandates"
    seed = _walk(mandates, "good-mandates", mandates_definition())
    _write_authority(mandates, "good-mandates", seed)
    _mutate("mutate_weighted.py", mandates / "good-mandates", mandates, seed, "--mandates")
