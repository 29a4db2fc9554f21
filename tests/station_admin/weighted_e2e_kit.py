"""An end-to-end election whose booths seal verifiable ballots for trustees who ran the real ceremony:
the trustees' key files (station_admin.trustee, files as messages) decrypt the sums, and the package
carries their key (`election e2e-key`) before the booths are provisioned."""

from __future__ import annotations

from pathlib import Path

from kiosk.ballot.definition import load_definition
from kiosk.ballot.package import PackageCard
from kiosk.devices.sim_card import SimCard
from station_admin import trustee
from station_admin.ceremony import create_election, register_cards
from station_admin.e2e_election import install_e2e
from station_admin.election_e2e_key import add_election_key
from station_admin.provisioning import provision_station
from station_admin.tally import TrusteeShare, recover_key
from tests.kit import AUTHORITY_PASSPHRASE, PASSPHRASES, ElectionKit
from tests.station_admin.e2e_kit import TRUSTEE_PASSPHRASE, E2EKit, K, N


def make_e2e_booth_election(definition_path: Path, root: Path) -> E2EKit:
    """The trustees' ceremony, then the election with its key, cards and provisioned booths."""
    sticks = root / "sticks"
    key = lambda i: root / f"laptop-{i}" / "trustee.key"  # noqa: E731
    for i in range(1, N + 1):
        trustee.keygen(definition_path, trustee.Seat(N, K, i, f"Trustee {i}"), key(i), sticks / "round1",
                       TRUSTEE_PASSPHRASE)  # fmt: skip
    for i in range(1, N + 1):
        trustee.shares(key(i), [sticks / "round1"], sticks / "round2", TRUSTEE_PASSPHRASE)
    for i in range(1, N + 1):
        done = trustee.finish(
            key(i), [sticks / "round1", sticks / "round2"], sticks / f"round3-{i}", TRUSTEE_PASSPHRASE
        )
        assert done.ceremony is not None, done.complaints
    ceremony = sticks / "round3-1" / "ceremony.json"
    definition = load_definition(definition_path)
    created = create_election(
        definition, 3, 2, PASSPHRASES, root / "ELECTION", authority_passphrase=AUTHORITY_PASSPHRASE
    )
    add_election_key(created.folder, definition_path, ceremony)
    e2e = install_e2e(created.folder, ceremony, definition_path)
    cards = {w.id: SimCard(pin="1234", serial=f"{n:08d}") for n, w in enumerate(definition.poll_workers, 1)}
    register_cards(created.folder, [PackageCard(public_key=c.public_key().hex(), holder=w, role="poll_worker")
                                    for w, c in cards.items()])  # fmt: skip
    stations = [s.id for s in definition.stations]
    media = {s: provision_station(created.folder, s, root / f"MEDIA-{s}") for s in stations}
    package = created.folder.package()
    secret = recover_key(package, [TrusteeShare(created.folder.share_path(1), PASSPHRASES[0]),
                                   TrusteeShare(created.folder.share_path(2), PASSPHRASES[1])])  # fmt: skip
    kit = ElectionKit(created.folder, definition, package, media, secret, cards, None)
    (root / "trustee.passphrase").write_text(TRUSTEE_PASSPHRASE + "\n", encoding="utf-8")
    return E2EKit(kit, e2e, root)
