"""The booth-key certificate: a poll worker's card vouches for the key a booth made for itself.

The chain of trust from the election authority to a sealed ballot file:

  authority --signs--> election package --registers--> poll-worker card (key made on the card)
  poll-worker card --signs, at set-up, with card and PIN--> booth-key certificate
  booth key (made on the booth, never leaves its data folder) --signs--> sealed ballot file

No private key crosses a stick: the booth's key is born in its data folder, the card's on the card.
What the card signs is `BOOTH_KEY_DOMAIN, NUL, SHA-256(canonical body)`: 64 bytes that start with
the domain, never the 32 random bytes of a login challenge, so a login signature can never pass
for a certificate nor a certificate for a login.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import BaseModel, ConfigDict, Field

from kiosk.ballot.canonical import canonical_json
from kiosk.ballot.ids import ElectionId, StationId
from kiosk.ballot.package import ElectionPackage

BOOTH_KEY_DOMAIN = "isoloir booth key certificate/1"
_HEX_KEY = r"^[0-9a-f]{64}$"
_HEX_SIGNATURE = r"^[0-9a-f]{128}$"


class CertificateError(ValueError):
    """The booth-key certificate does not lead back to the election authority; says which link."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BoothKeyBody(_Strict):
    format: Literal["isoloir-booth-key/1"] = "isoloir-booth-key/1"
    election_id: ElectionId
    election_fingerprint: str
    station: StationId
    booth_public_key: str = Field(pattern=_HEX_KEY)
    card_public_key: str = Field(pattern=_HEX_KEY)  # the poll worker's card that signed
    poll_worker: str
    issued: str


class BoothKeyCertificate(_Strict):
    body: BoothKeyBody
    card_signature: str = Field(pattern=_HEX_SIGNATURE)


@dataclass(frozen=True)
class CardSigner:
    """A poll-worker card whose PIN was just checked: its public key, and a way to make it sign.

    sign returns None when the card cannot (pulled out, PIN no longer verified, not a card)."""

    public_key: str
    sign: Callable[[bytes], bytes | None]


def signed_message(body: BoothKeyBody) -> bytes:
    digest = hashlib.sha256(canonical_json(body.model_dump())).digest()
    return BOOTH_KEY_DOMAIN.encode() + b"\x00" + digest


def certify(body: BoothKeyBody, card: CardSigner) -> BoothKeyCertificate:
    """The card's signature over the body, checked before it is kept."""
    signature = card.sign(signed_message(body))
    if signature is None:
        raise CertificateError("the poll worker's card did not sign the booth key; insert it again")
    certificate = BoothKeyCertificate(body=body, card_signature=signature.hex())
    _check_card_signature(certificate)
    return certificate


def check_booth_certificate(certificate: BoothKeyCertificate, package: ElectionPackage) -> None:
    """Every link from the authority to the booth key, or CertificateError naming the broken one."""
    body = certificate.body
    if body.election_fingerprint != package.fingerprint or body.election_id != package.election_id:
        raise CertificateError(
            f"the booth key was certified for another election package (fingerprint "
            f"{body.election_fingerprint}, this election's is {package.fingerprint})"
        )
    if body.station not in {s.id for s in package.definition.stations}:
        raise CertificateError(f"the booth key names an unknown booth {body.station!r}")
    card = next((c for c in package.body.cards if c.public_key == body.card_public_key), None)
    if card is None or card.role != "poll_worker" or card.holder != body.poll_worker:
        raise CertificateError("the booth key was certified by a card this election does not register "
                               "to a poll worker")
    workers = {w.id: w for w in package.definition.poll_workers}
    worker = workers.get(body.poll_worker)
    if worker is None or body.station not in worker.stations:
        raise CertificateError(f"poll worker {body.poll_worker!r} may not set up booth {body.station!r}")
    _check_card_signature(certificate)


def _check_card_signature(certificate: BoothKeyCertificate) -> None:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(certificate.body.card_public_key))
        key.verify(bytes.fromhex(certificate.card_signature), signed_message(certificate.body))
    except (InvalidSignature, ValueError):
        raise CertificateError("the poll worker card's signature on the booth key does not match") from None
