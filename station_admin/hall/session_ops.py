"""The booths' calls about closing votes, on their signed channel (station_admin/hall/service.py)."""

from __future__ import annotations

import hashlib
from typing import Any

from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.package import ElectionPackage
from station_admin.hall.close_store import HallSessions
from station_admin.hall.collect import take_session_file
from station_admin.hall.e2e_alphas import HallAlphas
from station_admin.hall.store import HallStore

SESSION_OPS = frozenset({"close_session", "closed_sessions", "session_file"})


def session_operation(
    package: ElectionPackage, store: HallStore, sessions: HallSessions, station: StationId,
    body: dict[str, Any],    attachment: bytes | None, alphas: HallAlphas | None = None,
) -> dict[str, Any] | None:
    """The answer's body, or None for a call that is not one of these operations."""
    op = body.get("op")
    if op == "closed_sessions":
        return {"sessions": sessions.closed()}
    given = body.get("session")
    if not isinstance(given, str) or given not in {s.id for s in package.definition.sessions}:
        return None
    session_id = SessionId(given)
    if op == "close_session":  # a poll worker closed the vote at this booth: it closes everywhere
        sessions.close(session_id, f"poll worker at {station}")
        return {"outcome": "closed"}
    name, digest = body.get("name"), body.get("sha256")
    if op != "session_file" or attachment is None or not isinstance(name, str):
        return None
    if digest != hashlib.sha256(attachment).hexdigest():  # the signed call names the very bytes sent
        return {"outcome": "refused", "reason": "the file is not the one the signed call names"}
    return take_session_file(package, store, sessions, station, session_id, name, attachment, alphas)
