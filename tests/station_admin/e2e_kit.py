"""An end-to-end election for the officials' tests: the small election, three trustees (k = 2) who ran
the real ceremony (station_admin.trustee, files as messages), its key kept in the election folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from station_admin import trustee
from station_admin.e2e_election import E2EElection, install_e2e
from tests.kit import SMALL_ELECTION, ElectionKit, make_election

N, K = 3, 2
TRUSTEE_PASSPHRASE = "trustee passphrase"


@dataclass(frozen=True)
class E2EKit:
    kit: ElectionKit
    e2e: E2EElection
    root: Path

    def key(self, i: int) -> Path:
        return self.root / f"laptop-{i}" / "trustee.key"

    @property
    def ceremony(self) -> Path:
        return self.kit.folder.root / "e2e" / "ceremony.json"

    @property
    def passphrase_file(self) -> Path:
        return self.root / "trustee.passphrase"


def trustees_ceremony(definition: Path, root: Path) -> Path:
    """The three trustees' key ceremony (files as messages, laptops under root): its ceremony.json."""
    sticks = root / "sticks"
    key = lambda i: root / f"laptop-{i}" / "trustee.key"  # noqa: E731
    for i in range(1, N + 1):
        seat = trustee.Seat(N, K, i, f"Trustee {i}")
        trustee.keygen(definition, seat, key(i), sticks / "round1", TRUSTEE_PASSPHRASE)
    for i in range(1, N + 1):
        trustee.shares(key(i), [sticks / "round1"], sticks / "round2", TRUSTEE_PASSPHRASE)
    for i in range(1, N + 1):
        done = trustee.finish(
            key(i), [sticks / "round1", sticks / "round2"], sticks / f"round3-{i}", TRUSTEE_PASSPHRASE
        )
        assert done.ceremony is not None, done.complaints
    (root / "trustee.passphrase").write_text(TRUSTEE_PASSPHRASE + "\n", encoding="utf-8")
    return sticks / "round3-1" / "ceremony.json"


def make_e2e_election(root: Path, definition: Path = SMALL_ELECTION) -> E2EKit:
    kit = make_election(definition, root)
    e2e = install_e2e(kit.folder, trustees_ceremony(definition, root), definition)
    return E2EKit(kit, e2e, root)
