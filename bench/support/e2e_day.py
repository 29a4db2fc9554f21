"""An end-to-end election for the benchmarks, made once into a cache under build/bench/ and reused:
the sample election (booths x delegates voting in one session), the trustees' real key ceremony
(n = 3, k = 2), every booth's sealed file /2 and the passphrase files the commands read. A rerun
with the same sizes finds it and measures only what comes after (import, tally, verification).

Ballots are made one of two ways, both in parallel processes with the producer's own code:
`booth_days` runs a polling day through the booth's real services (`kiosk simulate`'s), casting each
ballot in its SQLite transaction and checking some first; `sealed_files` encrypts and proves each
ballot as the booth does and writes the file with the booth's writer, minutes instead of hours for
100,000 ballots (the importer and the verifier cannot tell the two apart).
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk.ballot.audit import GENESIS, AuditEntry, entry_hash
from kiosk.ballot.e2e_ballot import new_ballot_nonce
from kiosk.ballot.e2e_layout import context_for
from kiosk.ballot.e2e_seal import encrypt_ballot
from kiosk.ballot.ids import StationId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import BoothSeal, build_sealed_e2e_bytes
from kiosk.ballot.signing import private_hex
from kiosk.ballot.times import parse_iso
from kiosk.booth.booth_key import certify_new_key
from kiosk.simulate import random_selections, simulate
from station_admin.e2e_election import load_e2e

from .commands import Timed, run
from .election import (
    AUTHORITY_PASSPHRASE,
    PASSPHRASES,
    ROOT,
    BenchElection,
    booth_ids,
    make_bench_election,
    trustee_key,
)

CACHE = ROOT / "build" / "bench"
N, K = 3, 2
PRESENT = (1, 3)  # the trustees at the tally: any k of the n
WORKERS = 2  # the machine's cores: ballots are made, imported and tallied over both
MADE = "made.json"  # written last: a cache without it was interrupted and is made again
OPENED, CLOSED = "2026-06-01T08:00:00Z", "2026-06-01T18:00:00Z"
_JOB: dict[str, Any] = {}  # set before the pool forks: each worker inherits the election


@dataclass(frozen=True)
class Sizes:
    booths: int
    per_booth: int
    session: str
    ballots_made_by: str  # "booth services" or "sealed-file writer"


@dataclass(frozen=True)
class E2EDay:
    root: Path
    sizes: Sizes

    @property
    def election(self) -> Path:
        return self.root / "ELECTION"

    def export(self, station: str) -> Path:
        return self.root / "exports" / station

    def trustee_key(self, i: int) -> Path:
        return trustee_key(self.root, i)

    def passphrase_file(self, who: str) -> Path:
        return self.root / "secrets" / who

    @property
    def ceremony(self) -> Path:
        return self.election / "e2e" / "ceremony.json"


def cached_day(root: Path, sizes: Sizes) -> tuple[E2EDay, float | None]:
    """The day of these sizes, made now (with the seconds it took) or found in root (None)."""
    day = E2EDay(root, sizes)
    made = root / MADE
    if made.exists() and json.loads(made.read_text()) == asdict(sizes):
        return day, None
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    import time

    started = time.perf_counter()
    by_booths = sizes.ballots_made_by == "booth services"
    # A booth's provisioning stick is only needed to run the booth: the sealed-file writer signs with
    # a key the card certifies, as a set-up does (≈ 40 s a booth with a roll of 100,000 delegates).
    election = make_bench_election(root, sizes.booths, sizes.per_booth, provision=by_booths, e2e=True,
                                   session=sizes.session, trustees=(N, K))  # fmt: skip
    _secrets(day)
    making: Callable[[str], None] = _booth_day if by_booths else _sealed_file
    e2e = load_e2e(election.folder)
    assert e2e is not None, "the bench election has its trustees' key"
    _JOB.update(day=day, election=election, key=e2e.election)
    with ProcessPoolExecutor(WORKERS) as pool:
        list(pool.map(making, booth_ids(sizes.booths)))
    made.write_text(json.dumps(asdict(sizes)))
    return day, time.perf_counter() - started


def _secrets(day: E2EDay) -> None:
    """Each person's passphrase in a file of its own, as the commands take them in scripts."""
    day.passphrase_file("x").parent.mkdir(parents=True, exist_ok=True)
    day.passphrase_file("authority").write_text(AUTHORITY_PASSPHRASE + "\n")
    for i in range(1, N + 1):
        day.passphrase_file(f"trustee-{i}").write_text(PASSPHRASES[i - 1] + "\n")


def _booth_day(station: str) -> None:
    """A polling day at the booth through its real services, every voter of its roll voting (seeded
    choices; the first voter and 2% of the others check a ballot first)."""
    day, election = _JOB["day"], _JOB["election"]
    seed = booth_ids(day.sizes.booths).index(station) + 1
    with open(os.devnull, "w") as quiet:
        simulate(election.media[station], day.root / "booth-data" / station, day.sizes.per_booth, seed,
                 day.export(station), election.card, codes_file=election.folder.codes_path,
                 progress=quiet)  # fmt: skip


def _sealed_file(name: str) -> None:
    """The booth's sealed file /2 of every voter's ballot (seeded choices), written as the booth
    writes it: ballots encrypted and proved by the booth's code, its key certified by the card."""
    station = StationId(name)
    day, election = _JOB["day"], _JOB["election"]
    bench: BenchElection = election
    package = bench.package
    definition = package.definition
    session = definition.session(day.sizes.session)
    election_key = _JOB["key"]
    rng = random.Random(station)
    booth_key, certificate = certify_new_key(package, station, bench.signer(station), OPENED)
    voters = definition.voters_at(station)
    ballots = [
        encrypt_ballot(election_key, session, context_for(definition, session, station, v.id),
                       random_selections(session, rng), new_ballot_nonce())
        for v in voters
    ]  # fmt: skip
    marks = [(session.id, v.id) for v in voters]
    seal = BoothSeal(package, election_key, certificate, private_hex(booth_key), "official",
                     parse_iso(OPENED), parse_iso(CLOSED))
    audit = _audit(station, package, session.id, len(ballots))
    data = build_sealed_e2e_bytes(seal, ballots, [], marks, audit)
    out = day.export(station)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{station}-official-20260601T180000Z.isoloir").write_bytes(data)


def _audit(station: str, package: ElectionPackage, session: str, ballots: int) -> list[AuditEntry]:
    set_up = {"station": station, "fingerprint": package.fingerprint, "election": package.election_id}
    events: list[tuple[str, dict[str, Any]]] = [("station_set_up", set_up),
              ("polls_opened", {"mode": "official", "by": "pw-1"}),
              ("session_activated", {"session": session, "by": "pw-1"}),
              *[("ballot_cast", {"session": session})] * ballots,
              ("polls_closed", {"ballots": ballots, "by": "pw-1"})]  # fmt: skip
    entries, prev = [], GENESIS
    for seq, (event, data) in enumerate(events, start=1):
        digest = entry_hash(prev, seq, parse_iso(CLOSED), event, data)
        entries.append(AuditEntry(seq, parse_iso(CLOSED), event, data, prev, digest))
        prev = digest
    return entries


def db_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _admin(day: E2EDay, db: Path, command: str, *args: str | Path) -> Timed:
    """`station-admin COMMAND --election ELECTION --db DB ARGS`."""
    return run("station-admin", command, "--election", day.election, "--db", db_url(db), *args)


def import_booths(day: E2EDay, db: Path, stations: list[str]) -> Timed:
    """`station-admin import --jobs 2` of these booths' export sticks: every proof checked."""
    return _admin(day, db, "import", "--jobs", str(WORKERS), *[day.export(s) for s in stations])


def tally(day: E2EDay, db: Path, work: Path) -> dict[str, Timed]:
    """aggregate, each present trustee's decrypt (recomputing the sums first), tally: each timed."""
    stick, partials = work / "tally-stick", work / "partials"
    request = stick / "request.json"
    times = {"aggregate": _admin(day, db, "aggregate", "--out", stick, "--jobs", str(WORKERS))}
    for i in PRESENT:
        times[f"trustee_{i}_decrypt"] = run(
            "station-admin", "trustee", "decrypt", "--key", day.trustee_key(i), "--ceremony", day.ceremony,
            "--request", request, "--ballots", stick, "--out", partials, "--jobs", str(WORKERS),
            "--passphrase-file", day.passphrase_file(f"trustee-{i}"),
        )  # fmt: skip
    given = [a for i in PRESENT for a in ("--partial", partials / f"partial-{i}.json")]
    results = work / "RESULTS"
    times["combine_and_count"] = _admin(day, db, "tally", "--request", request, *given, "--out", results)
    return times


def record(day: E2EDay, db: Path, work: Path, out: Path) -> Timed:
    """`station-admin record`: the published record, signed by the authority."""
    secret = day.passphrase_file("authority")
    return _admin(day, db, "record", "--results", work / "RESULTS", "--out", out,
                  "--authority-passphrase-file", secret)  # fmt: skip


def authority_key(day: E2EDay) -> str:
    package = json.loads((day.election / "election-package.json").read_text(encoding="utf-8"))
    return str(package["body"]["authority_public_key"])
