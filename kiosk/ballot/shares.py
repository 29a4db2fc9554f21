"""A trustee's share of the election key, encrypted under the trustee's passphrase.

Argon2id (a slow, memory-hard KDF) turns the passphrase into the key of AES-256-GCM, so a stolen
share file resists guessing. The share file also names the election key it belongs to, so a wrong
passphrase and a share of another election are told apart from a damaged file.
"""

from __future__ import annotations

import json
import secrets

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from pydantic import BaseModel, ConfigDict, ValidationError

from kiosk.ballot.shamir import Share

# OWASP's recommended Argon2id profile (64 MiB, 3 passes): about a quarter of a second per try here.
KDF_MEMORY_KIB = 64 * 1024
KDF_ITERATIONS = 3
KDF_LANES = 1
MIN_PASSPHRASE_LENGTH = 8  # shorter passphrases fall to guessing despite the slow KDF


class ShareError(ValueError):
    pass


class ShareFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = "isoloir-trustee-share/1"
    election_id: str
    election_public_key: str
    trustee: int
    threshold: int
    trustees: int
    salt: str
    nonce: str
    ciphertext: str


def passphrase_key(passphrase: str, salt: bytes) -> bytes:
    """The AES-256 key a passphrase opens (Argon2id): shares and the authority key use the same."""
    kdf = Argon2id(
        salt=salt, length=32, iterations=KDF_ITERATIONS, lanes=KDF_LANES, memory_cost=KDF_MEMORY_KIB
    )
    return kdf.derive(passphrase.encode())


def seal_share(
    share: Share, passphrase: str, election_id: str, public_key: str, threshold: int, trustees: int
) -> str:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ShareError(f"trustee {share.x}'s passphrase is shorter than {MIN_PASSPHRASE_LENGTH} characters")
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    aad = f"{election_id}:{public_key}:{share.x}".encode()
    ciphertext = AESGCM(passphrase_key(passphrase, salt)).encrypt(nonce, share.y.to_bytes(32, "little"), aad)
    sealed = ShareFile(
        election_id=election_id,
        election_public_key=public_key,
        trustee=share.x,
        threshold=threshold,
        trustees=trustees,
        salt=salt.hex(),
        nonce=nonce.hex(),
        ciphertext=ciphertext.hex(),
    )
    return sealed.model_dump_json(indent=2)


def read_share_file(text: str) -> ShareFile:
    try:
        return ShareFile.model_validate(json.loads(text))
    except (json.JSONDecodeError, ValidationError):
        raise ShareError("this is not a trustee share file") from None


def open_share(sealed: ShareFile, passphrase: str) -> Share:
    aad = f"{sealed.election_id}:{sealed.election_public_key}:{sealed.trustee}".encode()
    key = passphrase_key(passphrase, bytes.fromhex(sealed.salt))
    try:
        plain = AESGCM(key).decrypt(bytes.fromhex(sealed.nonce), bytes.fromhex(sealed.ciphertext), aad)
    except Exception:  # InvalidTag: wrong passphrase or a changed file
        raise ShareError(f"wrong passphrase for trustee {sealed.trustee}'s share") from None
    return Share(sealed.trustee, int.from_bytes(plain, "little"))
