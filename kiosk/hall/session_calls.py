"""The booth's calls about closing votes, over its signed channel to the hall (kiosk/hall/client.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from kiosk.ballot.ids import SessionId
from kiosk.booth.session_close import SendOutcome
from kiosk.booth.station import Station
from kiosk.hall.client import HallClient, HallUnreachable


class HallSessionCalls:
    """kiosk.booth.session_close.SessionCloseTransport for a booth joined to a hall."""

    def __init__(self, client: HallClient) -> None:
        self.client = client

    def close_session(self, session_id: SessionId) -> bool | None:
        try:
            return self.client.call({"op": "close_session", "session": session_id}).get("outcome") == "closed"
        except HallUnreachable:
            return None

    def closed_sessions(self) -> list[SessionId] | None:
        try:
            sessions = self.client.call({"op": "closed_sessions"}).get("sessions")
        except HallUnreachable:
            return None
        if not isinstance(sessions, list) or not all(isinstance(s, str) for s in sessions):
            return None
        return [SessionId(s) for s in sessions]

    def send_session_file(self, session_id: SessionId, name: str, data: bytes) -> tuple[SendOutcome, str]:
        body = {"op": "session_file", "session": session_id, "name": name,
                "sha256": hashlib.sha256(data).hexdigest()}
        try:
            answer = self.client.call(body, attachment=data)
        except HallUnreachable:
            return SendOutcome.UNREACHABLE, "the hall did not answer"
        try:
            return SendOutcome(str(answer.get("outcome"))), str(answer.get("reason", ""))
        except ValueError:
            return SendOutcome.UNREACHABLE, "the hall's answer is not one of a session file's"


def join_hall(
    station: Station, url: str, on_step: Callable[[str], None] = lambda _step: None,
    confirm_after_receipt: bool = False,
) -> HallClient:
    """Joins the booth to the hall at url, for its casts and for closing votes; the client."""
    client = HallClient(url, station.election_package, station.booth_key)
    station.join_hall(client, on_step, sessions=HallSessionCalls(client),
                      confirm_after_receipt=confirm_after_receipt)
    return client
