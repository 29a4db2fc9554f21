"""Setting the booth up from the election package and the booth's provisioning on a stick."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.package import (
    PACKAGE_FILE,
    PROVISION_FILE,
    ElectionPackage,
    PackageError,
    Provision,
    load_package,
    load_provision,
)
from kiosk.ballot.sealed_file import write_atomically
from kiosk.ballot.signing import public_hex, signing_key_from_hex
from kiosk.ballot.values import Mode
from kiosk.booth.polls import PollsAction
from kiosk.booth.polls_desk import MODE, PollsDesk


def checked_media(media: Path, now: datetime) -> tuple[ElectionPackage, Provision]:
    """The package and provisioning on the media, signatures, certificate and booth key checked."""
    package = load_package(media / PACKAGE_FILE, now=now)
    provision = load_provision(media / PROVISION_FILE, package)
    key = signing_key_from_hex(provision.booth_private_key)
    if public_hex(key) != provision.certificate.body.booth_public_key:
        raise PackageError("the booth key does not match its certificate")
    return package, provision


def take_in(
    data_dir: Path,
    box: BallotBox,
    polls: PollsDesk,
    package: ElectionPackage,
    provision: Provision,
    mode: Mode,
) -> None:
    """Stores the package, the provisioning and this booth's voting codes; polls become ready."""
    station = provision.certificate.body.station
    hashes = {c.voter: c.code_hash for c in package.body.credentials}
    voters = package.definition.voters_at(station)
    # The files first: a crash before the commit leaves a booth that is simply not set up yet.
    write_atomically(data_dir, PROVISION_FILE, provision.model_dump_json().encode())
    write_atomically(data_dir, PACKAGE_FILE, package.to_json().encode())
    data = {"election": package.election_id, "fingerprint": package.fingerprint, "station": station}
    with polls.changing(PollsAction.SET_UP, data) as c:
        box.add_credentials(c, {v.id: hashes[v.id] for v in voters if v.id in hashes})
        box.put_setting(c, MODE, mode)
