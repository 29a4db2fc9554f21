"""The hall's answers to booths: greeting, join, and each signed call on a booth's channel.

No HTTP here (station_admin/hall/http_server.py carries it): each method takes the parsed message
and returns (status, body). Whoever is on the hall network can send anything; what they get:
  - a greeting (the hall's certified key and a fresh challenge): public anyway;
  - a join only with a booth-key certificate that chains to this election's authority through a
    registered poll worker's card of that booth, signed over a challenge this hall just issued
    and never before used, and only the first key to join as a station ever holds it;
  - a call only on an open channel, signed by that channel's booth key, with a sequence number
    above every one used on it: nothing recorded can be played again.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.booth_certificate import CertificateError, check_booth_certificate
from kiosk.ballot.hall_wire import (
    HallGreeting,
    HallKeyCertificate,
    HallWireError,
    JoinRequest,
    Request,
    check_join,
    check_request,
    sign_reply,
)
from kiosk.ballot.ids import CastId, SessionId, StationId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.clock import utc_now
from station_admin.hall.close_store import HallSessions, SessionStoreUnavailable
from station_admin.hall.e2e_alphas import HallAlphas
from station_admin.hall.session_ops import SESSION_OPS, session_operation
from station_admin.hall.store import HallStore, StoreUnavailable

# A booth answers a challenge within a round trip; one older than this was not asked for by a booth.
CHALLENGE_LIFETIME_S = 60.0
# Bounds the memory a flood of greetings can take; a booth that lost its challenge simply asks again.
MAX_CHALLENGES = 10_000
_CAST_ID = set("0123456789abcdef")

OK, UNKNOWN_CHANNEL, FORBIDDEN, BAD_REQUEST, UNAVAILABLE = 200, 401, 403, 400, 503


@dataclass
class Channel:
    station: str
    booth_public_key: str
    last_seq: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class HallService:
    def __init__(
        self, package: ElectionPackage, store: HallStore, hall_key: Ed25519PrivateKey,
        certificate: HallKeyCertificate,
    ) -> None:
        self.package, self.store, self._key, self.certificate = package, store, hall_key, certificate
        self._lock = threading.Lock()
        self._challenges: OrderedDict[str, float] = OrderedDict()
        self._channels: dict[str, Channel] = {}
        self.sessions = HallSessions(store.engine, package.election_id, utc_now)
        self.alphas = HallAlphas(store.engine, package.election_id, utc_now)

    def greeting(self) -> tuple[int, dict[str, Any]]:
        challenge = secrets.token_hex(16)
        with self._lock:
            self._challenges[challenge] = time.monotonic()
            while len(self._challenges) > MAX_CHALLENGES:
                self._challenges.popitem(last=False)
        return OK, HallGreeting(certificate=self.certificate, challenge=challenge).model_dump()

    def join(self, join: JoinRequest) -> tuple[int, dict[str, Any]]:
        with self._lock:
            issued = self._challenges.pop(join.challenge, None)
        if issued is None or time.monotonic() - issued > CHALLENGE_LIFETIME_S:
            return FORBIDDEN, {"error": "unknown or used challenge"}
        try:
            check_join(join)
            check_booth_certificate(join.certificate, self.package)
        except (HallWireError, CertificateError) as exc:
            return FORBIDDEN, {"error": str(exc)}
        body = join.certificate.body
        try:
            if not self.store.register_booth(StationId(body.station), body.booth_public_key,
                                             join.certificate.model_dump_json()):
                return FORBIDDEN, {"error": f"another booth key already joined as {body.station}"}
        except StoreUnavailable as exc:
            return UNAVAILABLE, {"error": str(exc)}
        channel = secrets.token_hex(16)
        with self._lock:  # one channel per booth: a rejoin closes the older one
            for old in [c for c, ch in self._channels.items() if ch.station == body.station]:
                del self._channels[old]
            self._channels[channel] = Channel(body.station, body.booth_public_key)
        return OK, sign_reply(self._key, channel, 0, {"station": body.station}).model_dump()

    def call(self, request: Request, attachment: bytes | None = None) -> tuple[int, dict[str, Any]]:
        with self._lock:
            channel = self._channels.get(request.channel)
        if channel is None:
            return UNKNOWN_CHANNEL, {"error": "unknown channel: join again"}
        with channel.lock:
            try:
                check_request(channel.booth_public_key, request)
            except HallWireError as exc:
                return FORBIDDEN, {"error": str(exc)}
            if request.seq <= channel.last_seq:
                return FORBIDDEN, {"error": "this request was already answered (replay)"}
            channel.last_seq = request.seq
            try:
                answer = self._operation(StationId(channel.station), request.body, attachment)
            except (StoreUnavailable, SessionStoreUnavailable) as exc:
                return UNAVAILABLE, {"error": str(exc)}
        if answer is None:
            return BAD_REQUEST, {"error": "not an operation of the hall"}
        return OK, sign_reply(self._key, request.channel, request.seq, answer).model_dump()

    def _operation(
        self, station: StationId, body: dict[str, Any], attachment: bytes | None = None
    ) -> dict[str, Any] | None:
        op = body.get("op")
        if op in SESSION_OPS:  # votes closed one by one: station_admin/hall/session_ops.py
            return session_operation(self.package, self.store, self.sessions, station, body, attachment,
                                     self.alphas)  # fmt: skip
        if op == "ping":
            self.store.ping()
            return {"outcome": "pong"}
        if op == "voted" and isinstance(body.get("voter"), str):
            return {"sessions": self.store.voted(body["voter"])}
        cast_id = body.get("cast_id")
        if not isinstance(cast_id, str) or len(cast_id) != 32 or not set(cast_id) <= _CAST_ID:
            return None
        cast = CastId(cast_id)  # the request's text, checked just above, is a cast id from here on
        if op == "abort":
            return {"outcome": self.store.abort(station, cast)}
        voter, session = body.get("voter"), body.get("session")
        if not isinstance(voter, str) or not isinstance(session, str):
            return None
        voter_id, session_id = VoterId(voter), SessionId(session)
        if op == "reserve":
            if not self._eligible(voter_id, session_id):
                return {"outcome": "not_eligible"}
            return {"outcome": self.store.reserve(station, cast, voter_id, session_id)}
        if op == "confirm":
            return {"outcome": self.store.confirm(station, cast, voter_id, session_id)}
        return None

    def _eligible(self, voter_id: str, session_id: str) -> bool:
        voter = next((v for v in self.package.definition.voters if v.id == voter_id), None)
        return voter is not None and session_id in voter.sessions
