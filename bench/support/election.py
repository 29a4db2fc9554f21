"""A benchmark election: the ILC 2023 sample's 24-question maritime session, with as many
synthetic delegates and booths as a benchmark needs, made by the officials' own ceremony."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.definition import load_definition
from kiosk.ballot.ids import SessionId
from kiosk.ballot.package import ElectionPackage, PackageCard
from kiosk.booth.station import Station
from kiosk.devices.sim_card import SimCard
from station_admin.ceremony import create_election, register_cards
from station_admin.e2e_election import install_e2e
from station_admin.election_dir import ElectionDir
from station_admin.election_e2e_key import add_election_key
from station_admin.provisioning import provision_station
from station_admin.trustee import Seat, finish, keygen, shares

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "elections" / "ilc-2023-plenary.json"
SESSION = SessionId("maritime")
PASSPHRASES = ["bench trustee one", "bench trustee two", "bench trustee three"]
AUTHORITY_PASSPHRASE = "bench authority passphrase"
GROUPS = ("government", "employers", "workers")


@dataclass(frozen=True)
class BenchElection:
    folder: ElectionDir
    package: ElectionPackage
    media: dict[str, Path]  # booth id -> provisioning media
    card: SimCard  # pw-1's simulated card, registered in the package: it certifies every booth's key

    def signer(self, _station: str) -> CardSigner:
        return CardSigner(self.card.public_key().hex(), self.card.key.sign)

    def codes(self, station: str) -> list[tuple[str, str]]:
        """(voter, code) of every voter of a booth, in roll order."""
        import csv

        with self.folder.codes_path.open(encoding="utf-8") as handle:
            return [(r["voter_id"], r["code"]) for r in csv.DictReader(handle) if r["station"] == station]


def booth_ids(count: int) -> list[str]:
    return [f"booth-{n}" for n in range(1, count + 1)]


def make_bench_election(
    root: Path,
    booths: int,
    voters_per_booth: int,
    provision: bool = True,
    e2e: bool = False,
    *,
    session: str = SESSION,
    trustees: tuple[int, int] = (1, 1),
) -> BenchElection:
    """The sample election with `booths` booths of `voters_per_booth` delegates, each voting in one
    session only (the 24-question maritime one unless told); with e2e, the real key ceremony of
    `trustees` (n, k), each trustee's key in root/trustee-i/, puts its key in the package."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    template = data["stations"][0]
    data["stations"] = [{**template, "id": b} for b in booth_ids(booths)]
    data["poll_workers"] = [{"id": "pw-1", "name": "Poll worker 1", "stations": booth_ids(booths)}]
    data["voters"] = [
        {"id": f"{b}-{i:06d}", "name": f"Delegate {i} of {b}", "group": GROUPS[i % 3],
         "sessions": [session], "station": b}
        for b in booth_ids(booths)
        for i in range(voters_per_booth)
    ]
    root.mkdir(parents=True, exist_ok=True)
    path = root / "definition.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    created = create_election(
        load_definition(path), 3, 2, PASSPHRASES, root / "ELECTION", authority_passphrase=AUTHORITY_PASSPHRASE
    )
    if e2e:
        ceremony = trustees_ceremony(root, path, *trustees)
        add_election_key(created.folder, path, ceremony)
        install_e2e(created.folder, ceremony, path)  # as `election e2e-key` does: import checks proofs
    card = SimCard(pin="1234")
    register_cards(created.folder, [PackageCard(public_key=card.public_key().hex(), holder="pw-1",
                                                   role="poll_worker")])
    media = {}
    if provision:
        for booth in booth_ids(booths):
            media[booth] = provision_station(created.folder, booth, root / f"MEDIA-{booth}")
    return BenchElection(created.folder, created.folder.package(), media, card)


def trustee_key(root: Path, i: int) -> Path:
    return root / f"trustee-{i}" / "trustee.key"


def trustees_ceremony(root: Path, manifest: Path, n: int = 1, k: int = 1) -> Path:
    """`station-admin trustee keygen, shares, finish` for n trustees, trustee i's key sealed under
    PASSPHRASES[i - 1]: the ceremony.json of round 3."""
    sticks = root / "sticks"
    for i in range(1, n + 1):
        keygen(manifest, Seat(n, k, i, f"Bench trustee {i}"), trustee_key(root, i), sticks / "round1",
               PASSPHRASES[i - 1])  # fmt: skip
    for i in range(1, n + 1):
        shares(trustee_key(root, i), [sticks / "round1"], sticks / "round2", PASSPHRASES[i - 1])
    for i in range(1, n + 1):
        rounds = [sticks / "round1", sticks / "round2"] if n > 1 else [sticks / "round1"]
        done = finish(trustee_key(root, i), rounds, sticks / f"round3-{i}", PASSPHRASES[i - 1])
        assert done.ceremony is not None
    return sticks / "round3-1" / "ceremony.json"


def open_booth(election: BenchElection, data: Path) -> Station:
    """booth-1 set up from its stick, polls open, the maritime session active."""
    station = Station(data)
    station.set_up(election.media["booth-1"], election.signer("booth-1"))
    station.open_polls("pw-1")
    station.set_session_active(SESSION, True, "pw-1")
    return station


def percentile(sorted_values: list[float], share: float) -> float:
    """The nearest-rank percentile of already sorted values."""
    index = min(len(sorted_values) - 1, max(0, round(share * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def report(figures: dict[str, object]) -> None:
    """The benchmark's figures as one JSON object on the last line, as `make bench` expects."""
    sys.stdout.flush()
    print(json.dumps(figures, sort_keys=False))
