"""isoloir-verify's cost per ballot from 10,000 to 100,000 ballots (`--jobs 2`), and at 100,000 on a
local Dask cluster of 2 workers (`--dask ADDRESS`), each a real `isoloir-verify` process over a
published record, timed in wall and CPU seconds (the workers' included).

The ballot is small: the ILC sample's `apprenticeships` session, one yes/no/abstain question (3
ciphertexts with their proofs and the question's sum proof), not the 24-question maritime ballot
(100,000 of those take hours to make on this machine; `bench/verify_ballots.py` measures those, each
costing about 24 of these). One election of 10 booths x 10,000 delegates; its sealed files made once
with the booth's code in 2 processes (support/e2e_day.py), then imported with `station-admin import`
(every proof checked) and, after 1, 3 and 10 booths, tallied by 2 of 3 trustees and published with
`station-admin record`: three records of 10,000, 30,000 and 100,000 ballots, cached under
build/bench/ for reruns. Every record has the same roll of 100,000 delegates.

Run alone: nice -n 10 .venv/bin/python bench/verify_scale.py [--per-booth 10000] [--no-dask]
[--records-at 1 3 10] [--cache DIR] [--make-only] [--quick]
(the figures are the JSON object on the last line)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from support.commands import Timed, load_average, run
from support.e2e_day import CACHE, WORKERS, E2EDay, Sizes, authority_key, cached_day, import_booths, tally
from support.e2e_day import record as publish
from support.election import booth_ids, report

SESSION = "apprenticeships"  # one yes/no/abstain question
PER_BOOTH = 10_000
RECORDS_AT = (1, 3, 10)  # booths in each record: 10,000, 30,000 and 100,000 ballots
QUICK_PER_BOOTH, QUICK_AT = 2, (1, 2)  # --quick: the same path in a minute (a test runs it)
RECORDS_MADE = "records.json"


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    per_booth, at = (QUICK_PER_BOOTH, QUICK_AT) if args.quick else (args.per_booth, tuple(args.records_at))
    booths = at[-1] if args.quick else args.booths  # the election's booths; the records use the first ones
    cache = args.cache or CACHE / f"verify-scale-{booths}x{per_booth}"
    load_before = load_average()
    day, made_s = cached_day(cache, Sizes(booths, per_booth, SESSION, "sealed-file writer"))
    making = _records(day, at)
    if args.make_only:
        print(f"records made: {making}", file=sys.stderr)
        return
    key = authority_key(day)
    figures: dict[str, object] = {
        "bench": "verify_scale",
        "ballot": f"{SESSION}: 1 question (yes/no/abstain), 3 ciphertexts, 4 proofs",
        "ballots_made_now_s": None if made_s is None else round(made_s, 1),
        "records_made": making,
        "jobs": WORKERS,
    }
    per_ballot = {}
    for booths in at:
        ballots = booths * per_booth
        timed = run("isoloir-verify", _record(day, booths), "--jobs", str(WORKERS), "--authority-key", key)
        figures.update(timed.figures(f"verify_{ballots}_jobs2", ballots))
        per_ballot[ballots] = timed
        print(f"{ballots} ballots: {timed}", file=sys.stderr)
    small, large = per_ballot[at[0] * per_booth], per_ballot[at[-1] * per_booth]
    extra = (at[-1] - at[0]) * per_booth
    figures["verify_jobs2_marginal_ms_per_ballot"] = round(1000 * (large.wall_s - small.wall_s) / extra, 3)
    figures["verify_jobs2_marginal_cpu_ms_per_ballot"] = round(1000 * (large.cpu_s - small.cpu_s) / extra, 3)
    if not args.no_dask:
        ballots = at[-1] * per_booth
        on_dask = _on_dask(_record(day, at[-1]), key)
        figures.update(on_dask.figures(f"verify_{ballots}_dask2", ballots))
    figures.update(load_average_before=load_before, load_average_after=load_average())
    report(figures)


def _record(day: E2EDay, booths: int) -> Path:
    return day.root / "records" / str(booths * day.sizes.per_booth)


def _records(day: E2EDay, at: tuple[int, ...]) -> dict[str, object] | str:
    """The three records, made now (with what the import and the tally cost) or found made."""
    made = day.root / RECORDS_MADE
    if made.exists():
        missing = [b for b in at if not _record(day, b).exists()]
        if missing:
            raise SystemExit(f"{made} lists other records: remove it to make those of {missing} booths")
        return "cached"
    db = day.root / "tally.sqlite"
    db.unlink(missing_ok=True)
    stations, done = booth_ids(day.sizes.booths), 0
    costs: dict[str, object] = {}
    for booths in at:
        ballots = booths * day.sizes.per_booth
        imported = import_booths(day, db, stations[done:booths])
        new_ballots, done = (booths - done) * day.sizes.per_booth, booths
        work = day.root / f"work-{ballots}"
        shutil.rmtree(work, ignore_errors=True)
        counted = sum(tally(day, db, work).values(), Timed(0.0, 0.0))
        published = publish(day, db, work, _record(day, booths))
        costs[str(ballots)] = {**imported.figures("import_new_booths", new_ballots),
                               "tally_s": round(counted.wall_s, 1),
                               "record_s": round(published.wall_s, 1)}  # fmt: skip
    made.write_text(json.dumps(costs))
    return costs


def _on_dask(path: Path, key: str) -> Timed:
    """isoloir-verify --dask against a LocalCluster of 2 single-threaded worker processes started
    here; the CPU figure adds what the workers spent to what the verifier process spent."""
    from distributed import Client, LocalCluster  # type: ignore[import-not-found, unused-ignore]  # extra

    with (
        LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1",
                     dashboard_address=None) as cluster,  # type: ignore[no-untyped-call, unused-ignore]
        Client(cluster.scheduler_address) as client,  # type: ignore[no-untyped-call, unused-ignore]
    ):  # fmt: skip
        before = client.run(time.process_time)
        timed = run("isoloir-verify", path, "--dask", cluster.scheduler_address, "--authority-key", key)
        after = client.run(time.process_time)
    workers = sum(after[w] - before[w] for w in after)
    return Timed(timed.wall_s, timed.cpu_s + workers)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-booth", type=int, default=PER_BOOTH)
    parser.add_argument("--no-dask", action="store_true", help="only --jobs 2")
    parser.add_argument("--booths", type=int, default=RECORDS_AT[-1], help="the election's booths")
    parser.add_argument("--records-at", type=int, nargs="+", default=list(RECORDS_AT), metavar="BOOTHS",
                        help="the booths in each record verified (records already made are reused)")
    parser.add_argument("--cache", type=Path, help="where the sealed files and records are kept between runs")
    parser.add_argument("--make-only", action="store_true", help="make the cached records, verify nothing")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_PER_BOOTH} ballots a booth")
    return parser.parse_args(argv)


if __name__ == "__main__":
    main()
