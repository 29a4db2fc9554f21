"""isoloir-verify over a published record: the whole run and the cast ballots a second.

Run alone: .venv/bin/python bench/verify.py RECORD [--jobs N]   (the figures are the JSON object on
the last line). Any record will do (scripts/e2e-walk.sh's, a vectors/records/good-* one); the goal is
issue 14's: at least 40 maritime ballots a second on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from isoloir_verify.executors import choose
from isoloir_verify.runner import verify

GOAL_BALLOTS_PER_S = 40.0  # issue 14, on this 2-core machine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("record", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dask-local", action="store_true", help="on a local Dask cluster of --jobs workers")
    args = parser.parse_args()
    if args.dask_local:
        from distributed import LocalCluster  # type: ignore[import-not-found, unused-ignore]  # optional

        with LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:  # type: ignore[no-untyped-call, unused-ignore]  # fmt: skip
            start = time.perf_counter()
            report = verify(args.record, choose(args.jobs, cluster.scheduler_address))
            seconds = time.perf_counter() - start
    else:
        start = time.perf_counter()
        report = verify(args.record, choose(args.jobs, None))
        seconds = time.perf_counter() - start
    ballots = report.results["V5"].checked
    for line in report.lines():
        print(line)
    figures = {
        "record": str(args.record),
        "jobs": args.jobs,
        "executor": "local dask cluster" if args.dask_local else ("processes" if args.jobs > 1 else "serial"),
        "cast_ballots": ballots,
        "seconds": round(seconds, 3),
        "ballots_per_s": round(ballots / seconds, 1) if seconds else None,
        "goal_ballots_per_s": GOAL_BALLOTS_PER_S,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
