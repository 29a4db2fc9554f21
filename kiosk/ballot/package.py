"""The election package and the booth's provisioning, as they travel on USB media.

The package holds the definition, the election public key, the voters' credential hashes and the
registered cards, signed by the election authority (Ed25519). A booth's provisioning names only the
booth it is for: no key travels on the stick (the booth makes its own at set-up, see
booth_certificate.py). Loading checks the signature before anything is used, and gives a
fingerprint a person can compare by eye with the printed one.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.canonical import canonical_json, sha256_hex
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.e2e_ballot import ElectionKey
from kiosk.ballot.e2e_key import E2EKey, E2EKeyError, check_e2e_key
from kiosk.ballot.ids import ElectionId, ElectionKeyHex, SigningKeyHex, StationId, VoterId
from kiosk.ballot.signing import SignatureError, verify_json

PACKAGE_FORMAT = "isoloir-election-package/1"
PACKAGE_FILE = "election-package.json"
PROVISION_FILE = "booth-provision.json"
PACKAGE_DOMAIN = "isoloir election package"
MAX_PACKAGE_BYTES = 64 * 1024 * 1024  # a package with every delegate of a large conference is ~1 MB
_FINGERPRINT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class PackageError(ValueError):
    """The package or provisioning cannot be used; the message says why, for the poll worker."""


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # how JSON spells a surrogate (raw ones are not UTF-8)


class InvalidText(ValueError):
    """JSON that decodes to text no encoder takes (a lone surrogate such as "\\ud800")."""


def load_json_text(data: bytes | str) -> Any:
    """json.loads, and every string in the result (keys too) is valid Unicode.

    JSON may spell a lone surrogate as an escape; Python then holds a str that raises
    UnicodeEncodeError wherever it is hashed, stored or printed, far from the file that held it.
    """
    value = json.loads(data)
    try:
        raw = data.encode() if isinstance(data, str) else data
    except UnicodeEncodeError:
        raise InvalidText("the file holds text that is not valid Unicode") from None
    if not _SURROGATE_ESCAPE.search(raw):  # the only way to one; walking every value costs a ballot's read
        return value
    pending = [value]
    while pending:  # a loop, not recursion: json.loads already bounds the depth, this adds none
        item = pending.pop()
        if isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            pending += item
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise InvalidText("the file holds text that is not valid Unicode") from None
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Public keys as 64 hex digits, each kind its own type (kiosk/ballot/ids.py).
_KEY_PATTERN = Field(pattern=r"^[0-9a-f]{64}$")
SigningKeyHexField = Annotated[SigningKeyHex, _KEY_PATTERN]
ElectionKeyHexField = Annotated[ElectionKeyHex, _KEY_PATTERN]


class Credential(Strict):
    voter: VoterId
    code_hash: str


class PackageCard(Strict):
    """One card the package registers: its authentication key, its holder and role (the booth turns
    it into kiosk.devices.cards.RegisteredCard at set-up)."""

    public_key: SigningKeyHexField
    holder: str
    role: Literal["voter", "poll_worker"]


class PackageBody(Strict):
    format: Literal["isoloir-election-package/1"] = "isoloir-election-package/1"
    definition: ElectionDefinition
    election_public_key: ElectionKeyHexField
    authority_public_key: SigningKeyHexField
    credentials: list[Credential]
    cards: list[PackageCard] = Field(default_factory=list)
    created: str
    expires: str  # ISO 8601; a booth refuses a package past this moment
    # The trustees' end-to-end key (kiosk/ballot/e2e_key.py); a package without one seals HPKE
    # ballots (format 1), read only by the old import.
    e2e: E2EKey | None = None


class SignedPackage(Strict):
    body: dict[str, Any]
    signature: str


class Provision(Strict):
    """What `station provision` writes beside the package: which booth the stick sets up. Nothing
    secret, and nothing the import trusts: the booth's key is certified by a poll worker's card."""

    format: Literal["isoloir-booth-provision/2"] = "isoloir-booth-provision/2"
    station: StationId


class ElectionPackage:
    """A package whose signature has been checked."""

    def __init__(
        self,
        body: PackageBody,
        raw_body: dict[str, Any],
        signature: str,
        amends: ElectionPackage | None = None,
    ) -> None:
        """`amends`: this is that package as amended by addenda (kiosk.ballot.amendments); its trustees'
        key was checked against the definition it was made for, which the addenda then changed."""
        self.body = body
        self.raw_body = raw_body
        self.signature = signature
        self.fingerprint = fingerprint_of(raw_body)
        self.election_key: ElectionKey | None = (
            amends.election_key if amends is not None
            else None if body.e2e is None else check_e2e_key(body.e2e, body.definition)
        )  # fmt: skip

    @property
    def definition(self) -> ElectionDefinition:
        return self.body.definition

    @property
    def election_id(self) -> ElectionId:
        return self.body.definition.id

    def to_json(self) -> str:
        return json.dumps({"body": self.raw_body, "signature": self.signature}, ensure_ascii=False)


def fingerprint_of(raw_body: dict[str, Any]) -> str:
    """80 bits of the package digest in five groups of four symbols, easy to compare by eye."""
    digest = int(sha256_hex(canonical_json(raw_body))[:20], 16)
    symbols = "".join(_FINGERPRINT_ALPHABET[(digest >> (5 * i)) & 31] for i in reversed(range(16)))
    return "-".join(symbols[i : i + 4] for i in range(0, 16, 4))


def parse_package(data: bytes, now: datetime | None = None) -> ElectionPackage:
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError("the election package is too large to be genuine")
    try:
        signed = SignedPackage.model_validate(load_json_text(data))
    except InvalidText as exc:
        raise PackageError(f"this is not an election package: {exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValidationError):
        raise PackageError("this is not an election package") from None
    authority = signed.body.get("authority_public_key")
    if not isinstance(authority, str):
        raise PackageError("the election package names no election authority")
    try:
        verify_json(authority, PACKAGE_DOMAIN, signed.body, signed.signature)
    except SignatureError:
        raise PackageError("the election package is not signed by its authority, or was altered") from None
    try:
        body = PackageBody.model_validate(signed.body)
    except ValidationError as exc:
        raise PackageError(f"the election package is malformed: {exc.errors()[0]['msg']}") from None
    if now is not None and datetime.fromisoformat(body.expires) < now:
        raise PackageError(f"the election package expired on {body.expires}")
    try:
        return ElectionPackage(body, signed.body, signed.signature)
    except E2EKeyError as exc:
        raise PackageError(f"the election package's end-to-end key cannot be used: {exc}") from None


def load_package(path: Path, now: datetime | None = None) -> ElectionPackage:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PackageError(f"no election package ({path.name}) on this media") from None
    except OSError as exc:
        raise PackageError(f"the election package cannot be read: {exc.strerror}") from None
    return parse_package(data, now)


def load_provision(path: Path, package: ElectionPackage) -> Provision:
    try:
        provision = Provision.model_validate(load_json_text(path.read_bytes()))
    except FileNotFoundError:
        raise PackageError(f"no booth provisioning ({path.name}) on this media") from None
    except (OSError, ValueError, RecursionError, ValidationError):  # ValueError: JSON or text
        raise PackageError("the booth provisioning file is damaged, or from an older station-admin") from None
    known = {s.id for s in package.definition.stations}
    if provision.station not in known:
        raise PackageError(f"the stick provisions an unknown booth {provision.station!r}")
    return provision
