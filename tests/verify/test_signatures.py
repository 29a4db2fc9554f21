"""Ed25519 checks in the verifier's own binding, against signatures made by another library.

Threat: a router (the administrator) alters a trustee's round-1 file or substitutes a key; the
signature over the signed bytes must then fail, whichever library made the genuine one.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from isoloir_verify.signatures import ed25519_valid


def _signed(message: bytes) -> tuple[bytes, bytes]:
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return public, key.sign(message)


def test_a_genuine_signature_verifies() -> None:
    public, signature = _signed(b"round-1 bytes")
    assert ed25519_valid(public, b"round-1 bytes", signature)


def test_an_altered_message_or_signature_fails() -> None:
    public, signature = _signed(b"round-1 bytes")
    assert not ed25519_valid(public, b"round-1 bytez", signature)
    assert not ed25519_valid(public, b"round-1 bytes", bytes([signature[0] ^ 1]) + signature[1:])
    other, _ = _signed(b"x")
    assert not ed25519_valid(other, b"round-1 bytes", signature)
    assert not ed25519_valid(public[:31], b"round-1 bytes", signature)
