"""Ed25519 signatures over canonical JSON: election packages, booth certificates, sealed files."""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.ballot.canonical import canonical_json


class SignatureError(ValueError):
    """A signature does not match: the signed content was changed or signed by someone else."""


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_hex(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def private_hex(key: Ed25519PrivateKey) -> str:
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return raw.hex()


def signing_key_from_hex(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))


def verifying_key_from_hex(text: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text))
    except ValueError:
        raise SignatureError("the public key is not a valid Ed25519 key") from None


def sign_bytes(key: Ed25519PrivateKey, domain: str, data: bytes) -> str:
    # The domain keeps a signature on one kind of document from being accepted as another.
    return key.sign(domain.encode() + b"\x00" + data).hex()


def verify_bytes(public_key: str, domain: str, data: bytes, signature: str) -> None:
    key = verifying_key_from_hex(public_key)
    try:
        key.verify(bytes.fromhex(signature), domain.encode() + b"\x00" + data)
    except (InvalidSignature, ValueError):
        raise SignatureError(f"the {domain} signature does not match its content") from None


def sign_json(key: Ed25519PrivateKey, domain: str, value: Any) -> str:
    return sign_bytes(key, domain, canonical_json(value))


def verify_json(public_key: str, domain: str, value: Any, signature: str) -> None:
    verify_bytes(public_key, domain, canonical_json(value), signature)
