"""The append-only, hash-chained audit log.

Each entry's hash covers the previous entry's hash, so removing, reordering or changing any entry
breaks every hash after it. The chain head goes into every report and sealed file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.ballot.canonical import canonical_json
from kiosk.ballot.times import iso

GENESIS = "0" * 64


class AuditChainError(ValueError):
    pass


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    time: datetime  # written and hashed as its text (kiosk/ballot/times.py)
    event: str
    data: dict[str, Any]
    prev: str
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "time": iso(self.time),
            "event": self.event,
            "data": self.data,
            "prev": self.prev,
            "hash": self.hash,
        }


def entry_hash(prev: str, seq: int, time: datetime, event: str, data: dict[str, Any]) -> str:
    body = canonical_json({"seq": seq, "time": iso(time), "event": event, "data": data})
    return hashlib.sha256(bytes.fromhex(prev) + body).hexdigest()


def verify_chain(entries: list[AuditEntry]) -> str:
    """Checks every link; returns the head. Raises AuditChainError naming the first bad entry."""
    prev = GENESIS
    for expected_seq, entry in enumerate(entries, start=1):
        if entry.seq != expected_seq:
            raise AuditChainError(f"audit entry {expected_seq} is missing or out of order")
        if entry.prev != prev:
            raise AuditChainError(f"audit entry {entry.seq} does not follow entry {entry.seq - 1}")
        if entry_hash(prev, entry.seq, entry.time, entry.event, entry.data) != entry.hash:
            raise AuditChainError(f"audit entry {entry.seq} was changed")
        prev = entry.hash
    return prev
