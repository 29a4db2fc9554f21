"""The election's end-to-end key as it travels in the election package, and the checks at the booth.

The trustees' ceremony (`station-admin trustee finish`) leaves ceremony.json: the trustees'
commitments and proofs, the key K and H_E. The package carries it with the exact bytes of the
definition file the trustees hashed (H_M): the booth checks the ceremony (check V3) and that it was made
for this very definition before it encrypts anything, so a ceremony for another election or an edited
definition is refused at set-up, not discovered at the tally. Everything here is public.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from pydantic import BaseModel, ConfigDict

from kiosk.ballot.crypto.base_hashes import manifest_hash, parameters_hash
from kiosk.ballot.crypto.ceremony_record import Ceremony, CeremonyRecordError, check_ceremony
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.definition import DefinitionError, ElectionDefinition, parse_definition
from kiosk.ballot.e2e_ballot import ElectionKey


class E2EKeyError(ValueError):
    """The package's end-to-end key cannot be used; the message says why, for the poll worker."""


class E2EKey(BaseModel):
    """In the package body: the definition file's exact bytes (base64) and ceremony.json as written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    manifest: str
    ceremony: dict[str, Any]

    def manifest_bytes(self) -> bytes:
        try:
            return base64.b64decode(self.manifest, validate=True)
        except (binascii.Error, ValueError):
            raise E2EKeyError("the package's election definition bytes are not base64") from None


def e2e_key_for(manifest: bytes, ceremony_text: bytes) -> E2EKey:
    """What a package carries for this definition file and this ceremony.json (checked as the booth will)."""
    try:
        raw = json.loads(ceremony_text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise E2EKeyError("this is not a ceremony.json") from None
    if not isinstance(raw, dict):
        raise E2EKeyError("this is not a ceremony.json")
    key = E2EKey(manifest=base64.b64encode(manifest).decode("ascii"), ceremony=raw)
    check_e2e_key(key, parse_manifest(manifest))
    return key


def parse_manifest(manifest: bytes) -> ElectionDefinition:
    try:
        return parse_definition(manifest)
    except DefinitionError as exc:
        raise E2EKeyError(f"the definition the trustees' key was made for is not valid: {exc}") from None


def check_e2e_key(key: E2EKey, definition: ElectionDefinition) -> ElectionKey:
    """H_E and K, once the ceremony checks (V3) and was made for exactly this definition (H_M)."""
    try:
        ceremony = Ceremony.model_validate(key.ceremony)
        keys = check_ceremony(ceremony)
    except (CeremonyRecordError, ValueError) as exc:
        raise E2EKeyError(f"the trustees' ceremony does not check: {exc}") from None
    manifest = key.manifest_bytes()
    if manifest_hash(parameters_hash(), manifest) != Digest(ceremony.h_m):
        raise E2EKeyError("the trustees' ceremony was made for another election definition (H_M differs)")
    if parse_manifest(manifest) != definition:
        raise E2EKeyError("the package's definition is not the one the trustees' key was made for")
    return ElectionKey(keys.h_e, keys.key)


def public_election(manifest: bytes, ceremony_text: bytes) -> tuple[ElectionKey, ElectionDefinition]:
    """The key and definition an observer checks slips with, from the published manifest and ceremony."""
    definition = parse_manifest(manifest)
    return check_e2e_key(e2e_key_for(manifest, ceremony_text), definition), definition
