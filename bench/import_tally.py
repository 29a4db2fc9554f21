"""Import and tally: 10 booths x 1,000 maritime ballots, then 100 booths (100,000 ballots) in the same
tally database: time per ballot to verify (the sealed-file reader), store (the importer's
transaction), and decrypt and count (station-admin's own tally: HPKE and decoding on every
core, each worker counting its share), and whether it stays flat as the election grows.

Run alone: .venv/bin/python bench/import_tally.py   (the figures are the JSON object on the last line)
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from support.election import PASSPHRASES, BenchElection, booth_ids, make_bench_election, report
from support.sealed_files import booth_ballots, write_booth_file

from kiosk.ballot.counting import Tally
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_file import read_sealed_file
from station_admin import tally_db
from station_admin.importer import import_file
from station_admin.tally import TrusteeShare, count_ballots, recover_key

PER_BOOTH = 1000
FIRST_BOOTHS, ALL_BOOTHS = 10, 100
WORKERS = os.cpu_count() or 2

# Set before the pools fork, so workers inherit them instead of receiving them pickled per task.
_PACKAGE: ElectionPackage | None = None
_SECRET = b""


def _ballots_of(job: tuple[list[VoterId], int]) -> list[tuple[str, SessionId, bytes]]:
    assert _PACKAGE is not None
    return booth_ballots(_PACKAGE, *job)


def make_files(election: BenchElection, out: Path) -> list[Path]:
    out.mkdir()
    roll = {b: [VoterId(v) for v, _ in election.codes(b)] for b in booth_ids(ALL_BOOTHS)}
    jobs = [(roll[b], n) for n, b in enumerate(booth_ids(ALL_BOOTHS))]
    with ProcessPoolExecutor(WORKERS) as pool:
        ballots = list(pool.map(_ballots_of, jobs))
    booths = booth_ids(ALL_BOOTHS)
    return [write_booth_file(election, b, ballots[n], roll[b], out) for n, b in enumerate(booths)]


def import_files(engine: Engine, package: ElectionPackage, files: Sequence[Path]) -> dict[str, Any]:
    verify = store = 0.0
    per_file_us = []
    ballots = 0
    for path in files:
        started = time.perf_counter()
        count = len(read_sealed_file(path, package).ballots)
        verified = time.perf_counter()
        result = import_file(engine, package, path)  # verifies again, then stores in one transaction
        imported = time.perf_counter()
        assert result.status == "imported", result.reason
        verify += verified - started
        store += (imported - verified) - (verified - started)
        per_file_us.append((imported - verified) / count * 1e6)
        ballots += count
    return {"ballots": ballots, "verify": verify, "store": store, "per_file_us": per_file_us}


def tally(engine: Engine, package: ElectionPackage) -> tuple[Tally, float]:
    """station-admin's count of every ballot in the database, and the time it took."""
    started = time.perf_counter()
    counted = count_ballots(engine, package, _SECRET)
    return counted, time.perf_counter() - started


def stage(imports: dict[str, Any], engine: Engine, package: ElectionPackage) -> dict[str, Any]:
    counted, seconds = tally(engine, package)
    ballots = imports["ballots"]
    assert counted.ballots["maritime"] == ballots
    return {
        "ballots": ballots,
        "verify_us": round(imports["verify"] / imports["ballots"] * 1e6, 1),
        "store_us": round(imports["store"] / imports["ballots"] * 1e6, 1),
        "decrypt_count_us": round(seconds / ballots * 1e6, 1),
    }


def main() -> None:
    global _PACKAGE, _SECRET
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        root = Path(tmp)
        election = make_bench_election(root, booths=ALL_BOOTHS, voters_per_booth=PER_BOOTH, provision=False)
        package = election.package
        _PACKAGE = package
        shares = [TrusteeShare(election.folder.share_path(n), PASSPHRASES[n - 1]) for n in (1, 2)]
        _SECRET = recover_key(package, shares)
        files = make_files(election, root / "files")
        engine = tally_db.open_db(f"sqlite:///{root / 'tally.sqlite'}")
        first = import_files(engine, package, files[:FIRST_BOOTHS])
        small = stage(first, engine, package)
        rest = import_files(engine, package, files[FIRST_BOOTHS:])
        both = {k: first[k] + rest[k] for k in ("ballots", "verify", "store", "per_file_us")}
        large = stage(both, engine, package)
        engine.dispose()
    per_file = both["per_file_us"]
    report({
        "bench": "import_tally",
        "workers": WORKERS,
        "booths_10": small,
        "booths_100": large,
        "import_us_first_10_files": round(sum(per_file[:10]) / 10, 1),
        "import_us_last_10_files": round(sum(per_file[-10:]) / 10, 1),
    })


if __name__ == "__main__":
    main()
