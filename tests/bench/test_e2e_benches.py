"""The end-to-end benchmarks still run: each at its --quick size, as `make bench` runs it (a process,
its figures the JSON object on its last line), over the real commands. Figures are not asserted
(speed goals are benchmarks, not timed asserts); what they count is."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _bench(name: str, *args: str | Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / name), "--quick", *map(str, args)],
                          capture_output=True, text=True, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


@pytest.mark.slow
def test_import_tally_bench_counts_every_cast_ballot_and_reuses_its_booths(tmp_path: Path) -> None:
    first = _bench("e2e_import_tally.py", "--cache", tmp_path / "writer")
    assert first["ballots"] == 4 and first["questions"] == 24  # 2 booths x 2 maritime ballots, counted
    assert first["ballots_made_by"] == "sealed-file writer" and first["ballots_made_now_s"] is not None
    assert first["import_with_proofs_cpu_s"] > 0 and first["tally_k2_of_3_cpu_s"] > 0
    again = _bench("e2e_import_tally.py", "--cache", tmp_path / "writer")
    assert again["ballots_made_now_s"] is None and again["ballots"] == 4  # the cached booths, imported anew
    booths = _bench("e2e_import_tally.py", "--booth-services", "--cache", tmp_path / "booths")
    assert booths["ballots_made_by"] == "booth services" and booths["ballots"] == 4


@pytest.mark.slow
def test_verify_scale_bench_verifies_each_record_with_processes_and_with_dask(tmp_path: Path) -> None:
    figures = _bench("verify_scale.py", "--cache", tmp_path)
    assert figures["records_made"].keys() == {"2", "4"}  # after 1 and 2 booths of 2 ballots
    for key in ("verify_2_jobs2_cpu_s", "verify_4_jobs2_cpu_s", "verify_4_dask2_cpu_s"):
        assert figures[key] > 0  # isoloir-verify exited 0 on that record: every check passed
    assert "1 question" in figures["ballot"]


@pytest.mark.slow
def test_hall_close_e2e_bench_counts_every_delegate_at_the_projector_and_reuses_its_casts() -> None:
    reachable = Path(tempfile.mkdtemp(prefix="bench-hall-close-e2e-"))  # the hall's PostgreSQL runs in it
    reachable.chmod(0o755)
    try:
        first = _bench("hall_close_e2e.py", "--cache", reachable / "cache")
        assert first["delegates"] == 10 and first["questions"] == 24  # counted, and shown as counted
        assert first["ballots_made_now_s"] is not None and first["hall_tally_combine_count_cpu_s"] > 0
        again = _bench("hall_close_e2e.py", "--cache", reachable / "cache")
        assert again["ballots_made_now_s"] is None and again["delegates"] == 10  # the cached day, anew
    finally:
        shutil.rmtree(reachable, ignore_errors=True)
