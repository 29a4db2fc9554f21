"""Setting the booth up from the election package and the booth's provisioning on a stick.

The stick carries no key: the booth makes its own and a poll worker's card certifies it
(kiosk/booth/booth_key.py); the package must come from the authority this booth trusts
(kiosk/booth/authority_pin.py).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.booth_certificate import BoothKeyCertificate
from kiosk.ballot.package import (
    PACKAGE_FILE,
    PROVISION_FILE,
    ElectionPackage,
    Provision,
    load_package,
    load_provision,
)
from kiosk.ballot.sealed_file import write_atomically
from kiosk.ballot.values import Mode
from kiosk.booth.authority_pin import check_authority, remember_authority
from kiosk.booth.booth_key import save_booth_key
from kiosk.booth.polls import PollsAction
from kiosk.booth.polls_desk import MODE, PollsDesk


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
) -> None:
    """Stores the booth's key, the package, the provisioning and this booth's voting codes; polls
    become ready."""
    station = provision.station
    key, certificate = booth_key
    hashes = {c.voter: c.code_hash for c in package.body.credentials}
    voters = package.definition.voters_at(station)
    # The files first: a crash before the commit leaves a booth that is simply not set up yet.
    save_booth_key(data_dir, key, certificate)
    write_atomically(data_dir, PROVISION_FILE, provision.model_dump_json().encode())
    write_atomically(data_dir, PACKAGE_FILE, package.to_json().encode())
    data = {
        "election": package.election_id,
        "fingerprint": package.fingerprint,
        "station": station,
        "mode": mode,
        "booth_key": certificate.body.booth_public_key,
        "by": certificate.body.poll_worker,
    }
    with polls.changing(PollsAction.SET_UP, data) as c:
        box.add_credentials(c, {v.id: hashes[v.id] for v in voters if v.id in hashes})
        box.put_setting(c, MODE, mode)
    remember_authority(data_dir, package)
