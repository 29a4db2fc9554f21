"""Verification of maritime ballots (24 questions, 72 ciphertexts): how many a second on 2 cores, and
where the time goes, for the independent verifier (isoloir_verify: check V5, and the running sums of
every α and β that V9 compares with the published aggregates, printed apart) and for the import's own
proof checks (kiosk.ballot, station_admin's check_proofs).

Run alone: .venv/bin/python bench/verify_ballots.py [BALLOTS]   (the figures are the JSON object on the
last line). Issue 14's goal: at least 40 a second on 2 cores.

Besides the measured rate, the bench counts the group operations one ballot's check needs and prices
them with this run's own libsodium micro-figures: that floor is what no Python code around libsodium's
public API can go under (E2E.md §14: a faster verifier needs multi-scalar multiplication, which
libsodium does not export). On a loaded machine every wall-time figure is slower; the load average is
printed beside them.
"""

from __future__ import annotations

import json
import os
import random
import time
import timeit
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from e2e import CONTEXT, DEFINITION, ELECTION, MANIFEST
from support.election import SESSION, report

import isoloir_verify.group as verifier_group
from isoloir_verify.checks.cast import CastOutcome, collect, crypto_problems
from isoloir_verify.checks.unique import sorted_prefixes
from isoloir_verify.group import Q, base_mul, decode_element
from isoloir_verify.record.ballots import CastBallot
from isoloir_verify.record.manifest import Manifest
from isoloir_verify.record.reader import parse
from isoloir_verify.report import CheckResult
from isoloir_verify.shards import Facts
from isoloir_verify.sodium import sodium
from kiosk.ballot.e2e_ballot import new_ballot_nonce, verify_ballot
from kiosk.ballot.e2e_record import ballot_from_json, ballot_to_json
from kiosk.ballot.e2e_seal import encrypt_ballot
from kiosk.simulate import random_selections

BALLOTS = 60  # spread over WORKERS processes; encrypting them is most of the bench's own time
WORKERS = 2  # the machine's cores
GOAL_PER_S = 40.0  # issue 14: maritime ballots verified a second on 2 cores
MICRO_ROUNDS = 400


def _lines(count: int) -> list[bytes]:
    session, rng = DEFINITION.session(SESSION), random.Random(40)
    ballots = [
        encrypt_ballot(ELECTION, session, CONTEXT, random_selections(session, rng), new_ballot_nonce())
        for _ in range(count)
    ]
    return [json.dumps(ballot_to_json(b), separators=(",", ":")).encode() for b in ballots]


def _facts() -> Facts:
    return Facts(bytes(ELECTION.extended_hash), decode_element(ELECTION.key.encode()), MANIFEST)


def verifier_shard(lines: list[bytes], sums: bool = True) -> tuple[int, float, float]:
    """isoloir-verify's work on each line, as a piece of check_cast_piece does it: parse, V5 (context,
    layout, every proof, the code) and, with sums, what the election-wide checks take from the
    ballot (V9's running sums of every α and β, V6's α prefixes, V7's contexts); with the worker's
    CPU seconds in all (what the rate would be on cores of its own) and those of the sums alone."""
    cpu = time.process_time()
    facts = _facts()
    session = Manifest.model_validate_json(MANIFEST).sessions_by_id[SESSION]
    outcome, alphas = CastOutcome(SESSION, CONTEXT.station, CheckResult("V5")), list[bytes]()
    good, sums_cpu = 0, 0.0
    for line in lines:
        ballot = parse(CastBallot, line, "bench")
        if sums:
            started = time.process_time()
            collect(outcome, session, ballot, alphas)
            sums_cpu += time.process_time() - started
        good += not crypto_problems(facts, session, CONTEXT.station, ballot)
    if sums:
        started = time.process_time()
        outcome.alpha_prefixes = sorted_prefixes(alphas)
        sums_cpu += time.process_time() - started
    return good, time.process_time() - cpu, sums_cpu


def verifier_v5_shard(lines: list[bytes]) -> tuple[int, float, float]:
    return verifier_shard(lines, sums=False)


def import_shard(lines: list[bytes]) -> tuple[int, float, float]:
    """The import's check of each sealed line (kiosk/ballot/sealed_e2e_proofs.py's worker)."""
    cpu = time.process_time()
    session = DEFINITION.session(SESSION)
    good = 0
    for line in lines:
        ballot = ballot_from_json(json.loads(line), SESSION, CONTEXT.station)
        good += verify_ballot(ELECTION, session, ballot) is None
    return good, time.process_time() - cpu, 0.0


def _per_second(pool: ProcessPoolExecutor, shard: Any, lines: list[bytes]) -> tuple[float, float, float]:
    """(ballots a second, wall time; ballots a second were each worker given a core of its own;
    the ms of CPU a ballot spent on the sums alone)."""
    shards = [lines[i::WORKERS] for i in range(WORKERS)]
    list(pool.map(shard, [lines[:1]] * WORKERS))  # each worker warm before the clock
    started = time.perf_counter()
    results = list(pool.map(shard, shards))
    elapsed = time.perf_counter() - started
    assert sum(good for good, _, _ in results) == len(lines), "a genuine ballot failed its check"
    cpu = max(seconds for _, seconds, _ in results)
    sums_ms = 1000 * sum(sums for _, _, sums in results) / len(lines)
    return len(lines) / elapsed, len(lines) / cpu, sums_ms


_CALLS = {  # libsodium's function for each counted operation
    "mul": "crypto_scalarmult_ristretto255",
    "base_mul": "crypto_scalarmult_ristretto255_base",
    "add": "crypto_core_ristretto255_add",
}


def _operations(line: bytes, sums: bool) -> dict[str, int]:
    """The libsodium calls one ballot's verifier check makes (V5's alone, or with V9's sums), counted
    at the binding itself (the verifier's fused commitment steps call libsodium directly, not the
    group module's functions)."""
    counts = dict.fromkeys(_CALLS, 0)
    binding = sodium()
    real = binding.lib

    class Counting:
        def __getattr__(self, name: str) -> Any:
            function = getattr(real, name)
            kind = next((k for k, n in _CALLS.items() if n == name), None)
            if kind is None:
                return function

            def call(*args: Any) -> Any:
                counts[kind] += 1
                return function(*args)

            return call

    binding.lib = Counting()
    try:
        verifier_shard([line], sums)
    finally:
        binding.lib = real
    return counts


def _micro_us() -> dict[str, float]:
    point, scalar = base_mul(123456789), Q - 12345
    figures = {}  # CPU time, as the rates from CPU time are: the load of others' work left out
    for name, action in (
        ("mul", lambda: verifier_group.mul(point, scalar)),
        ("base_mul", lambda: base_mul(scalar)),
        ("add", lambda: verifier_group.add(point, point)),
    ):
        timer = timeit.Timer(action, timer=time.process_time)
        best = min(timer.repeat(number=MICRO_ROUNDS, repeat=3))
        figures[name] = 1e6 * best / MICRO_ROUNDS
    return figures


def main(count: int = BALLOTS) -> None:
    load_before = os.getloadavg()[0]
    lines = _lines(count)
    with ProcessPoolExecutor(WORKERS) as pool:
        verifier, verifier_cpu, sums_ms = _per_second(pool, verifier_shard, lines)
        v5_only, v5_only_cpu, _ = _per_second(pool, verifier_v5_shard, lines)
        importer, importer_cpu, _ = _per_second(pool, import_shard, lines)
    operations = _operations(lines[0], sums=False)
    with_sums = _operations(lines[0], sums=True)
    micro = _micro_us()
    floor_ms = sum(operations[name] * micro[name] for name in operations) / 1000
    sums_floor_ms = sum((with_sums[name] - operations[name]) * micro[name] for name in operations) / 1000
    report({
        "bench": "verify_ballots",
        "session": SESSION,
        "ballots": count,
        "workers": WORKERS,
        # V5 and what the election-wide checks take from each ballot (V9's sums, V6, V7), as a
        # piece of the verifier does; then V5 alone, as this bench measured it before 2026-12-02.
        "verifier_per_s": round(verifier, 1),
        "verifier_per_s_2_cores_from_cpu": round(verifier_cpu, 1),
        "verifier_sums_cpu_ms_per_ballot": round(sums_ms, 2),
        "verifier_v5_only_per_s": round(v5_only, 1),
        "verifier_v5_only_per_s_2_cores_from_cpu": round(v5_only_cpu, 1),
        "import_check_per_s": round(importer, 1),
        "import_check_per_s_2_cores_from_cpu": round(importer_cpu, 1),
        "operations_per_ballot": operations,
        "sums_operations_per_ballot": {name: with_sums[name] - operations[name] for name in operations},
        "sums_floor_ms_per_ballot": round(sums_floor_ms, 2),
        "micro_us_best": {name: round(value, 1) for name, value in micro.items()},
        "group_ops_floor_ms_per_ballot": round(floor_ms, 1),
        "floor_per_s_on_2_cores": round(2000 / floor_ms, 1),
        "floor_with_sums_per_s_on_2_cores": round(2000 / (floor_ms + sums_floor_ms), 1),
        "goal_per_s": GOAL_PER_S,
        # Wall time, as measured; the figures from CPU time say what 2 cores of its own would give.
        "meets_goal": verifier >= GOAL_PER_S,
        "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
    })  # fmt: skip


if __name__ == "__main__":
    import sys

    main(int(sys.argv[1]) if len(sys.argv) > 1 else BALLOTS)
