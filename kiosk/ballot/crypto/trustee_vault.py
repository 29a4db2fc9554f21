"""A trustee's secrets at rest on their own laptop: Argon2id turns the passphrase into an AES-256-GCM key.

Two files, one per phase (docs/e2e-trustees.md §6): the *state* (identity key, transport key and the
polynomial) from `keygen` until `finish`, then the *share* P(ℓ) and the identity key, written over the
state so that the polynomial and the transport key are gone once the ceremony is over. The additional
data binds each file to its ceremony and trustee number: a file of another election or trustee does not
open, and a changed header fails the tag like a wrong passphrase.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Final, Literal

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from pydantic import BaseModel, ConfigDict, ValidationError

from kiosk.ballot.crypto.hashing import encode_int, encode_str
from kiosk.ballot.crypto.wire import B64
from kiosk.ballot.shares import KDF_ITERATIONS, KDF_LANES, KDF_MEMORY_KIB, MIN_PASSPHRASE_LENGTH

STATE_FORMAT: Final = "isoloir-trustee-state/1"
SHARE_FORMAT: Final = "isoloir-trustee-share/2"
SALT_BYTES = 16  # RFC 9106 recommends 16 bytes of salt
NONCE_BYTES = 12  # the GCM nonce size; a fresh key per file, so a random nonce never repeats


class VaultError(ValueError):
    """A key file would not open (wrong passphrase or changed file), or is not a key file."""


class StateFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["isoloir-trustee-state/1"] = STATE_FORMAT
    H_B: B64
    trustee: int
    n: int
    k: int
    identity_key: B64
    transport_key: B64
    salt: B64
    nonce: B64
    ciphertext: B64


class ShareFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["isoloir-trustee-share/2"] = SHARE_FORMAT
    H_E: B64
    trustee: int
    n: int
    k: int
    identity_key: B64
    salt: B64
    nonce: B64
    ciphertext: B64


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise VaultError(f"the passphrase is shorter than {MIN_PASSPHRASE_LENGTH} characters")


def _key(passphrase: str, salt: bytes) -> bytes:
    kdf = Argon2id(
        salt=salt, length=32, iterations=KDF_ITERATIONS, lanes=KDF_LANES, memory_cost=KDF_MEMORY_KIB
    )
    return kdf.derive(passphrase.encode())


def _seal(passphrase: str, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes, bytes]:
    check_passphrase(passphrase)
    salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
    return salt, nonce, AESGCM(_key(passphrase, salt)).encrypt(nonce, plaintext, aad)


def _unseal(passphrase: str, sealed: StateFile | ShareFile, aad: bytes, trustee: int) -> bytes:
    try:
        return AESGCM(_key(passphrase, sealed.salt)).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except Exception:  # InvalidTag: a wrong passphrase and a changed file look the same, by design
        raise VaultError(
            f"trustee {trustee}'s key file does not open: wrong passphrase, or the file was changed"
        ) from None


def _state_aad(h_b: bytes, trustee: int) -> bytes:
    return encode_str(STATE_FORMAT) + h_b + encode_int(trustee)


def _share_aad(h_e: bytes, trustee: int) -> bytes:
    return encode_str(SHARE_FORMAT) + h_e + encode_int(trustee)


def seal_state(header: dict[str, object], secret: bytes, passphrase: str) -> StateFile:
    """header: H_B, trustee, n, k, identity_key, transport_key; secret: the plaintext of §6."""
    probe = StateFile.model_validate({**header, "salt": b"", "nonce": b"", "ciphertext": b""})
    salt, nonce, ciphertext = _seal(passphrase, secret, _state_aad(probe.H_B, probe.trustee))
    return probe.model_copy(update={"salt": salt, "nonce": nonce, "ciphertext": ciphertext})


def open_state(state: StateFile, passphrase: str) -> bytes:
    return _unseal(passphrase, state, _state_aad(state.H_B, state.trustee), state.trustee)


def seal_share(header: dict[str, object], secret: bytes, passphrase: str) -> ShareFile:
    """header: H_E, trustee, n, k, identity_key; secret: enc(P(ℓ)) ‖ identity seed."""
    probe = ShareFile.model_validate({**header, "salt": b"", "nonce": b"", "ciphertext": b""})
    salt, nonce, ciphertext = _seal(passphrase, secret, _share_aad(probe.H_E, probe.trustee))
    return probe.model_copy(update={"salt": salt, "nonce": nonce, "ciphertext": ciphertext})


def open_share(share: ShareFile, passphrase: str) -> bytes:
    return _unseal(passphrase, share, _share_aad(share.H_E, share.trustee), share.trustee)


def read_key_file(path: Path) -> StateFile | ShareFile:
    try:
        raw = json.loads(path.read_bytes())
    except OSError as exc:
        raise VaultError(f"cannot read {path}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise VaultError(f"{path} is not a trustee key file") from None
    model: type[StateFile] | type[ShareFile] = StateFile
    if isinstance(raw, dict) and raw.get("format") == SHARE_FORMAT:
        model = ShareFile
    elif not isinstance(raw, dict) or raw.get("format") != STATE_FORMAT:
        raise VaultError(f"{path} is not a trustee key file")
    try:
        return model.model_validate(raw)
    except ValidationError:
        raise VaultError(f"{path} is not a trustee key file (a field is missing or malformed)") from None


def write_key_file(path: Path, sealed: StateFile | ShareFile) -> None:
    """Written mode 0600 to a temporary name, then renamed: a crash never leaves half a key file.

    The share replaces the state in place (same path), so the polynomial does not survive `finish`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(sealed.model_dump_json(indent=1) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
