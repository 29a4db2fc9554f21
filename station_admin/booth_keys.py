"""Which booth keys the import accepts: only through the chain, and only one per station.

The chain (kiosk/ballot/booth_certificate.py): the authority signs the package, the package registers
the poll workers' cards, a poll worker's card certifies the key a booth made for itself at set-up, and
that key signs the sealed file. The reader checks the chain; here it is checked again on its own, and
the tally database remembers the one key a station was set up with: a second, different key for the
same station (a second booth set up as booth-1, or a file signed by a key off some other machine) is
refused with a reason, and nothing is stored.

Officials who find out which booth is genuine say so on the record: `import --replace STATION`
quarantines the station's imported file first (station_admin/quarantine.py), and this check runs
after it, so the replacement imports whether it is signed by the same booth key (the genuine booth's
own file) or by a different one (the officials chose that booth). Without --replace a different key
is always refused.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from kiosk.ballot.booth_certificate import CertificateError, check_booth_certificate
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_file import Refusal, SealedFileError
from station_admin import tally_db as db
from station_admin.import_checks import AnySealed


def check_booth_key(connection: Connection, package: ElectionPackage, sealed: AnySealed) -> None:
    """Raises SealedFileError unless the file's booth key is certified and is its station's only key."""
    certificate = sealed.manifest.certificate
    try:
        check_booth_certificate(certificate, package)
    except CertificateError as exc:
        raise SealedFileError(Refusal.UNCERTIFIED_BOOTH, str(exc)) from None
    station, key = sealed.manifest.station, certificate.body.booth_public_key
    known = connection.execute(
        select(db.imports.c.booth_public_key).where(
            (db.imports.c.election_id == package.election_id)
            & (db.imports.c.station == station)
            # A rehearsal's booth is wiped before the vote and makes a new key: modes are kept apart.
            & (db.imports.c.mode == sealed.manifest.mode)
        )
    ).scalars().all()
    others = sorted({k for k in known if k != key})
    if others:
        raise SealedFileError(
            Refusal.SECOND_BOOTH_KEY,
            f"booth {station!r} was set up with key {others[0][:16]}…; this file is signed by another "
            f"key ({key[:16]}…, certified by {certificate.body.poll_worker}'s card): only one booth key "
            "per station is accepted. Find out which booth is genuine before importing anything more; "
            f"if it is this one: station-admin import --replace {station} --reason ... --by ...",
        )
