"""Provisioning a booth: its own Ed25519 key, certified by the election authority, on USB media."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.ballot.package import (
    CERTIFICATE_DOMAIN,
    PACKAGE_FILE,
    PROVISION_FILE,
    Certificate,
    CertificateBody,
    Provision,
)
from kiosk.ballot.signing import new_signing_key, private_hex, public_hex, sign_json
from kiosk.clock import iso, utc_now
from station_admin.election_dir import ElectionDir, write_private


class ProvisionError(ValueError):
    pass


def provision_station(folder: ElectionDir, station: str, out: Path) -> Path:
    package = folder.package()
    known = [s.id for s in package.definition.stations]
    if station not in known:
        raise ProvisionError(f"no booth {station!r} in this election; booths: {', '.join(known)}")
    if (out / PROVISION_FILE).exists():
        raise ProvisionError(f"{out} already holds a booth provisioning; use new media")
    booth_key = new_signing_key()
    body = CertificateBody(
        election_id=package.election_id,
        election_fingerprint=package.fingerprint,
        station=station,
        booth_public_key=public_hex(booth_key),
        issued=iso(utc_now()),
    )
    signature = sign_json(folder.authority_key(), CERTIFICATE_DOMAIN, body.model_dump())
    provision = Provision(
        certificate=Certificate(body=body, signature=signature), booth_private_key=private_hex(booth_key)
    )
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder.package_path, out / PACKAGE_FILE)
    write_private(out / PROVISION_FILE, provision.model_dump_json(indent=1))
    with folder.provisioned_path.open("a", encoding="utf-8") as record:
        record.write(f"{station} {body.issued} {package.fingerprint}\n")
    return out
