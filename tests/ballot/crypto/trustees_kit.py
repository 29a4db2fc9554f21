"""An in-memory key ceremony for the crypto tests: n trustees' polynomials, their shares of the sum,
and the public keys, without files or passphrases (the CLI tests run the real, file-based one)."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ballot.crypto.base_hashes import (
    base_hash,
    commitments_hash,
    election_key,
    extended_base_hash,
    manifest_hash,
    parameters_hash,
)
from kiosk.ballot.crypto.ceremony_record import CeremonyKeys
from kiosk.ballot.crypto.elgamal import Ciphertext, encrypt
from kiosk.ballot.crypto.group import Nonce, Scalar
from kiosk.ballot.crypto.key_ceremony import Polynomial


@dataclass(frozen=True)
class Dkg:
    keys: CeremonyKeys
    polynomials: dict[int, Polynomial]
    shares: dict[int, Scalar]  # P(ℓ) = Σ_i P_i(ℓ), what each trustee keeps

    def encrypt(self, value: int) -> Ciphertext:
        return encrypt(self.keys.key, value, Nonce.random())


def dkg(n: int, k: int) -> Dkg:
    h_p = parameters_hash()
    h_b = base_hash(h_p, manifest_hash(h_p, b'{"id": "test"}'), n, k)
    polynomials = {i: Polynomial.random(k) for i in range(1, n + 1)}
    rows = [polynomials[i].commitments() for i in range(1, n + 1)]
    key = election_key(rows)
    h_e = extended_base_hash(h_b, key, commitments_hash(h_b, rows, k))
    shares = {}
    for ell in range(1, n + 1):
        total = Scalar(0)
        for polynomial in polynomials.values():
            total = total + polynomial.at(ell)
        shares[ell] = total
    keys = CeremonyKeys(n, k, key, h_e, rows, {i: bytes([i]) * 32 for i in range(1, n + 1)})
    return Dkg(keys, polynomials, shares)
