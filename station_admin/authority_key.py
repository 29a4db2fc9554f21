"""The election authority's signing key at rest: encrypted under the officials' passphrase.

The key signs the election package (and every re-signing: cards, reissued codes, booth
certificates), so whoever copies the election folder must not be able to sign with it. It is sealed
like a trustee's share: Argon2id turns the passphrase into an AES-256-GCM key, and the file names the
public half, bound into the encryption, so a wrong passphrase is told apart from a damaged file.
"""

from __future__ import annotations

import json
import secrets

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.shares import MIN_PASSPHRASE_LENGTH, passphrase_key
from kiosk.ballot.signing import public_hex

AUTHORITY_KEY_FORMAT = "isoloir-authority-key/1"


class AuthorityKeyError(ValueError):
    pass


class SealedAuthorityKey(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = AUTHORITY_KEY_FORMAT
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$")
    salt: str
    nonce: str
    ciphertext: str


def _aad(public_key: str) -> bytes:
    return f"{AUTHORITY_KEY_FORMAT}:{public_key}".encode()


def seal_authority_key(key: Ed25519PrivateKey, passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise AuthorityKeyError(
            f"the authority passphrase is shorter than {MIN_PASSPHRASE_LENGTH} characters"
        )
    public_key = public_hex(key)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    ciphertext = AESGCM(passphrase_key(passphrase, salt)).encrypt(
        nonce, key.private_bytes_raw(), _aad(public_key)
    )
    sealed = SealedAuthorityKey(
        public_key=public_key, salt=salt.hex(), nonce=nonce.hex(), ciphertext=ciphertext.hex()
    )
    return sealed.model_dump_json(indent=2)


def open_authority_key(text: str, passphrase: str) -> Ed25519PrivateKey:
    try:
        sealed = SealedAuthorityKey.model_validate(json.loads(text))
        salt, nonce, ciphertext = (bytes.fromhex(h) for h in (sealed.salt, sealed.nonce, sealed.ciphertext))
    except (json.JSONDecodeError, ValidationError, ValueError):
        raise AuthorityKeyError(
            "the authority key file is damaged or unencrypted (not an isoloir-authority-key/1)"
        ) from None
    if sealed.format != AUTHORITY_KEY_FORMAT:
        raise AuthorityKeyError(f"the authority key file is a {sealed.format!r}, not {AUTHORITY_KEY_FORMAT}")
    try:
        raw = AESGCM(passphrase_key(passphrase, salt)).decrypt(nonce, ciphertext, _aad(sealed.public_key))
    except Exception:  # InvalidTag: a wrong passphrase or a changed file
        raise AuthorityKeyError("wrong authority passphrase (or the key file was changed)") from None
    key = Ed25519PrivateKey.from_private_bytes(raw)
    if public_hex(key) != sealed.public_key:
        raise AuthorityKeyError("the authority key file does not hold the key it names")
    return key
