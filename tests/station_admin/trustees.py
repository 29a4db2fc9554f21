"""Helpers of the trustees' tests: a trustee's secrets read back as only its own passphrase allows,
and a cheating trustee's re-signed messages."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.crypto.group import ORDER, Scalar
from kiosk.ballot.crypto.key_ceremony import Polynomial
from kiosk.ballot.crypto.trustee_vault import StateFile, open_state, read_key_file

PASSPHRASE = "trustee passphrase"


def state_secrets(key_path: Path) -> tuple[Ed25519PrivateKey, Polynomial]:
    """What a trustee (here: the cheater, or the test) can unseal from its own state file."""
    state = read_key_file(key_path)
    assert isinstance(state, StateFile)
    plain = open_state(state, PASSPHRASE)
    coefficients = tuple(Scalar.decode(plain[i : i + 32]) for i in range(64, len(plain), 32))
    return Ed25519PrivateKey.from_private_bytes(plain[:32]), Polynomial(coefficients)


def joint_secret(key_paths: list[Path]) -> int:
    """s = Σ_i a_i,0, computed by the test alone (with plain integers) to look for it elsewhere."""
    total = 0
    for path in key_paths:
        total += state_secrets(path)[1].coefficients[0].value
    return total % ORDER


def spellings(value: int) -> list[bytes]:
    """Every way a file could hold a 32-byte scalar: raw, hex, base64url, base64, decimal."""
    import base64

    raw = value.to_bytes(32, "little")
    return [
        raw,
        raw.hex().encode(),
        base64.urlsafe_b64encode(raw).rstrip(b"="),
        base64.b64encode(raw).rstrip(b"="),
        str(value).encode(),
        value.to_bytes(32, "big").hex().encode(),
    ]
