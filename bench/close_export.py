"""Close and export: a booth holding 5,000 maritime ballots closes its polls, writes the sealed file
(temporary file, fsync, rename, fsync of the folder), reads it back and verifies it; the file's
size per ballot.

Run alone: .venv/bin/python bench/close_export.py   (the figures are the JSON object on the last line)
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from support.election import SESSION, make_bench_election, open_booth, report

from kiosk.ballot.sealed_file import read_sealed_file
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated
from kiosk.simulate import random_selections

BALLOTS = 5000


def filled_booth(root: Path) -> tuple[Station, int]:
    election = make_bench_election(root, booths=1, voters_per_booth=BALLOTS)
    station = open_booth(election, root / "booth")
    session = station.election.session(SESSION)
    rng = random.Random(5)
    for _voter, code in election.codes("booth-1"):
        outcome = station.authenticate_code(code)
        assert isinstance(outcome, Authenticated)
        station.cast(outcome.voter_id, SESSION, random_selections(session, rng))
    return station, len(session.questions)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-close-") as tmp:
        root = Path(tmp)
        station, questions = filled_booth(root)
        stick = root / "stick"
        stick.mkdir()
        started = time.perf_counter()
        station.close_polls("pw-1")
        closed = time.perf_counter()
        path = station.export(stick)  # builds, writes atomically, reads back and verifies
        exported = time.perf_counter()
        assert station.package is not None
        sealed = read_sealed_file(path, station.package)
        verified = time.perf_counter()
        size = path.stat().st_size
        station.close()
    report({
        "bench": "close_export",
        "ballots": len(sealed.ballots),
        "questions": questions,
        "close_ms": round((closed - started) * 1000, 1),
        "export_write_verify_ms": round((exported - closed) * 1000, 1),
        "total_ms": round((exported - started) * 1000, 1),
        "verify_again_ms": round((verified - exported) * 1000, 1),
        "file_bytes": size,
        "bytes_per_ballot": round(size / len(sealed.ballots)),
    })


if __name__ == "__main__":
    main()
