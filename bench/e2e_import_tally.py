"""End-to-end import and tally: 10 booths x 1,000 maritime ballots (24 questions, 72 ciphertexts) in
sealed files /2, imported with every proof checked (`station-admin import --jobs 2`), then tallied with
k = 2 of 3 trustees (`station-admin aggregate`, each present trustee's `trustee decrypt --ballots`,
which recomputes the sums before decrypting them with proofs, and `station-admin tally`, which checks
every proof and combines the answers): each a real command, timed in wall and CPU seconds.

The ballots are made once into a cache under build/bench/ (a rerun of the same sizes measures only
the import and the tally), in 2 processes, each ballot encrypted and proved by the booth's code
(seeded choices) and each booth's file written by the booth's sealed-file writer, its key certified
by the poll worker's card (support/e2e_day.py). The import cannot tell these files from a booth's;
what is skipped is the per-cast overhead the import does not see (each cast's SQLite transaction,
the screens' services), which made 10,000 ballots take hours on this machine. `--booth-services`
makes them the slow way instead: a polling day at every booth through the booth's real services
(`kiosk simulate`'s, each ballot cast in its transaction, 2% checked first).

Run alone: nice -n 10 .venv/bin/python bench/e2e_import_tally.py [--booths 10] [--per-booth 1000]
[--booth-services] [--cache DIR] [--import-booths K] [--make-only] [--quick]
(the figures: the JSON object on the last line)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from support.commands import Timed, load_average
from support.e2e_day import CACHE, PRESENT, WORKERS, K, N, Sizes, cached_day, import_booths, tally
from support.election import SESSION, booth_ids, report

BOOTHS, PER_BOOTH = 10, 1000  # issue 14
QUICK = 2, 2  # --quick: the same path in seconds (a test runs it)


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    booths, per_booth = QUICK if args.quick else (args.booths, args.per_booth)
    made_by = "booth services" if args.booth_services else "sealed-file writer"
    sizes = Sizes(booths, per_booth, SESSION, made_by)
    suffix = "-booth-services" if args.booth_services else ""
    cache = args.cache or CACHE / f"e2e-import-{booths}x{per_booth}{suffix}"
    load_before = load_average()
    day, made_s = cached_day(cache, sizes)
    if made_s is not None:
        print(f"{booths * per_booth} ballots cast at {booths} booths in {made_s:.0f} s, cached in {cache}",
              file=sys.stderr)  # fmt: skip
    if args.make_only:
        return
    load_start = load_average()
    with tempfile.TemporaryDirectory(prefix="bench-e2e-import-") as tmp:
        work = Path(tmp)
        stations = booth_ids(booths)[: args.import_booths or booths]
        imported = import_booths(day, work / "tally.sqlite", stations)
        times = tally(day, work / "tally.sqlite", work)
        results = json.loads((work / "RESULTS" / "results.json").read_text(encoding="utf-8"))
    ballots = sum(s["ballots"] for s in results["sessions"] if s["id"] == SESSION)
    cast = len(stations) * per_booth
    assert ballots == cast, f"{ballots} ballots counted of {cast} cast"
    total = sum(times.values(), Timed(0.0, 0.0))
    figures: dict[str, object] = {
        "bench": "e2e_import_tally",
        "booths": len(stations),
        "per_booth": per_booth,
        "ballots": ballots,
        "questions": len(day_questions(results)),
        "ballots_made_by": sizes.ballots_made_by,
        "ballots_made_now_s": None if made_s is None else round(made_s, 1),
        "jobs": WORKERS,
        "trustees": f"k = {K} of {N}, present {' and '.join(map(str, PRESENT))}",
        **imported.figures("import_with_proofs", ballots),
        **total.figures("tally_k2_of_3", ballots),
    }
    for name, timed in times.items():
        figures[f"tally_{name}_s"] = round(timed.wall_s, 2)
        figures[f"tally_{name}_cpu_s"] = round(timed.cpu_s, 2)
    figures.update(load_average_before=load_before, load_average_at_start=load_start,
                   load_average_after=load_average())  # fmt: skip
    report(figures)


def day_questions(results: dict[str, object]) -> list[object]:
    sessions = results["sessions"]
    assert isinstance(sessions, list)
    return [q for s in sessions if s["id"] == SESSION for q in s["questions"]]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--booths", type=int, default=BOOTHS)
    parser.add_argument("--per-booth", type=int, default=PER_BOOTH)
    parser.add_argument("--booth-services", action="store_true",
                        help="cast every ballot through the booth's services (kiosk simulate's): hours")
    parser.add_argument("--cache", type=Path, help="where the booths' sealed files are kept between runs")
    parser.add_argument("--import-booths", type=int, metavar="K",
                        help="import and tally only the first K booths of the day (a shorter run)")
    parser.add_argument("--make-only", action="store_true", help="make the cached ballots, measure nothing")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK[0]} booths x {QUICK[1]} ballots")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main()
