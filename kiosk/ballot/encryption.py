"""Ballot encryption to the election key (HPKE, RFC 9180: X25519, HKDF-SHA256, AES-256-GCM).

The booth holds only the public key, so it cannot read the ballots it stores. The election, the
session and the format version are bound into the HPKE info: a ballot cannot be replayed into
another session or election.
"""

from __future__ import annotations

import hashlib
import secrets

from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from kiosk.ballot.ids import ElectionId, ElectionKeyHex, SessionId
from kiosk.ballot.shamir import clamp

BALLOT_FORMAT = 1
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
# Tracking codes: 60 bits of the ciphertext digest, in three groups of four, from the code alphabet.
_TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_SYMBOLS = 12


class DecryptionError(ValueError):
    pass


def new_election_secret() -> bytes:
    return clamp(secrets.token_bytes(32))


def public_key_hex(secret: bytes) -> ElectionKeyHex:
    public = X25519PrivateKey.from_private_bytes(secret).public_key()
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return ElectionKeyHex(raw.hex())


def _info(election_id: ElectionId, session_id: SessionId) -> bytes:
    return f"isoloir-ballot:v{BALLOT_FORMAT}:{election_id}:{session_id}".encode()


def encrypt_ballot(
    public_key: ElectionKeyHex, election_id: ElectionId, session_id: SessionId, plaintext: bytes
) -> bytes:
    key = X25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
    return _SUITE.encrypt(plaintext, key, info=_info(election_id, session_id))


def decrypt_ballot(secret: bytes, election_id: ElectionId, session_id: SessionId, ciphertext: bytes) -> bytes:
    key = X25519PrivateKey.from_private_bytes(secret)
    try:
        return _SUITE.decrypt(ciphertext, key, info=_info(election_id, session_id))
    except Exception:  # cryptography raises InvalidTag or ValueError for a damaged ciphertext
        raise DecryptionError(f"a ballot of session {session_id!r} does not decrypt") from None


def tracking_code(ciphertext: bytes) -> str:
    """A short readable digest of the ciphertext, printed on the receipt and published after tally."""
    value = int.from_bytes(hashlib.sha256(ciphertext).digest()[:8], "big") >> 4
    symbols = []
    for _ in range(TRACKING_SYMBOLS):
        symbols.append(_TRACKING_ALPHABET[value & 31])
        value >>= 5
    text = "".join(reversed(symbols))
    return "-".join(text[i : i + 4] for i in range(0, TRACKING_SYMBOLS, 4))
