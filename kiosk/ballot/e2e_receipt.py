"""What the booth signs and prints after *Seal*: the cast receipt's QR and the checked slip's QR.

The signed message is docs/e2e-spec.md §9.4: `str "isoloir-receipt/2" ‖ digest H_E ‖ str session ‖
digest code ‖ str status`, and for a checked slip `‖ digest ξ_B ‖ bytes plaintext`. The QR text is a
link to the election's check page with its fields as query parameters (§9.5), so a phone opens the
page with the slip filled in, and an observer's laptop reads the same text with `kiosk check-slip`.
Everything here is either public or, for a checked ballot, made public by the check itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlencode, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.ballot.crypto import wire
from kiosk.ballot.crypto.hashing import Digest, encode_bytes, encode_str
from kiosk.ballot.crypto.wire import WireError, b64encode
from kiosk.ballot.ids import SessionId, StationId, VoterId

RECEIPT_FORMAT = "isoloir-receipt/2"
SLIP_VERSION = "2"  # the `r` (cast) or `check` (checked) parameter of the QR link
SIGNATURE_BYTES = 64
Status = Literal["cast", "checked"]


class SlipError(ValueError):
    """QR text that is not an Isoloir slip of this version; the message says what is wrong."""


def receipt_message(
    extended_hash: Digest,
    session: str,
    code: Digest,
    status: Status,
    opening: tuple[Digest, bytes] | None = None,
) -> bytes:
    """The bytes the booth signs; a checked slip adds its nonce ξ_B and plaintext (one byte a ciphertext)."""
    body = encode_str(RECEIPT_FORMAT) + extended_hash + encode_str(session) + code + encode_str(status)
    if (status == "checked") != (opening is not None):
        raise ValueError("a checked slip, and only one, carries its opening")
    if opening is not None:
        nonce, plaintext = opening
        body += Digest(nonce) + encode_bytes(plaintext)
    return body


def sign_receipt(key: Ed25519PrivateKey, message: bytes) -> bytes:
    return key.sign(message)


def signature_holds(public_key: bytes, message: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class CastSlip:
    """A cast ballot's receipt QR: where to find it on the board, signed by the booth."""

    session: SessionId
    station: StationId
    code: Digest
    signature: bytes


@dataclass(frozen=True)
class CheckedSlip:
    """A checked ballot's QR: its context, its nonce and its plaintext, so anyone can re-encrypt it."""

    session: SessionId
    station: StationId
    group: str
    weight: int
    voter: VoterId
    code: Digest
    nonce: Digest
    plaintext: bytes
    signature: bytes


def _link(verify_url: str, fields: dict[str, str]) -> str:
    separator = "&" if "?" in verify_url else "?"
    return f"{verify_url}{separator}{urlencode(fields)}"


def cast_link(verify_url: str, short: str, slip: CastSlip) -> str:
    """`code` first, as the board's search reads it, then the full code and the booth's signature."""
    fields = {"code": short, "r": SLIP_VERSION, "s": slip.session, "b": slip.station,
              "c": b64encode(slip.code), "sig": b64encode(slip.signature)}  # fmt: skip
    return _link(verify_url, fields)


def checked_link(verify_url: str, slip: CheckedSlip) -> str:
    fields = {
        "check": SLIP_VERSION, "s": slip.session, "b": slip.station, "g": slip.group,
        "w": str(slip.weight), "v": slip.voter, "c": b64encode(slip.code), "n": b64encode(slip.nonce),
        "p": b64encode(slip.plaintext), "sig": b64encode(slip.signature),
    }  # fmt: skip
    return _link(verify_url, fields)


def _fields(text: str) -> dict[str, str]:
    query = urlsplit(text.strip()).query
    try:
        parsed = parse_qs(query, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise SlipError("the QR text is not a check link") from None
    if any(len(values) != 1 for values in parsed.values()):
        raise SlipError("a field of the slip is given twice")
    return {name: values[0] for name, values in parsed.items()}


def _b64(fields: dict[str, str], name: str, size: int | None = 32) -> bytes:
    try:
        value = wire.b64decode(fields[name])
    except KeyError:
        raise SlipError(f"the slip has no field {name!r}") from None
    except WireError as exc:
        raise SlipError(f"the slip's field {name!r}: {exc}") from None
    if size is not None and len(value) != size:
        raise SlipError(f"the slip's field {name!r} is not {size} bytes")
    return value


def parse_checked(text: str) -> CheckedSlip:
    """The checked slip in a QR text; a cast receipt, another version or a damaged text is refused."""
    fields = _fields(text)
    if fields.get("check") != SLIP_VERSION:
        raise SlipError("this QR is not a checked ballot's slip (a cast receipt cannot be opened)")
    expected = {"check", "s", "b", "g", "w", "v", "c", "n", "p", "sig"}
    if set(fields) != expected:
        raise SlipError(f"a checked slip has exactly the fields {sorted(expected)}")
    weight = fields["w"]
    if not weight.isdigit() or not 1 <= int(weight) < 2**32:
        raise SlipError("the slip's weight is not a whole number from 1")
    return CheckedSlip(
        SessionId(fields["s"]), StationId(fields["b"]), fields["g"], int(weight), VoterId(fields["v"]),
        Digest(_b64(fields, "c")), Digest(_b64(fields, "n")), _b64(fields, "p", None),
        _b64(fields, "sig", SIGNATURE_BYTES),
    )  # fmt: skip


def parse_cast(text: str) -> CastSlip:
    fields = _fields(text)
    if fields.get("r") != SLIP_VERSION:
        raise SlipError("this QR is not a cast ballot's receipt of this version")
    for name in ("s", "b"):
        if name not in fields:
            raise SlipError(f"the receipt has no field {name!r}")
    return CastSlip(SessionId(fields["s"]), StationId(fields["b"]), Digest(_b64(fields, "c")),
                    _b64(fields, "sig", SIGNATURE_BYTES))
