"""An election's end-to-end key, as the officials' folder keeps it: the trustees' ceremony record and
the definition's exact bytes that its H_M hashes.

ELECTION/e2e/ceremony.json   the trustees' `ceremony.json` (public: commitments, proofs, K, H_E)
ELECTION/e2e/manifest.json   the definition file's bytes, as every trustee hashed them

Nothing here is secret: the election key is never assembled (each trustee keeps one share of it on
their own laptop). An election folder with these files counts end-to-end ballots (sealed file /2)
only; one without counts its HPKE ballots as before.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.ballot.crypto.base_hashes import manifest_hash, parameters_hash
from kiosk.ballot.crypto.ceremony_record import (
    Ceremony,
    CeremonyKeys,
    CeremonyRecordError,
    check_ceremony,
    load_ceremony,
)
from kiosk.ballot.definition import DefinitionError, parse_definition
from kiosk.ballot.e2e_ballot import ElectionKey
from station_admin.election_dir import ElectionDir

E2E_FOLDER = "e2e"
CEREMONY_FILE, MANIFEST_FILE = "ceremony.json", "manifest.json"


class E2EElectionError(ValueError):
    """The ceremony or the manifest does not belong to this election; the message says which."""


@dataclass(frozen=True)
class E2EElection:
    manifest: bytes  # the definition's exact bytes (H_M)
    ceremony_bytes: bytes
    ceremony: Ceremony
    keys: CeremonyKeys

    @property
    def election(self) -> ElectionKey:
        return ElectionKey(self.keys.h_e, self.keys.key)


def e2e_folder(folder: ElectionDir) -> Path:
    return folder.root / E2E_FOLDER


def load_e2e(folder: ElectionDir) -> E2EElection | None:
    """The folder's end-to-end key, checked again (V2, V3) each time it is read; None if it has none."""
    where = e2e_folder(folder)
    if not (where / CEREMONY_FILE).exists():
        return None
    return _checked(folder, (where / CEREMONY_FILE).read_bytes(), (where / MANIFEST_FILE).read_bytes())


def install_e2e(folder: ElectionDir, ceremony: Path, manifest: Path) -> E2EElection:
    """Keeps the trustees' ceremony with the election after checking that it is one, that it hashed
    this definition's bytes, and that the definition is the package's."""
    where = e2e_folder(folder)
    if (where / CEREMONY_FILE).exists():
        raise E2EElectionError(f"{where / CEREMONY_FILE} exists: an election has one key ceremony")
    try:
        checked = _checked(folder, ceremony.read_bytes(), manifest.read_bytes())
    except OSError as exc:
        raise E2EElectionError(f"cannot read {exc.filename}: {exc.strerror}") from None
    where.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(manifest, where / MANIFEST_FILE)
    shutil.copyfile(ceremony, where / CEREMONY_FILE)
    return checked


def _checked(folder: ElectionDir, ceremony_bytes: bytes, manifest: bytes) -> E2EElection:
    try:
        ceremony = load_ceremony(ceremony_bytes)
        keys = check_ceremony(ceremony)
    except CeremonyRecordError as exc:
        raise E2EElectionError(str(exc)) from None
    if manifest_hash(parameters_hash(), manifest) != ceremony.h_m:
        raise E2EElectionError("the trustees hashed another definition file than this one (h_m differs)")
    try:
        definition = parse_definition(manifest)
    except DefinitionError as exc:
        raise E2EElectionError(f"the definition file does not read: {exc}") from None
    if definition != folder.package().definition:
        raise E2EElectionError("this definition is not the one in the election package")
    return E2EElection(manifest, ceremony_bytes, ceremony, keys)
