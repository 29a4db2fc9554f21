"""Provisioning a booth: the signed election package and the booth's name, on USB media.

Nothing secret goes on the stick. The booth makes its own signing key at set-up and a poll worker's
registered card certifies it there (kiosk/ballot/booth_certificate.py); the import accepts a booth
key only through that chain (station_admin/booth_keys.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.ballot.package import PACKAGE_FILE, PROVISION_FILE, Provision
from kiosk.ballot.times import iso
from kiosk.clock import utc_now
from station_admin.election_dir import ElectionDir


class ProvisionError(ValueError):
    pass


def provision_station(folder: ElectionDir, station: str, out: Path) -> Path:
    package = folder.package()
    known = [s.id for s in package.definition.stations]
    if station not in known:
        raise ProvisionError(f"no booth {station!r} in this election; booths: {', '.join(known)}")
    if (out / PROVISION_FILE).exists():
        raise ProvisionError(f"{out} already holds a booth provisioning; use new media")
    workers = [w.id for w in package.definition.poll_workers if station in w.stations]
    registered = {c.holder for c in package.body.cards if c.role == "poll_worker"}
    if not registered & set(workers):
        raise ProvisionError(
            f"no poll worker of booth {station!r} has a registered card: the booth could not be set up "
            "(its key is certified by a poll worker's card); use `station-admin cards program` first"
        )
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder.package_path, out / PACKAGE_FILE)
    (out / PROVISION_FILE).write_text(Provision(station=station).model_dump_json(indent=1), encoding="utf-8")
    with folder.provisioned_path.open("a", encoding="utf-8") as record:
        record.write(f"{station} {iso(utc_now())} {package.fingerprint}\n")
    return out
