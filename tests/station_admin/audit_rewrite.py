"""Rewriting a booth's audit log as someone with the booth's disk could: change the entries, then
recompute the hash chain so that it verifies again."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from kiosk.ballot.audit import GENESIS, entry_hash
from kiosk.ballot.times import parse_iso

Entry = dict[str, Any]


def rewrite_audit(database: sqlite3.Connection, change: Callable[[list[Entry]], list[Entry]]) -> None:
    rows = database.execute("SELECT seq, time, event, data FROM audit_log ORDER BY seq").fetchall()
    entries = change([{"time": t, "event": e, "data": json.loads(d)} for _, t, e, d in rows])
    database.execute("DELETE FROM audit_log")
    prev = GENESIS
    for seq, entry in enumerate(entries, start=1):
        digest = entry_hash(prev, seq, parse_iso(entry["time"]), entry["event"], entry["data"])
        database.execute(
            "INSERT INTO audit_log (seq, time, event, data, prev, hash) VALUES (?, ?, ?, ?, ?, ?)",
            (seq, entry["time"], entry["event"], json.dumps(entry["data"]), prev, digest),
        )
        prev = digest
