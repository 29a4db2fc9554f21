"""A TCP proxy between a booth and the hall that the test can cut: real connections, really dropped.

While `cut` is set, each request still reaches the hall (which acts on it) but the hall's answer is
thrown away and the booth's connection is reset: the worst moment for the booth, which cannot know
whether the hall did what it asked."""

from __future__ import annotations

import socket
import threading
from contextlib import suppress

CHUNK = 65536
RESET = (1).to_bytes(4, "little") + (0).to_bytes(4, "little")  # linger on, 0 s: close sends a RST


class CuttableProxy:
    def __init__(self, target: tuple[str, int], reset_when_hall_goes: bool = False) -> None:
        # reset_when_hall_goes: when the hall closes a connection, the booth's is reset (RST), as
        # by a hall machine that restarted and whose kernel knows the connection no more.
        self.target, self.reset_when_hall_goes = target, reset_when_hall_goes
        self.cut = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stopping = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stopping:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            with socket.create_connection(self.target) as upstream:
                threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
                while data := upstream.recv(CHUNK):
                    if self.cut.is_set():  # the hall answered; the booth never hears it
                        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET)
                        break
                    client.sendall(data)
        except OSError:
            pass  # the hall is gone: so is the booth's connection
        finally:
            if self.reset_when_hall_goes:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, RESET)
            # shutdown, not only close: the pump thread still reads the socket, and a close alone
            # would leave the connection open (and the booth waiting) until that read returns.
            # (SHUT_RD wakes that read and sends nothing, so a reset stays a reset.)
            with suppress(OSError):
                client.shutdown(socket.SHUT_RD if self.reset_when_hall_goes else socket.SHUT_RDWR)
            client.close()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(CHUNK):
                sink.sendall(data)
        with suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self._stopping = True
        self._listener.close()
