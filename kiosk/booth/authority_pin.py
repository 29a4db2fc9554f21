"""Which election authority this booth trusts: pinned in booth.toml, or on the first set-up.

A package names its own authority and is signed by it, so its signature alone proves nothing about
who made it: anyone can make a key and sign a package. The booth therefore takes a package only from
the authority pinned in booth.toml (`authority = "<public key>"`, from `station-admin election show`),
or, without one, from the authority of the first package it was set up with (trust on first use,
kept in the booth's data folder until the booth is wiped).
"""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.ballot.package import ElectionPackage, PackageError

TRUSTED_AUTHORITY_FILE = "trusted-authority.json"


class AuthorityRefused(PackageError):
    """The package is signed by another authority than the one this booth trusts."""


def short_key(key: str) -> str:
    """The first 64 bits of a key in groups of four, as the poll worker compares it by eye."""
    return " ".join(key[i : i + 4].upper() for i in range(0, 16, 4))


def trusted_authority(data_dir: Path, pinned: str | None) -> tuple[str | None, str]:
    """The trusted authority's key and where it comes from ("booth.toml" or "first set-up")."""
    if pinned:
        return pinned.lower(), "booth.toml"
    try:
        remembered = json.loads((data_dir / TRUSTED_AUTHORITY_FILE).read_text(encoding="utf-8"))
        return str(remembered["authority_public_key"]), "first set-up"
    except FileNotFoundError:
        return None, ""
    except (OSError, ValueError, KeyError, TypeError):
        raise AuthorityRefused("the booth's record of its trusted authority is damaged") from None


def check_authority(data_dir: Path, package: ElectionPackage, pinned: str | None) -> None:
    trusted, source = trusted_authority(data_dir, pinned)
    signer = package.body.authority_public_key
    if trusted is not None and signer != trusted:
        raise AuthorityRefused(
            f"this election package is signed by authority {short_key(signer)}, but this booth trusts "
            f"only authority {short_key(trusted)} ({source}): do not use this stick; call the election "
            "officials"
        )


def remember_authority(data_dir: Path, package: ElectionPackage) -> None:
    """Trust on first use: the first package's authority is the only one this booth takes after."""
    path = data_dir / TRUSTED_AUTHORITY_FILE
    if not path.exists():
        record = {"authority_public_key": package.body.authority_public_key, "election": package.election_id}
        path.write_text(json.dumps(record), encoding="utf-8")
