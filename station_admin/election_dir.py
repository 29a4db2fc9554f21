"""The officials' election folder: what `election create` writes and every later command reads.

ELECTION/
  election-package.json   signed package (goes to every booth)
  authority.key           the election authority's signing key, encrypted under the authority
                          passphrase (officials only, mode 0600)
  ceremony.json           the key ceremony's record: who holds which share
  trustees/N.share        trustee N's share, encrypted under their passphrase, only where no
                          other place was given: `election create` writes each to its trustee's media
  codes/voter-codes.csv   voting codes for printing notices (officials only, mode 0600)
  provisioned.txt         one line per booth provisioned: after that the package must not change
  tally.sqlite            the default tally database
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.package import PACKAGE_FILE, ElectionPackage, PackageError, load_package
from station_admin.authority_key import AuthorityKeyError, open_authority_key
from station_admin.passphrases import PassphraseError


class ElectionDirError(ValueError):
    pass


@dataclass(frozen=True)
class ElectionDir:
    root: Path
    # Gives the authority passphrase when a command signs; None for commands that only read.
    unlock: Callable[[], str] | None = field(default=None, compare=False, repr=False)

    @property
    def package_path(self) -> Path:
        return self.root / PACKAGE_FILE

    @property
    def authority_key_path(self) -> Path:
        return self.root / "authority.key"

    @property
    def ceremony_path(self) -> Path:
        return self.root / "ceremony.json"

    @property
    def trustees_dir(self) -> Path:
        return self.root / "trustees"

    @property
    def codes_path(self) -> Path:
        return self.root / "codes" / "voter-codes.csv"

    @property
    def provisioned_path(self) -> Path:
        return self.root / "provisioned.txt"

    def provisioned(self) -> list[str]:
        """The booths provisioned so far (their certificates bind this package's fingerprint)."""
        if not self.provisioned_path.exists():
            return []
        return sorted({line.split()[0] for line in self.provisioned_path.read_text().splitlines() if line})

    @property
    def default_db_url(self) -> str:
        return f"sqlite:///{(self.root / 'tally.sqlite').resolve()}"

    def share_path(self, trustee: int) -> Path:
        return self.trustees_dir / f"{trustee}.share"

    def package(self) -> ElectionPackage:
        if not self.package_path.exists():
            raise ElectionDirError(f"{self.root} is not an election folder (no {PACKAGE_FILE})")
        try:
            return load_package(self.package_path)
        except PackageError as exc:
            raise ElectionDirError(f"{self.package_path}: {exc}") from None

    def authority_key(self) -> Ed25519PrivateKey:
        """The authority's key, opened with its passphrase (asked now, if it is typed)."""
        try:
            text = self.authority_key_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise ElectionDirError(f"cannot read the authority key {self.authority_key_path}") from None
        if self.unlock is None:
            raise ElectionDirError("this command signs, and was given no authority passphrase")
        try:
            return open_authority_key(text, self.unlock())
        except (AuthorityKeyError, PassphraseError) as exc:
            raise ElectionDirError(f"{self.authority_key_path}: {exc}") from None


def write_private(path: Path, text: str) -> None:
    """Writes a file only its owner can read: keys and voting codes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
