"""Import and tally: 10 booths x 1,000 maritime ballots, then 100 booths (100,000 ballots) in the same
tally database: time per ballot to verify (the sealed-file reader), store (the importer's
transaction), and decrypt and count (HPKE and decoding, on every core, each worker counting its
share), and whether it stays flat as the election grows. The 10,000-ballot tally is also run by
station-admin's own single-process count, as a check (same results) and a comparison.

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

from sqlalchemy import Engine, select
from support.election import PASSPHRASES, BenchElection, booth_ids, make_bench_election, report
from support.sealed_files import booth_ballots, write_booth_file

from kiosk.ballot.counting import Tally
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.encryption import decrypt_ballot
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_file import read_sealed_file
from kiosk.ballot.selections import decode_ballot
from station_admin import tally_db
from station_admin.importer import import_file
from station_admin.tally import TrusteeShare, count_ballots, recover_key

PER_BOOTH = 1000
FIRST_BOOTHS, ALL_BOOTHS = 10, 100
CHUNK = 5000  # ballots per task: large enough that handing work to a process costs little
WORKERS = os.cpu_count() or 2

# Set before the pools fork, so workers inherit them instead of receiving them pickled per task.
_PACKAGE: ElectionPackage | None = None
_DEFINITION: ElectionDefinition | None = None
_SECRET = b""

Counts = dict[str, dict[Any, Any]]  # a Tally's counters, the part that crosses processes
_COUNTERS = ("ballots", "blank", "votes", "by_group", "group_ballots")


def _ballots_of(job: tuple[list[str], int]) -> list[tuple[str, str, bytes]]:
    assert _PACKAGE is not None
    return booth_ballots(_PACKAGE, *job)


def _decrypt_and_count(rows: list[tuple[str, bytes]]) -> Counts:
    """A worker's share: decrypt, decode and count; only the counters go back, not the ballots."""
    assert _DEFINITION is not None
    election, part = _DEFINITION, Tally(_DEFINITION)
    for session_id, ciphertext in rows:
        read = decode_ballot(election, election.session(session_id),
                             decrypt_ballot(_SECRET, election.id, session_id, ciphertext))
        part.add(session_id, read.answers, read.group, read.voter)
    return {name: getattr(part, name) for name in _COUNTERS} | {"recorded": part.recorded}


def _merge(total: Tally, part: Counts) -> None:
    for name in _COUNTERS:
        counter = getattr(total, name)
        for key, value in part[name].items():
            counter[key] = counter.get(key, 0) + value
    for session_id, records in part["recorded"].items():
        total.recorded.setdefault(session_id, []).extend(records)


def make_files(election: BenchElection, out: Path) -> list[Path]:
    out.mkdir()
    roll = {b: [v for v, _ in election.codes(b)] for b in booth_ids(ALL_BOOTHS)}
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


def tally(engine: Engine, definition: ElectionDefinition) -> tuple[Tally, float, int]:
    """Decrypts and counts on every core, merges here; returns the tally and the time it took."""
    started = time.perf_counter()
    with engine.connect() as connection:
        rows = [(s, bytes(c)) for s, c in connection.execute(
            select(tally_db.ballots.c.session_id, tally_db.ballots.c.ciphertext))]
    result = Tally(definition)
    with ProcessPoolExecutor(WORKERS) as pool:
        for part in pool.map(_decrypt_and_count, _chunks(rows)):
            _merge(result, part)
    return result, time.perf_counter() - started, len(rows)


def _chunks(rows: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes]]]:
    return [rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK)]


def stage(imports: dict[str, Any], engine: Engine, definition: ElectionDefinition) -> dict[str, Any]:
    counted, seconds, ballots = tally(engine, definition)
    assert counted.ballots["maritime"] == ballots
    return {
        "ballots": ballots,
        "verify_us": round(imports["verify"] / imports["ballots"] * 1e6, 1),
        "store_us": round(imports["store"] / imports["ballots"] * 1e6, 1),
        "decrypt_count_us": round(seconds / ballots * 1e6, 1),
    }


def main() -> None:
    global _PACKAGE, _DEFINITION, _SECRET
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        root = Path(tmp)
        election = make_bench_election(root, booths=ALL_BOOTHS, voters_per_booth=PER_BOOTH, provision=False)
        package = election.package
        _PACKAGE, _DEFINITION = package, package.definition
        shares = [TrusteeShare(election.folder.share_path(n), PASSPHRASES[n - 1]) for n in (1, 2)]
        _SECRET = recover_key(package, shares)
        files = make_files(election, root / "files")
        engine = tally_db.open_db(f"sqlite:///{root / 'tally.sqlite'}")
        first = import_files(engine, package, files[:FIRST_BOOTHS])
        small = stage(first, engine, package.definition)
        started = time.perf_counter()
        reference = count_ballots(engine, package, _SECRET)  # station-admin's own tally, on every core
        small["station_admin_tally_us"] = round((time.perf_counter() - started) / small["ballots"] * 1e6, 1)
        assert reference.as_results() == tally(engine, package.definition)[0].as_results()
        rest = import_files(engine, package, files[FIRST_BOOTHS:])
        both = {k: first[k] + rest[k] for k in ("ballots", "verify", "store", "per_file_us")}
        large = stage(both, engine, package.definition)
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
