"""V6's memory (no α twice) as the record grows: the Counter of every α it used before 2026-12-02
against the sorted 8-byte prefixes (isoloir_verify/checks/unique.py) it uses now.

Synthetic input, since only V6's own work is measured: random 32-byte α (distinct, as an honest
record's are) cut into pieces of 36,000 (what one 8 MB piece of maritime ballots holds, 500 ballots
× 72 α), each piece handed over as the verifier's workers hand theirs: the old way a list of the α,
the new way its sorted prefixes. Each (way, size) runs in a fresh process; its figure is how far
the process's peak resident memory rose above what it held after its imports (ru_maxrss), with the
wall and CPU seconds of receiving the pieces and checking them.

Run alone: nice -n 10 .venv/bin/python bench/verify_unique.py [--alphas 1000000 7200000]
(7.2M α: 100,000 maritime ballots; 72M would be 1M; the figures: the JSON object on the last line)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from support.commands import load_average

from isoloir_verify.checks.unique import repeated_values, sorted_prefixes

PIECE = 36_000  # α in one 8 MB piece of maritime ballots
ALPHAS_PER_BALLOT = 72
SIZES = (1_000_000, 7_200_000)


def _pieces(total: int) -> Iterator[list[bytes]]:
    for start in range(0, total, PIECE):
        n = min(PIECE, total - start)
        blob = os.urandom(32 * n)
        yield [blob[i : i + 32] for i in range(0, 32 * n, 32)]


def _old(total: int) -> int:
    """Before: every α kept by the parent, then counted in one Counter."""
    pieces = list(_pieces(total))
    alphas = Counter(alpha for piece in pieces for alpha in piece)
    return sum(1 for n in alphas.values() if n > 1)


def _new(total: int) -> int:
    """Now: each piece's sorted prefixes kept, merged once."""
    pieces = [sorted_prefixes(piece) for piece in _pieces(total)]
    _, repeated = repeated_values(pieces, lambda wanted: iter(()))
    return len(repeated)


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def one(way: str, total: int) -> dict[str, object]:
    base = _peak_kib()
    cpu, wall = time.process_time(), time.perf_counter()
    repeated = {"old": _old, "new": _new}[way](total)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert repeated == 0, "random α do not repeat"
    grown = (_peak_kib() - base) * 1024
    return {"way": way, "alphas": total, "peak_mb": round(grown / 1e6, 1),
            "bytes_per_alpha": round(grown / total, 1), "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alphas", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--one", nargs=2, metavar=("WAY", "ALPHAS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return
    load_before = load_average()
    runs = []
    for total in args.alphas:
        for way in ("old", "new"):
            done = subprocess.run([sys.executable, str(Path(__file__)), "--one", way, str(total)],
                                  capture_output=True, text=True, check=True)  # fmt: skip
            runs.append(json.loads(done.stdout.splitlines()[-1]))
            print(runs[-1], file=sys.stderr)
    figures: dict[str, object] = {"bench": "verify_unique", "runs": runs}
    if len(set(args.alphas)) > 1:
        figures.update(_extrapolated(runs, min(args.alphas), max(args.alphas)))
    figures.update(
        load_average_before=load_before,
        load_average_after=load_average(),
    )
    print(json.dumps(figures))


def _extrapolated(runs: list[dict[str, object]], small: int, large: int) -> dict[str, object]:
    """Each way's marginal bytes per α between the two sizes (the fixed part set aside: imports'
    arenas, one piece in hand), and its peak at 72M α (1M maritime ballots) from the largest run."""
    peak = {(r["way"], r["alphas"]): float(r["peak_mb"]) * 1e6 for r in runs}  # type: ignore[arg-type]
    at_1m = 1_000_000 * ALPHAS_PER_BALLOT
    figures: dict[str, object] = {}
    for way in ("old", "new"):
        marginal = (peak[(way, large)] - peak[(way, small)]) / (large - small)
        figures[f"{way}_marginal_bytes_per_alpha"] = round(marginal, 1)
        figures[f"{way}_at_1m_ballots_gb"] = round((peak[(way, large)] + marginal * (at_1m - large)) / 1e9, 2)
    return figures


if __name__ == "__main__":
    main()
