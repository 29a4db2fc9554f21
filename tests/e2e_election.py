"""An end-to-end election for the booth's tests: the trustees' ceremony.json made in this process
(n trustees' round-1 messages, as `trustee keygen` makes them, without the key files), and the
secret kept by the test alone so that it can read what the booth stored."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kiosk.ballot.crypto import ceremony_messages as msg
from kiosk.ballot.crypto.base_hashes import base_hash, manifest_hash, parameters_hash
from kiosk.ballot.crypto.ceremony_record import build_ceremony, ceremony_text
from kiosk.ballot.crypto.elgamal import Ciphertext, discrete_log, strip_key
from kiosk.ballot.crypto.group import Scalar
from kiosk.ballot.crypto.key_ceremony import Polynomial, prove_coefficient


@dataclass(frozen=True)
class E2ECeremony:
    text: str  # ceremony.json
    secret: Scalar  # s = Σ a_i,0: only a test may hold it

    def decrypt(self, ciphertext: Ciphertext, bound: int = 10) -> int:
        from kiosk.ballot.crypto.ceremony_record import check_ceremony, load_ceremony

        key = check_ceremony(load_ceremony(self.text.encode())).key
        return discrete_log(strip_key(ciphertext, self.secret), key, bound)


def make_ceremony(manifest: bytes, n: int = 2, k: int = 2) -> E2ECeremony:
    h_p = parameters_hash()
    h_m = manifest_hash(h_p, manifest)
    h_b = base_hash(h_p, h_m, n, k)
    round1, secret = [], Scalar(0)
    for i in range(1, n + 1):
        identity, transport = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
        polynomial = Polynomial.random(k)
        secret = secret + polynomial.coefficients[0]
        proofs = [prove_coefficient(h_b, i, j, a) for j, a in enumerate(polynomial.coefficients)]
        message = msg.Round1(
            H_M=h_m, H_B=h_b, n=n, k=k, trustee=i, name=f"Trustee {i}",
            identity_key=msg.raw_public(identity), transport_key=msg.raw_public(transport),
            commitments=[c.encode() for c in polynomial.commitments()],
            proofs=[(p.c.encode(), p.v.encode()) for p in proofs],
        )  # fmt: skip
        round1.append(msg.signed(message, msg.round1_bytes(message), identity))
    return E2ECeremony(ceremony_text(build_ceremony(round1, {})), secret)


def write_ceremony(manifest: Path, out: Path, n: int = 2, k: int = 2) -> E2ECeremony:
    made = make_ceremony(manifest.read_bytes(), n, k)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(made.text, encoding="utf-8")
    return made
