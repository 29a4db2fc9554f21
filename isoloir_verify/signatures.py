"""Ed25519 signature checks through libsodium (docs/e2e-trustees.md §1, signed bytes).

libsodium's verifier refuses non-canonical S and small-order keys, which an honest signer never
produces; a record that only a lax verifier accepts is refused here.
"""

from __future__ import annotations

from typing import Final

from isoloir_verify.sodium import sodium

PUBLIC_KEY_BYTES: Final = 32
SIGNATURE_BYTES: Final = 64


def ed25519_valid(public_key: bytes, message: bytes, signature: bytes) -> bool:
    if len(public_key) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    so = sodium()
    return bool(so.lib.crypto_sign_ed25519_verify_detached(signature, message, len(message), public_key) == 0)
