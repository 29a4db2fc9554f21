"""The hall's HTTP API on the hall network: JSON in, JSON out, on Python's threading HTTP server.

Three routes: GET /hall (greeting), POST /join, POST /call. Every body is parsed into its typed
message before anything else; a body that is too large, not JSON or not the message is refused
with 400 and changes nothing. The trust lies in the signatures (station_admin/hall/service.py),
so the transport can stay the standard library's, kept by the Python core developers.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from pydantic import ValidationError

from kiosk.ballot.hall_upload import MAX_UPLOAD_BYTES, SESSION_FILE_ROUTE
from kiosk.ballot.hall_wire import MAX_MESSAGE_BYTES, JoinRequest, Request
from station_admin.hall.projector import PROJECTOR_PREFIX, projector_response
from station_admin.hall.service import BAD_REQUEST, HallService
from station_admin.hall.upload import session_file_call


class HallHttpServer(ThreadingHTTPServer):
    daemon_threads = True  # a booth's idle keep-alive connection never holds the hall's exit
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], service: HallService) -> None:
        super().__init__(address, _Handler)
        self.service = service

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

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
    protocol_version = "HTTP/1.1"  # keep-alive: a booth's casts reuse one connection
    # Headers and body go out as two writes: without this, Nagle's algorithm holds the body until
    # the booth's delayed ACK (40 ms on Linux) on every call.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        if self.path.startswith(PROJECTOR_PREFIX):  # the results page for the hall's projector
            self._send_bytes(*projector_response(self.server.service, self.path))
            return
        if self.path != "/hall":
            self._send(404, {"error": "no such route"})
            return
        self._send(*self.server.service.greeting())

    def do_POST(self) -> None:
        if self.path == SESSION_FILE_ROUTE:  # a booth's sealed session file (station_admin/hall/upload.py)
            upload = self._body(MAX_UPLOAD_BYTES)
            if upload is not None:
                self._send(*session_file_call(self.server.service, upload))
            return
        data = self._body()
        if data is None:
            return
        service = self.server.service
        try:
            if self.path == "/join":
                self._send(*service.join(JoinRequest.model_validate_json(data)))
            elif self.path == "/call":
                self._send(*service.call(Request.model_validate_json(data)))
            else:
                self._send(404, {"error": "no such route"})
        except ValidationError:
            self._send(BAD_REQUEST, {"error": "not a hall message"})

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

    def _send_bytes(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per cast would say who voted when on the officials' terminal; the store has it
