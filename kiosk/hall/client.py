"""The booth's client of the hall: JSON over HTTP in mutual TLS 1.3 on the hall network, every message signed.

It enrols with the booth's certified key (kiosk/ballot/hall_wire.py, kiosk/hall/tls.py): the join,
on an enrolment connection, returns the booth's client certificate and a channel, which the booth
then calls on its mutual-TLS connection. An answer that does not come back in time, or that is not the hall's
signed answer to this very request, counts as "the hall could not be reached": the cast protocol
(kiosk/booth/hall_cast.py) then refuses the voter and settles the cast later, so a lost or forged
answer can delay a vote but never double it or lose it.
"""

from __future__ import annotations

import http.client
import ssl
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.booth_certificate import BoothKeyCertificate
from kiosk.ballot.hall_upload import SESSION_FILE_ROUTE, UPLOAD_TIMEOUT_S, upload_body
from kiosk.ballot.hall_wire import (
    MAX_MESSAGE_BYTES,
    HallGreeting,
    HallWireError,
    Reply,
    check_hall_certificate,
    check_reply,
    sign_join,
    sign_request,
)
from kiosk.ballot.ids import CastId, SessionId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.signing import signing_key_from_hex
from kiosk.booth.hall_cast import HallAnswer
from kiosk.hall.tls import HallConnection, booth_context

# A voter waits at most about this long (twice, with the one retry) before the booth says "go to
# another booth"; on the hall's wired network a round trip takes a few milliseconds, and a hall
# database restarting answers within a second or refuses at once.
HALL_TIMEOUT_S = 2.0
# A call is tried once more after a failure (a dropped connection, a restarted hall's refusal of the
# old client certificate, then enrolling again), so a voter waits at most two time-outs.
CALL_ATTEMPTS = 2
# A kept-alive connection found closed with no answer on it (the hall restarted, or closed it while
# idle): the call is sent again at once on a fresh connection, beside CALL_ATTEMPTS, once. Not a
# time-out (the hall may be working; the voter's wait stays bounded), never after an answer. Every
# call is idempotent by cast id (station_admin/hall/store.py), so a resend doubles nothing.
DEAD_CONNECTION = (ConnectionError, http.client.RemoteDisconnected)
MAX_CERTIFICATE_PEM = 4096  # an Ed25519 client certificate's PEM is under 1 kB
UNKNOWN_CHANNEL = 401  # the hall restarted (channels live in its memory): join again


class HallUnreachable(Exception):
    """No signed answer from the hall (network, hall down, forged or garbled reply)."""


class HallClient:
    def __init__(
        self,
        url: str,
        package: Callable[[], ElectionPackage],
        booth_key: Callable[[], tuple[BoothKeyCertificate, str]],
        timeout: float = HALL_TIMEOUT_S,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname or not parts.port:
            raise ValueError(f"hall url must be https://HOST:PORT, not {url!r}")
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self._package, self._booth_key = package, booth_key
        self._lock = threading.Lock()
        self._connection: http.client.HTTPConnection | None = None
        self._context: ssl.SSLContext | None = None  # with the client certificate enrolment gave
        self._channel: str | None = None
        self._hall_key: str | None = None
        self._seq = 0

    # --- the operations of the cast protocol (kiosk.booth.hall_cast.HallTransport) -------------
    def reserve(self, cast_id: CastId, voter_id: VoterId, session_id: SessionId) -> HallAnswer:
        return self._answer({"op": "reserve", "cast_id": cast_id, "voter": voter_id, "session": session_id})

    def confirm(self, cast_id: CastId, voter_id: VoterId, session_id: SessionId) -> HallAnswer:
        return self._answer({"op": "confirm", "cast_id": cast_id, "voter": voter_id, "session": session_id})

    def abort(self, cast_id: CastId) -> HallAnswer:
        return self._answer({"op": "abort", "cast_id": cast_id})

    def voted(self, voter_id: VoterId) -> set[str] | None:
        try:
            body = self.call({"op": "voted", "voter": voter_id})
        except HallUnreachable:
            return None
        sessions = body.get("sessions")
        if not isinstance(sessions, list) or not all(isinstance(s, str) for s in sessions):
            return None
        return set(sessions)

    def connected(self) -> bool:
        try:
            return self.call({"op": "ping"}).get("outcome") == "pong"
        except HallUnreachable:
            return False

    def _answer(self, body: dict[str, Any]) -> HallAnswer:
        try:
            outcome = self.call(body).get("outcome")
        except HallUnreachable:
            return HallAnswer.UNREACHABLE
        try:
            return HallAnswer(str(outcome))
        except ValueError:
            return HallAnswer.UNREACHABLE

    # --- the signed channel -------------------------------------------------------------------
    def call(self, body: dict[str, Any], attachment: bytes | None = None) -> dict[str, Any]:
        """The hall's signed answer's body; HallUnreachable when there is none. An attachment (a
        sealed session file, kiosk/ballot/hall_upload.py) goes beside the call, which names its digest."""
        with self._lock:
            spare, attempts = True, 0
            while attempts < CALL_ATTEMPTS:
                pooled = self._connection is not None
                try:
                    if self._channel is None:
                        self._join()
                    return self._signed_call(body, attachment)
                except (_Rejoin, ssl.SSLError):  # an SSL error: a restarted hall has a new issuer
                    self._drop()
                    self._channel = None
                except (OSError, http.client.HTTPException) as exc:
                    self._drop()
                    if pooled and spare and isinstance(exc, DEAD_CONNECTION):
                        spare = False  # no answer came on a kept-alive connection: at once on a new one
                        continue
                    if not pooled:  # a new connection cut at once: a restarted hall refusing an old
                        self._channel = None  # certificate may show as a reset rather than an SSL alert
                attempts += 1
            raise HallUnreachable("the hall did not answer")

    def _signed_call(self, body: dict[str, Any], attachment: bytes | None = None) -> dict[str, Any]:
        key_hex = self._booth_key()[1]
        assert self._channel is not None and self._hall_key is not None
        self._seq += 1
        request = sign_request(signing_key_from_hex(key_hex), self._channel, self._seq, body)
        if attachment is None:
            status, data = self._http("POST", "/call", request.model_dump_json().encode())
        else:
            status, data = self._http("POST", SESSION_FILE_ROUTE, upload_body(request, attachment),
                                      timeout=UPLOAD_TIMEOUT_S)
        if status == UNKNOWN_CHANNEL:
            raise _Rejoin()
        return self._checked(status, data, self._channel, self._seq)

    def _join(self) -> None:
        """Enrols: a join on an enrolment connection, which returns the client certificate too."""
        package = self._package()
        context = booth_context(package, None)
        enrolment = HallConnection(self.host, self.port, self.timeout, context, enrol=True)
        try:
            self._enrol(package, enrolment)
        finally:
            enrolment.close()

    def _enrol(self, package: ElectionPackage, enrolment: http.client.HTTPConnection) -> None:
        status, data = self._http("GET", "/hall", None, enrolment)
        try:
            greeting = HallGreeting.model_validate_json(data) if status == 200 else None
            if greeting is None:
                raise HallUnreachable(f"the hall answered {status} to a greeting")
            hall_key = check_hall_certificate(greeting.certificate, package)
        except (ValidationError, HallWireError) as exc:
            raise HallUnreachable(str(exc)) from None
        certificate, key_hex = self._booth_key()
        join = sign_join(signing_key_from_hex(key_hex), certificate, greeting.challenge)
        status, data = self._http("POST", "/enroll", join.model_dump_json().encode(), enrolment)
        try:
            enrolled = _Enrolled.model_validate_json(data) if status == 200 else None
        except ValidationError:
            enrolled = None
        if enrolled is None:
            raise HallUnreachable(f"the hall answered {status} to an enrolment: {data[:200]!r}")
        reply = enrolled.join
        self._hall_key = hall_key
        body = self._checked(200, reply.model_dump_json().encode(), reply.channel, 0)
        if body.get("station") != certificate.body.station:
            raise HallUnreachable("the hall's join answer names another booth")
        try:
            client = (enrolled.client_certificate, signing_key_from_hex(key_hex))
            self._context = booth_context(package, client)
        except (ssl.SSLError, ValueError):
            raise HallUnreachable("the hall's client certificate is not for this booth's key") from None
        self._drop()  # the next call opens the mutual-TLS connection with it
        self._channel, self._seq = reply.channel, 0

    def _checked(self, status: int, data: bytes, channel: str, seq: int) -> dict[str, Any]:
        assert self._hall_key is not None
        try:
            return check_reply(self._hall_key, self._reply(status, data), channel, seq)
        except HallWireError as exc:
            raise HallUnreachable(str(exc)) from None

    @staticmethod
    def _reply(status: int, data: bytes) -> Reply:
        if status != 200:
            raise HallUnreachable(f"the hall answered {status}: {data[:200]!r}")
        try:
            return Reply.model_validate_json(data)
        except ValidationError:
            raise HallUnreachable("the hall's answer is not a signed reply") from None

    def _http(self, method: str, path: str, body: bytes | None,
              connection: http.client.HTTPConnection | None = None,
              timeout: float | None = None) -> tuple[int, bytes]:
        if connection is None:
            if self._connection is None:
                assert self._context is not None  # enrolled: a channel exists only after it
                self._connection = HallConnection(self.host, self.port, self.timeout, self._context,
                                                  enrol=False)
            connection = self._connection
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, path, body=body, headers=headers)
        if timeout is not None and connection.sock is not None:  # the hall checks a whole file
            connection.sock.settimeout(timeout)
        try:
            response = connection.getresponse()
        finally:
            if timeout is not None and connection.sock is not None:
                connection.sock.settimeout(self.timeout)
        data = response.read(MAX_MESSAGE_BYTES + 1)
        if len(data) > MAX_MESSAGE_BYTES:
            self._drop()
            raise HallUnreachable("the hall's answer is too large")
        return response.status, data

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None

    def close(self) -> None:
        with self._lock:
            self._drop()


class _Rejoin(Exception):
    pass


class _Enrolled(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    join: Reply
    client_certificate: str = Field(max_length=MAX_CERTIFICATE_PEM)
