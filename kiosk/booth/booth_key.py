"""The booth's own signing key: made at set-up in the booth's data folder, never anywhere else.

The private key is written once, readable by the booth's user only (mode 0600), and signs the
sealed ballot file at closing. Only its public half leaves the booth, inside the certificate a poll
worker's card signed (kiosk/ballot/booth_certificate.py).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import ValidationError

from kiosk.ballot.booth_certificate import (
    BoothKeyBody,
    BoothKeyCertificate,
    CardSigner,
    CertificateError,
    certify,
    check_booth_certificate,
)
from kiosk.ballot.package import ElectionPackage, PackageError
from kiosk.ballot.signing import private_hex, public_hex, signing_key_from_hex

BOOTH_KEY_FILE = "booth.key"
CERTIFICATE_FILE = "booth-certificate.json"
KEY_MODE = 0o600  # the booth's user only: a voter at a console, or another account, cannot read it


def new_booth_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def save_booth_key(data_dir: Path, key: Ed25519PrivateKey, certificate: BoothKeyCertificate) -> None:
    """Key and certificate, each written whole (temporary file, fsync, rename) so a power cut leaves
    either the old pair or the new one."""
    _write(data_dir, BOOTH_KEY_FILE, private_hex(key).encode(), KEY_MODE)
    _write(data_dir, CERTIFICATE_FILE, certificate.model_dump_json().encode(), 0o644)


def load_certificate(data_dir: Path) -> BoothKeyCertificate:
    try:
        return BoothKeyCertificate.model_validate(json.loads((data_dir / CERTIFICATE_FILE).read_bytes()))
    except (OSError, ValueError, ValidationError):
        raise PackageError("the booth's key certificate is missing or damaged") from None


def load_booth_key(data_dir: Path, certificate: BoothKeyCertificate) -> str:
    """The private key as hex, if it is the certified one and no one else can read it."""
    path = data_dir / BOOTH_KEY_FILE
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        key = signing_key_from_hex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        raise PackageError("the booth's signing key is missing or damaged") from None
    if mode & 0o077:
        raise PackageError(f"the booth's signing key {path} is readable by others (mode {mode:o})")
    if public_hex(key) != certificate.body.booth_public_key:
        raise PackageError("the booth's signing key is not the certified one")
    return private_hex(key)


def _write(directory: Path, name: str, data: bytes, mode: int) -> None:
    partial = directory / f".{name}.partial"
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, directory / name)
    folder = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def certify_new_key(
    package: ElectionPackage, station: str, card: CardSigner, issued: str
) -> tuple[Ed25519PrivateKey, BoothKeyCertificate]:
    """A new key for this booth, certified by the poll worker's card just logged in with its PIN.

    The card must be registered in the package to a poll worker of this booth; the certificate is
    checked, link by link, as the import will check it, before anything is kept."""
    entry = next((c for c in package.body.cards if c.public_key == card.public_key.lower()), None)
    workers = {w.id for w in package.definition.poll_workers if station in w.stations}
    if entry is None or entry.role != "poll_worker" or entry.holder not in workers:
        raise PackageError(f"this card is not registered in the election package to a poll worker of "
                           f"booth {station!r}: the booth can be set up only with such a card")
    key = new_booth_key()
    body = BoothKeyBody(
        election_id=package.election_id,
        election_fingerprint=package.fingerprint,
        station=station,
        booth_public_key=public_hex(key),
        card_public_key=entry.public_key,
        poll_worker=entry.holder,
        issued=issued,
    )
    try:
        certificate = certify(body, card)
        check_booth_certificate(certificate, package)
    except CertificateError as exc:
        raise PackageError(str(exc)) from None
    return key, certificate
