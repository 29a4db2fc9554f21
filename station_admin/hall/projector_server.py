"""The projector's own listener: plain HTTP, GET only, the results page and its JSON and nothing else.

The hall's port speaks mutual TLS to booths only, so a projector's browser (which holds no booth
certificate) cannot open it. The page shows only what is public once a vote is counted
(station_admin/hall/projector.py), so it needs no secrecy; it takes no input that changes anything,
and any other path or method is refused.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from station_admin.hall.projector import projector_response
from station_admin.hall.service import HallService


class ProjectorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], service: HallService) -> None:
        super().__init__(address, _ProjectorHandler)
        self.service = service

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="hall-projector", daemon=True)
        thread.start()
        return thread


class _ProjectorHandler(BaseHTTPRequestHandler):
    server: ProjectorServer

    def do_GET(self) -> None:
        status, content_type, data = projector_response(self.server.service, self.path)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        self.send_error(405, "the projector's page only shows")

    do_PUT = do_DELETE = do_PATCH = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the projector asks once a second: its lines would drown the officials' terminal
