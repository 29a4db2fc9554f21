"""Putting the trustees' end-to-end key into the election package, signed as the package is.

After `station-admin trustee finish` every trustee holds the same ceremony.json; the administrator
adds it, with the definition file the trustees hashed, to the package and the authority signs it
again. Booths then seal end-to-end verifiable ballots to K. Refused once a booth is provisioned: a
booth's certificate binds the package's fingerprint, which any re-signing changes.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.ballot.e2e_key import E2EKeyError, e2e_key_for
from kiosk.ballot.package import PackageError, parse_package
from station_admin.ceremony import sign_package
from station_admin.election_dir import ElectionDir


class ElectionKeyError(ValueError):
    pass


def add_election_key(folder: ElectionDir, manifest: Path, ceremony: Path) -> str:
    """Signs the package again with the ceremony's key; returns the new fingerprint."""
    package = folder.package()
    booths = folder.provisioned()
    if booths:
        raise ElectionKeyError(
            f"booths {', '.join(booths)} already hold this election package; add the key before provisioning"
        )
    try:
        key = e2e_key_for(manifest.read_bytes(), ceremony.read_bytes())
    except E2EKeyError as exc:
        raise ElectionKeyError(str(exc)) from None
    except OSError as exc:
        raise ElectionKeyError(f"cannot read {exc.filename}: {exc.strerror}") from None
    body = package.body.model_copy(update={"e2e": key})
    text = sign_package(body, folder.authority_key())
    try:
        fingerprint = parse_package(text.encode()).fingerprint  # the booth's own checks, before writing
    except PackageError as exc:
        raise ElectionKeyError(str(exc)) from None
    folder.package_path.write_text(text, encoding="utf-8")
    return fingerprint
