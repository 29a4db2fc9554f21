"""Setting the booth up from the election package and the booth's provisioning on a stick.

The stick carries no key: the booth makes its own and a poll worker's card certifies it
(kiosk/booth/booth_key.py); the package must come from the authority this booth trusts
(kiosk/booth/authority_pin.py).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.booth_certificate import BoothKeyCertificate
from kiosk.ballot.package import (
    PACKAGE_FILE,
    PROVISION_FILE,
    ElectionPackage,
    PackageError,
    Provision,
    load_package,
    load_provision,
)
from kiosk.ballot.values import Mode
from kiosk.booth.authority_pin import AuthorityRefused, check_authority, remember_authority
from kiosk.booth.booth_key import save_booth_key
from kiosk.booth.polls import PollsAction
from kiosk.booth.polls_desk import MODE, PollsDesk
from kiosk.booth.setup_claim import CLAIM_FILE, StickUsed, refuse_used_stick
from kiosk.devices.atomic_write import write_verified
from kiosk.devices.media import Media


def checked_media(
    media: Path, now: datetime, data_dir: Path, pinned_authority: str | None
) -> tuple[ElectionPackage, Provision]:
    """The package and provisioning on the media: signature, authority and booth checked."""
    package = load_package(media / PACKAGE_FILE, now=now)
    check_authority(data_dir, package, pinned_authority)
    return package, load_provision(media / PROVISION_FILE, package)


def take_in(
    data_dir: Path,
    box: BallotBox,
    polls: PollsDesk,
    package: ElectionPackage,
    provision: Provision,
    mode: Mode,
    booth_key: tuple[Ed25519PrivateKey, BoothKeyCertificate],
    every_voter: bool = False,
) -> None:
    """Stores the booth's key, the package, the provisioning and this booth's voting codes (every
    voter's, for a booth of a hall: any delegate may vote at any booth); polls become ready."""
    station = provision.station
    key, certificate = booth_key
    hashes = {c.voter: c.code_hash for c in package.body.credentials}
    voters = package.definition.voters if every_voter else package.definition.voters_at(station)
    # The files first: a crash before the commit leaves a booth that is simply not set up yet.
    save_booth_key(data_dir, key, certificate)
    _write(data_dir, PROVISION_FILE, provision.model_dump_json().encode())
    _write(data_dir, PACKAGE_FILE, package.to_json().encode())
    data = {
        "election": package.election_id,
        "fingerprint": package.fingerprint,
        "station": station,
        "mode": mode,
        "booth_key": certificate.body.booth_public_key,
        "by": certificate.body.poll_worker,
        "voters": "hall" if every_voter else "station",  # the import accepts marks of whom it served
    }
    with polls.changing(PollsAction.SET_UP, data) as c:
        box.add_credentials(c, {v.id: hashes[v.id] for v in voters if v.id in hashes})
        box.put_setting(c, MODE, mode)
    remember_authority(data_dir, package)


class SetupRefusal(StrEnum):
    """Why a stick was not taken in; the poll worker's screen says it in their language."""

    NO_STICK = "no_stick"
    NO_PACKAGE = "no_package"
    PACKAGE_INVALID = "package_invalid"  # not signed by its authority, altered, malformed or expired
    NO_PROVISION = "no_provision"
    PROVISION_INVALID = "provision_invalid"  # certificate not the authority's, or for another election
    OTHER_BOOTH = "other_booth"  # provisions another booth than the one this booth's config names
    NOT_THE_STICK_CHECKED = "not_the_stick_checked"  # swapped after the poll worker compared it
    ALREADY_SET_UP = "already_set_up"
    UNREADABLE = "unreadable"
    AUTHORITY_REFUSED = "authority_refused"  # signed by another authority than the booth trusts
    STICK_USED = "stick_used"  # the stick already set up a booth
    CARD_REFUSED = "card_refused"  # not a poll worker's of this booth, or it did not sign the key


@dataclass(frozen=True)
class SetupPreview:
    """What a checked stick would set up, for the poll worker to compare with the printed fingerprint."""

    title: dict[str, str]  # in every language of the election
    fingerprint: str
    station: str


class SetupRefused(Exception):
    """The stick was refused and nothing was set up; detail (English) is for the log."""

    def __init__(self, reason: SetupRefusal, detail: str = "", names: tuple[str, ...] = ()) -> None:
        super().__init__(detail or reason.value)
        self.reason, self.detail, self.names = reason, detail, names


def checked_stick(
    folder: Path, now: datetime, booth_id: str | None, data_dir: Path, pinned_authority: str | None
) -> tuple[ElectionPackage, Provision]:
    """The package and provisioning copied off a stick, checked; SetupRefused says why not."""
    if not (folder / PACKAGE_FILE).exists():
        raise SetupRefused(SetupRefusal.NO_PACKAGE)
    try:
        package = load_package(folder / PACKAGE_FILE, now=now)
    except PackageError as exc:
        raise SetupRefused(SetupRefusal.PACKAGE_INVALID, str(exc)) from exc
    try:
        check_authority(data_dir, package, pinned_authority)
    except AuthorityRefused as exc:
        raise SetupRefused(SetupRefusal.AUTHORITY_REFUSED, str(exc)) from exc
    try:
        refuse_used_stick((folder / CLAIM_FILE).read_bytes() if (folder / CLAIM_FILE).exists() else None)
    except StickUsed as exc:
        raise SetupRefused(SetupRefusal.STICK_USED, str(exc)) from exc
    if not (folder / PROVISION_FILE).exists():
        raise SetupRefused(SetupRefusal.NO_PROVISION)
    try:
        provision = load_provision(folder / PROVISION_FILE, package)
    except PackageError as exc:
        raise SetupRefused(SetupRefusal.PROVISION_INVALID, str(exc)) from exc
    station = provision.station
    if booth_id is not None and station != booth_id:
        detail = f"this stick provisions {station!r}, and this booth is {booth_id!r}"
        raise SetupRefused(SetupRefusal.OTHER_BOOTH, detail, (station, booth_id))
    return package, provision


@contextmanager
def stick_files(media: Media, scratch_parent: Path) -> Iterator[Path]:
    """The package, provisioning and any set-up mark read off the stick (mounted read-only) into a
    folder beside the booth's storage, so what is checked is what is taken in."""
    if not media.present():
        raise SetupRefused(SetupRefusal.NO_STICK)
    with tempfile.TemporaryDirectory(dir=scratch_parent, prefix="setup-") as scratch:
        folder = Path(scratch)
        for name in (PACKAGE_FILE, PROVISION_FILE, CLAIM_FILE):
            data = media.read_file(name)
            if data is not None:
                (folder / name).write_bytes(data)
        yield folder



def _write(data_dir: Path, name: str, data: bytes) -> None:
    """Complete and read back, or an error: a booth never starts from a half-written package."""
    written = write_verified(data_dir, name, data)
    if not written.ok:
        raise OSError(f"the booth's data folder did not take {name}: {written.status.value}")
