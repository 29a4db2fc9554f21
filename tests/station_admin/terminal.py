"""A real terminal for a command under test: a pseudo-terminal that is the command's controlling
terminal, so that its passphrase prompts turn echo off exactly as they do for an official."""

from __future__ import annotations

import os
import pty
import select
import time
from pathlib import Path

TERMINAL_DEADLINE_S = 120  # a failing command is reported well before a CI job's own time-out


class Terminal:
    def __init__(self, argv: list[str], cwd: Path) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: its stdin, stdout, stderr and /dev/tty are the pseudo-terminal
            os.chdir(cwd)
            os.execv(argv[0], argv)
        self.pid, self.fd = pid, fd
        self.transcript = b""
        self._read_to = 0

    def _read(self, deadline: float) -> bool:
        """Reads what the command wrote; False once it has closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"the command said nothing more; it said:\n{self.transcript.decode(errors='replace')}"
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # EIO: the command exited and the terminal closed
            return False
        self.transcript += chunk
        return bool(chunk)

    def expect(self, text: str) -> None:
        deadline = time.monotonic() + TERMINAL_DEADLINE_S
        while text.encode() not in self.transcript[self._read_to :]:
            assert self._read(deadline), f"no {text!r}; it said:\n{self.transcript.decode(errors='replace')}"
        self._read_to = self.transcript.index(text.encode(), self._read_to) + len(text)

    def type(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\r")

    def exit_code(self) -> int:
        deadline = time.monotonic() + TERMINAL_DEADLINE_S
        while self._read(deadline):
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)

    def text(self) -> str:
        return self.transcript.decode(errors="replace")
