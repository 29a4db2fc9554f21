"""A real PostgreSQL server for the tests, in a temporary folder, on a free loopback port.

PostgreSQL refuses to run as root: when the tests run as root (CI containers), the server runs as
the `postgres` system user that Debian's package creates. Nothing is asked on stdin.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT_S = 60  # a cold start on a busy 2-core CI machine takes a few seconds


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        raise RuntimeError(f"PostgreSQL's {name} not found: install the Debian package postgresql")
    return on_path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yields a SQLAlchemy URL of a superuser connection to a fresh server; stops it after."""
    root = Path(tempfile.mkdtemp(prefix="isoloir-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    run = {"check": True, "stdin": subprocess.DEVNULL, "capture_output": True, "timeout": START_TIMEOUT_S}
    subprocess.run(  # type: ignore[call-overload]
        _as_server_user([_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]),
        **run,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(  # type: ignore[call-overload]
        _as_server_user(
            [_bin("pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
        ),
        **run,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(  # type: ignore[call-overload]
            _as_server_user([_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            **{**run, "check": False},
        )
        shutil.rmtree(root, ignore_errors=True)
