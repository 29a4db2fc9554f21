"""The hall's HTTP API on the hall network: JSON in, JSON out, on Python's threading HTTP server.

Over TLS 1.3 only (station_admin/hall/tls.py): a booth's mutual-TLS connection has GET /hall
(greeting), POST /join and POST /call; an enrolment connection only GET /hall and POST /enroll (a
join that also returns the booth's client certificate). Every body is parsed into its typed
message before anything else; a body that is too large, not JSON or not the message is refused
with 400 and changes nothing. The trust lies in the signatures (station_admin/hall/service.py),
so the transport can stay the standard library's, kept by the Python core developers.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from kiosk.ballot.hall_upload import MAX_UPLOAD_BYTES, SESSION_FILE_ROUTE
from kiosk.ballot.hall_wire import MAX_MESSAGE_BYTES, JoinRequest, Request
from station_admin.hall.service import BAD_REQUEST, OK, HallService
from station_admin.hall.tls import HallTls, accept

if TYPE_CHECKING:
    from station_admin.hall.projector_server import ProjectorServer
from station_admin.hall.upload import session_file_call


class HallHttpServer(ThreadingHTTPServer):
    daemon_threads = True  # a booth's idle keep-alive connection never holds the hall's exit
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], service: HallService, tls: HallTls) -> None:
        super().__init__(address, _Handler)
        self.service, self.tls = service, tls
        self.projector: ProjectorServer | None = None  # the results page's own plain listener (serve.py)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"https://{host!s}:{port}"

    def finish_request(self, request: Any, client_address: Any) -> None:
        """TLS first, in the connection's own thread: a stranger's handshake never holds the others."""
        try:
            connection, enrolling = accept(self.tls, request)
        except (OSError, ValueError):
            return  # no certificate, a wrong one, or no TLS at all: no handshake, nothing read
        try:
            _Handler(connection, client_address, self, enrolling)
        finally:
            connection.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A booth's connection that drops mid-request is the hall network's daily weather, not a
        traceback for the officials' terminal; anything else is still shown."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="hall-http", daemon=True)
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    server: HallHttpServer
    enrolling: bool  # an enrolment connection (no client certificate): greeting and /enroll only
    protocol_version = "HTTP/1.1"  # keep-alive: a booth's casts reuse one connection
    # Headers and body go out as two writes: without this, Nagle's algorithm holds the body until
    # the booth's delayed ACK (40 ms on Linux) on every call.
    disable_nagle_algorithm = True

    def __init__(
        self, request: Any, client_address: Any, server: HallHttpServer, enrolling: bool = False
    ) -> None:
        self.enrolling = enrolling
        super().__init__(request, client_address, server)

    def do_GET(self) -> None:
        if self.path != "/hall":
            self._send(404, {"error": "no such route"})
            return
        self._send(*self.server.service.greeting())

    def do_POST(self) -> None:
        if self.path == SESSION_FILE_ROUTE and not self.enrolling:  # a booth's sealed session file
            upload = self._body(MAX_UPLOAD_BYTES)
            if upload is not None:
                self._send(*session_file_call(self.server.service, upload))
            return
        data = self._body()
        if data is None:
            return
        service = self.server.service
        try:
            if self.path == "/enroll" and self.enrolling:
                self._send(*self._enroll(JoinRequest.model_validate_json(data)))
            elif self.enrolling:
                self._send(404, {"error": "enrol first: this connection has no client certificate"})
            elif self.path == "/join":
                self._send(*service.join(JoinRequest.model_validate_json(data)))
            elif self.path == "/call":
                self._send(*service.call(Request.model_validate_json(data)))
            else:
                self._send(404, {"error": "no such route"})
        except ValidationError:
            self._send(BAD_REQUEST, {"error": "not a hall message"})

    def _enroll(self, join: JoinRequest) -> tuple[int, dict[str, Any]]:
        """A join the hall accepts, with a client certificate for the booth key that made it."""
        status, body = self.server.service.join(join)
        if status != OK:
            return status, body
        return OK, {"join": body, "client_certificate": self.server.tls.issue(join.certificate.body)}

    def _body(self, limit: int = MAX_MESSAGE_BYTES) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            length = -1
        if not 0 <= length <= limit:
            self.close_connection = True
            self._send(BAD_REQUEST, {"error": "a hall message has a length, and is small"})
            return None
        return self.rfile.read(length)

    def _send(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per cast would say who voted when on the officials' terminal; the store has it
