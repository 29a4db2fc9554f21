"""record.json (the index, normative) and booths/<station>.json (normative) of docs/e2e-spec.md §10."""

from __future__ import annotations

from typing import Any, Literal

from isoloir_verify.codec import Hash32, Strict


class IndexedFile(Strict):
    path: str
    sha256: str  # hex, 64 characters
    size: int


class RecordIndex(Strict):
    format: Literal["isoloir-record/1"]
    group: Literal["ristretto255"]
    hash: Literal["HMAC-SHA-256/512"]
    election: str
    files: list[IndexedFile]


class BoothSession(Strict):
    session: str
    cast: int
    checked: int
    cast_codes: Hash32
    checked_codes: Hash32
    voters: Hash32  # tag 0x27 over the sorted ids of the voters the booth marked (spec §9.2a)


class BoothFile(Strict):
    format: Literal["isoloir-record/1 booth"]
    station: str
    certificate: dict[str, Any]  # the booth-key certificate (spec §10.2), checked link by link
    sealed_sha256: str
    sealed: dict[str, Any]  # the booth's sealed-file manifest, as it signed it
    signature: str  # the booth key's signature over it, hex
    opened: str
    closed: str
    audit_head: str
    roll: Literal["station", "hall"]  # whose marks it may hold: its station's voters, or every delegate
    sessions: list[BoothSession]
