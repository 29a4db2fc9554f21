"""What booths and the hall say to each other over the hall network, signed so no one else can.

Someone with a laptop on the hall's switch can read, drop, replay and forge packets. So:

  - the hall's key is made in memory each time `station-admin hall serve` starts and is certified by
    the election authority (its passphrase asked at that start); nothing of it lies on a disk;
  - a booth joins with its booth-key certificate (signed by a poll worker's card, see
    booth_certificate.py) and its booth key's signature over a fresh challenge the hall chose: a
    recorded join cannot be played again;
  - every later request is signed by the booth key over the channel the join opened, a sequence
    number that only goes up, and the operation; every reply is signed by the hall key over the
    same channel and number, so an answer cannot be forged, moved to another request or replayed.

Each signature has its own domain, so no signed thing passes for another.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ConfigDict, Field

from kiosk.ballot.booth_certificate import BoothKeyCertificate
from kiosk.ballot.canonical import canonical_json
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.signing import SignatureError, public_hex, sign_json, verify_json

HALL_KEY_DOMAIN = "isoloir hall key certificate/1"
JOIN_DOMAIN = "isoloir hall join/1"
REQUEST_DOMAIN = "isoloir hall request/1"
REPLY_DOMAIN = "isoloir hall reply/1"
_HEX_KEY = r"^[0-9a-f]{64}$"
_HEX_SIGNATURE = r"^[0-9a-f]{128}$"
_HEX_TOKEN = r"^[0-9a-f]{32}$"
# Requests and replies are a few hundred bytes; anything far larger is refused unread.
MAX_MESSAGE_BYTES = 64 * 1024


class HallWireError(ValueError):
    """A hall message or certificate is not what it claims to be: says which check failed."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HallKeyBody(_Strict):
    format: Literal["isoloir-hall-key/1"] = "isoloir-hall-key/1"
    election_id: str
    election_fingerprint: str
    hall_public_key: str = Field(pattern=_HEX_KEY)
    issued: str


class HallKeyCertificate(_Strict):
    body: HallKeyBody
    authority_signature: str = Field(pattern=_HEX_SIGNATURE)


class HallGreeting(_Strict):
    """GET /hall: who the hall is, and a challenge for the next join."""

    certificate: HallKeyCertificate
    challenge: str = Field(pattern=_HEX_TOKEN)


class JoinRequest(_Strict):
    certificate: BoothKeyCertificate
    challenge: str = Field(pattern=_HEX_TOKEN)
    signature: str = Field(pattern=_HEX_SIGNATURE)  # the booth key's, over challenge and certificate


class Request(_Strict):
    channel: str = Field(pattern=_HEX_TOKEN)
    seq: int = Field(ge=1)
    body: dict[str, Any]
    signature: str = Field(pattern=_HEX_SIGNATURE)


class Reply(_Strict):
    channel: str = Field(pattern=_HEX_TOKEN)
    seq: int = Field(ge=0)  # 0 answers a join
    body: dict[str, Any]
    signature: str = Field(pattern=_HEX_SIGNATURE)


def certify_hall_key(
    authority: Ed25519PrivateKey, package: ElectionPackage, hall_key: Ed25519PrivateKey, issued: str
) -> HallKeyCertificate:
    body = HallKeyBody(
        election_id=package.election_id,
        election_fingerprint=package.fingerprint,
        hall_public_key=public_hex(hall_key),
        issued=issued,
    )
    signature = sign_json(authority, HALL_KEY_DOMAIN, body.model_dump())
    return HallKeyCertificate(body=body, authority_signature=signature)


def check_hall_certificate(certificate: HallKeyCertificate, package: ElectionPackage) -> str:
    """The hall's public key, if the election's authority certified it for this very package."""
    body = certificate.body
    if body.election_fingerprint != package.fingerprint or body.election_id != package.election_id:
        raise HallWireError("the hall's key was certified for another election package")
    try:
        verify_json(package.body.authority_public_key, HALL_KEY_DOMAIN, body.model_dump(),
                    certificate.authority_signature)
    except SignatureError:
        raise HallWireError("the hall's key is not certified by this election's authority") from None
    return body.hall_public_key


def _join_content(challenge: str, certificate: BoothKeyCertificate) -> dict[str, str]:
    digest = hashlib.sha256(canonical_json(certificate.model_dump())).hexdigest()
    return {"challenge": challenge, "certificate": digest}


def sign_join(booth_key: Ed25519PrivateKey, certificate: BoothKeyCertificate, challenge: str) -> JoinRequest:
    signature = sign_json(booth_key, JOIN_DOMAIN, _join_content(challenge, certificate))
    return JoinRequest(certificate=certificate, challenge=challenge, signature=signature)


def check_join(join: JoinRequest) -> None:
    """The booth key in the certificate signed this challenge (the certificate's chain is checked
    by the hall against its package, see booth_certificate.check_booth_certificate)."""
    try:
        verify_json(join.certificate.body.booth_public_key, JOIN_DOMAIN,
                    _join_content(join.challenge, join.certificate), join.signature)
    except SignatureError:
        raise HallWireError("the join is not signed by the certified booth key") from None


def _request_content(channel: str, seq: int, body: dict[str, Any]) -> dict[str, Any]:
    return {"channel": channel, "seq": seq, "body": body}


def sign_request(booth_key: Ed25519PrivateKey, channel: str, seq: int, body: dict[str, Any]) -> Request:
    signature = sign_json(booth_key, REQUEST_DOMAIN, _request_content(channel, seq, body))
    return Request(channel=channel, seq=seq, body=body, signature=signature)


def check_request(booth_public_key: str, request: Request) -> None:
    try:
        verify_json(booth_public_key, REQUEST_DOMAIN,
                    _request_content(request.channel, request.seq, request.body), request.signature)
    except SignatureError:
        raise HallWireError("the request is not signed by the booth that opened this channel") from None


def sign_reply(hall_key: Ed25519PrivateKey, channel: str, seq: int, body: dict[str, Any]) -> Reply:
    signature = sign_json(hall_key, REPLY_DOMAIN, _request_content(channel, seq, body))
    return Reply(channel=channel, seq=seq, body=body, signature=signature)


def check_reply(hall_public_key: str, reply: Reply, channel: str, seq: int) -> dict[str, Any]:
    """The reply's body, if the hall signed it as the answer to this very request."""
    if reply.channel != channel or reply.seq != seq:
        raise HallWireError("the reply answers another request")
    try:
        verify_json(hall_public_key, REPLY_DOMAIN, _request_content(channel, seq, reply.body),
                    reply.signature)
    except SignatureError:
        raise HallWireError("the reply is not signed by the hall") from None
    return reply.body
