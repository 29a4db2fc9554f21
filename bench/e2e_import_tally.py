"""End-to-end import and tally: 10 booths x 1,000 maritime ballots (24 questions, 72 ciphertexts) in
sealed files /2, imported with every proof checked (station-admin's import, --jobs 2), then tallied
with k = 2 of 3 trustees: the sums recomputed, each trustee recomputing them too and decrypting them
with proofs, the answers checked and combined, the counts and outcomes made.

Run alone: .venv/bin/python bench/e2e_import_tally.py [BOOTHS] [PER_BOOTH]
(the figures are the JSON object on the last line; making the ballots is not timed)
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from support.election import SESSION, booth_ids, make_bench_election, report

from kiosk.ballot.audit import GENESIS, AuditEntry, entry_hash
from kiosk.ballot.e2e_ballot import ElectionKey, new_ballot_nonce
from kiosk.ballot.e2e_layout import context_for
from kiosk.ballot.e2e_seal import encrypt_ballot
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import BoothSeal, build_sealed_e2e_bytes
from kiosk.ballot.signing import private_hex
from kiosk.booth.booth_key import certify_new_key
from kiosk.simulate import random_selections
from station_admin import tally_db, trustee
from station_admin.e2e_aggregates import session_sums
from station_admin.e2e_count import decrypt_sums, e2e_results, request_text
from station_admin.e2e_election import install_e2e
from station_admin.e2e_tally import booth_files, imported_lines, write_files
from station_admin.importer import import_file
from station_admin.trustee_decrypt import check_request_is_the_sums, decrypt

BOOTHS, PER_BOOTH = 10, 1000
WORKERS = os.cpu_count() or 2
PASSPHRASE = "bench trustee passphrase"
N, K = 3, 2
_JOB: dict[str, Any] = {}  # set before the pool forks: each worker inherits the package and key


def _ceremony(root: Path, manifest: Path) -> Path:
    sticks = root / "sticks"
    for i in range(1, N + 1):
        trustee.keygen(
            manifest, trustee.Seat(N, K, i, f"Trustee {i}"), root / f"t{i}.key", sticks / "r1", PASSPHRASE
        )
    for i in range(1, N + 1):
        trustee.shares(root / f"t{i}.key", [sticks / "r1"], sticks / "r2", PASSPHRASE)
    for i in range(1, N + 1):
        trustee.finish(root / f"t{i}.key", [sticks / "r1", sticks / "r2"], sticks / f"r3-{i}", PASSPHRASE)
    return sticks / "r3-1" / "ceremony.json"


def _audit(station: str, package: ElectionPackage, ballots: int) -> list[AuditEntry]:
    set_up = {"station": station, "fingerprint": package.fingerprint, "election": package.election_id}
    events: list[tuple[str, dict[str, Any]]] = [("station_set_up", set_up),
              ("polls_opened", {"mode": "official", "by": "pw-1"}),
              ("session_activated", {"session": SESSION, "by": "pw-1"}),
              *[("ballot_cast", {"session": SESSION})] * ballots,
              ("polls_closed", {"ballots": ballots, "by": "pw-1"})]  # fmt: skip
    entries, prev = [], GENESIS
    for seq, (event, data) in enumerate(events, start=1):
        digest = entry_hash(prev, seq, "2026-06-01T08:00:00Z", event, data)
        entries.append(AuditEntry(seq, "2026-06-01T08:00:00Z", event, data, prev, digest))
        prev = digest
    return entries


def _booth_file(station: str) -> bytes:
    package, election, card = _JOB["package"], _JOB["election"], _JOB["card"]
    rng = random.Random(station)
    definition = package.definition
    session = definition.session(SESSION)
    key, certificate = certify_new_key(package, station, card, "2026-06-01T07:00:00Z")
    ballots = [
        encrypt_ballot(election, session, context_for(definition, session, station, v.id),
                       random_selections(session, rng), new_ballot_nonce())
        for v in definition.voters_at(station)
    ]  # fmt: skip
    marks = [(SESSION, v.id) for v in definition.voters_at(station)]
    seal = BoothSeal(package, election, certificate, private_hex(key), "official",
                     "2026-06-01T08:00:00Z", "2026-06-01T18:00:00Z")  # fmt: skip
    return build_sealed_e2e_bytes(seal, ballots, [], marks, _audit(station, package, len(ballots)))


def main(booths: int, per_booth: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bench = make_bench_election(root, booths, per_booth, provision=False)
        e2e = install_e2e(bench.folder, _ceremony(root, root / "definition.json"), root / "definition.json")
        _JOB.update(
            package=bench.package, election=ElectionKey(e2e.keys.h_e, e2e.keys.key), card=bench.signer("")
        )
        started = time.perf_counter()
        with ProcessPoolExecutor(WORKERS) as pool:
            files = list(pool.map(_booth_file, booth_ids(booths)))
        made_s = time.perf_counter() - started
        paths = []
        for station, data in zip(booth_ids(booths), files, strict=True):
            paths.append(root / f"{station}.isoloir")
            paths[-1].write_bytes(data)
        engine = tally_db.open_db(f"sqlite:///{root / 'tally.sqlite'}")
        started = time.perf_counter()
        for path in paths:
            result = import_file(engine, bench.package, path, e2e=e2e, jobs=WORKERS)
            assert result.status == "imported", result.reason
        import_s = time.perf_counter() - started
        figures = _tally(root, bench.package, e2e, engine)
    ballots = booths * per_booth
    print(f"{ballots} ballots made in {made_s:.0f} s (not timed below)", file=sys.stderr)
    report({
        "booths": booths, "ballots": ballots, "workers": WORKERS, "load_average": os.getloadavg()[0],
        "import_with_proofs_s": round(import_s, 1),
        "import_ms_per_ballot": round(import_s / ballots * 1000, 2),
        **figures,
    })  # fmt: skip


def _tally(root: Path, package: ElectionPackage, e2e: Any, engine: Any) -> dict[str, float]:
    definition = package.definition
    started = time.perf_counter()
    lines = imported_lines(engine, package.election_id)
    sums = session_sums(definition, lines, WORKERS)
    request = root / "stick" / "request.json"
    request.parent.mkdir()
    request.write_text(request_text(e2e.keys, sums))
    (root / "stick" / "manifest.json").write_bytes(e2e.manifest)
    write_files(root / "stick", booth_files("ballots", lines))
    aggregate_s = time.perf_counter() - started
    trustee_s = []
    for i in (1, 3):
        started = time.perf_counter()
        check_request_is_the_sums(root / "sticks" / "r3-1" / "ceremony.json", request, root / "stick")
        decrypt(
            root / f"t{i}.key",
            root / "sticks" / "r3-1" / "ceremony.json",
            request,
            root / "partials",
            PASSPHRASE,
        )
        trustee_s.append(time.perf_counter() - started)
    started = time.perf_counter()
    answers = [(root / "partials" / f"partial-{i}.json").read_bytes() for i in (1, 3)]
    decrypted = decrypt_sums(e2e.keys, sums, request.read_bytes(), answers)
    e2e_results(definition, sums, decrypted.values)
    combine_s = time.perf_counter() - started
    return {
        "tally_aggregate_s": round(aggregate_s, 1),
        "tally_each_trustee_s": round(max(trustee_s), 1),
        "tally_combine_s": round(combine_s, 2),
        "tally_k2_of_3_total_s": round(aggregate_s + sum(trustee_s) + combine_s, 1),
        "sums_decrypted": len(decrypted.values),
    }


if __name__ == "__main__":
    arguments = [int(a) for a in sys.argv[1:3]]
    main(*(arguments + [BOOTHS, PER_BOOTH][len(arguments) :]))
