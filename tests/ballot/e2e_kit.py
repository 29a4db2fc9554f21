"""A small end-to-end election for the tests: every question kind, and a key held whole (tests only)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.ballot.crypto.base_hashes import (
    base_hash,
    commitments_hash,
    election_key,
    extended_base_hash,
    manifest_hash,
    parameters_hash,
)
from kiosk.ballot.crypto.elgamal import Ciphertext, discrete_log, strip_key
from kiosk.ballot.crypto.group import GENERATOR, Scalar
from kiosk.ballot.definition import ElectionDefinition, VotingSession, parse_definition
from kiosk.ballot.e2e_ballot import ElectionKey, EncryptedBallot

KINDS = Path(__file__).resolve().parents[2] / "vectors" / "ballot" / "manifest.json"  # hand-written input
SECRET = Scalar(0x5EC2E7_0F_7E57_0E1F)  # the whole election secret: only a test may hold one


@dataclass(frozen=True)
class E2EKit:
    definition: ElectionDefinition
    election: ElectionKey

    def session(self, session_id: str = "kinds") -> VotingSession:
        return self.definition.session(session_id)

    def decrypt(self, ciphertext: Ciphertext, bound: int = 10) -> int:
        return discrete_log(strip_key(ciphertext, SECRET), self.election.key, bound)

    def plaintexts(self, ballot: EncryptedBallot) -> list[list[int]]:
        return [[self.decrypt(ct) for ct in q.ciphertexts] for q in ballot.questions]


def make_kit(manifest: bytes | None = None) -> E2EKit:
    data = KINDS.read_bytes() if manifest is None else manifest
    h_p = parameters_hash()
    h_b = base_hash(h_p, manifest_hash(h_p, data), 1, 1)
    commitments = [[GENERATOR**SECRET]]
    key = election_key(commitments)
    h_e = extended_base_hash(h_b, key, commitments_hash(h_b, commitments, 1))
    return E2EKit(parse_definition(data), ElectionKey(h_e, key))
