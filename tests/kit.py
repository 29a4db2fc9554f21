"""Helpers shared by the whole suite: a test election made as officials make one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.definition import ElectionDefinition, load_definition
from kiosk.ballot.ids import StationId
from kiosk.ballot.package import ElectionPackage, PackageCard
from kiosk.devices.sim_card import SimCard
from station_admin.ceremony import create_election, register_cards
from station_admin.election_dir import ElectionDir
from station_admin.election_e2e_key import add_election_key
from station_admin.provisioning import provision_station
from station_admin.tally import TrusteeShare, recover_key
from tests.e2e_election import E2ECeremony, write_ceremony

ROOT = Path(__file__).resolve().parent.parent
SMALL_ELECTION = ROOT / "tests" / "fixtures" / "small-election.json"
PASSPHRASES = ["correct horse 1", "correct horse 2", "correct horse 3"]
AUTHORITY_PASSPHRASE = "officials battery staple"
POLL_WORKER = "pw-1"


@dataclass(frozen=True)
class ElectionKit:
    folder: ElectionDir
    definition: ElectionDefinition
    package: ElectionPackage
    media: dict[StationId, Path]  # station id -> provisioning media
    secret: bytes  # the election private key, recovered as trustees would
    cards: dict[str, SimCard]  # poll worker id -> their simulated card, registered in the package
    ceremony: E2ECeremony | None = None  # the trustees' end-to-end key, when the package carries it

    def codes(self) -> dict[str, str]:
        import csv

        with self.folder.codes_path.open(encoding="utf-8") as handle:
            return {row["voter_id"]: row["code"] for row in csv.DictReader(handle)}

    def signer(self, station: str) -> CardSigner:
        """The card of a poll worker of that booth, PIN checked, ready to certify the booth's key."""
        worker = next(w.id for w in self.definition.poll_workers if station in w.stations)
        card = self.cards[worker]
        return CardSigner(card.public_key().hex(), card.key.sign)

    def share(self, trustee: int) -> TrusteeShare:
        return TrusteeShare(self.folder.share_path(trustee), PASSPHRASES[trustee - 1])


def passphrase_file(root: Path, name: str, passphrase: str) -> Path:
    """One person's passphrase in a file of its own, as a script gives it."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"{name}.passphrase"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def authority_args(root: Path) -> list[str]:
    """The option that lets a signing command open the authority key."""
    return ["--authority-passphrase-file", str(passphrase_file(root, "authority", AUTHORITY_PASSPHRASE))]


def share_args(shares: dict[int, Path], root: Path) -> list[str]:
    """`tally`'s --share and --trustee-passphrase-file for these trustees (number -> share file)."""
    args: list[str] = []
    for number, share in shares.items():
        secret = passphrase_file(root, f"trustee-{number}", PASSPHRASES[number - 1])
        args += ["--share", str(share), "--trustee-passphrase-file", str(secret)]
    return args


def make_election(definition_path: Path, root: Path, e2e: bool = False) -> ElectionKit:
    """With e2e, the package carries a trustees' end-to-end key and booths seal verifiable ballots."""
    definition = load_definition(definition_path)
    created = create_election(
        definition, 3, 2, PASSPHRASES, root / "ELECTION", authority_passphrase=AUTHORITY_PASSPHRASE
    )
    ceremony = None
    if e2e:
        ceremony = write_ceremony(definition_path, root / "TRUSTEES" / "ceremony.json")
        add_election_key(created.folder, definition_path, root / "TRUSTEES" / "ceremony.json")
    cards = {w.id: SimCard(pin="1234", serial=f"{n:08d}") for n, w in enumerate(definition.poll_workers, 1)}
    register_cards(created.folder, [PackageCard(public_key=c.public_key().hex(), holder=w, role="poll_worker")
                                    for w, c in cards.items()])
    media = {}
    for station in definition.stations:
        media[station.id] = provision_station(created.folder, station.id, root / f"MEDIA-{station.id}")
    package = created.folder.package()
    secret = recover_key(package, [TrusteeShare(created.folder.share_path(1), PASSPHRASES[0]),
                                   TrusteeShare(created.folder.share_path(2), PASSPHRASES[1])])
    return ElectionKit(created.folder, definition, package, media, secret, cards, ceremony)


def make_crowd(root: Path, voters: list[dict[str, Any]], e2e: bool = False) -> ElectionKit:
    """The small election with its roll replaced by these voters: a booth with many ballots."""
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    data["voters"] = voters
    root.mkdir(parents=True, exist_ok=True)
    path = root / "definition.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return make_election(path, root, e2e)
