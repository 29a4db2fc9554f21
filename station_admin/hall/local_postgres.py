"""A private PostgreSQL server in a folder, for a hall that was given no `--db`.

It listens on a Unix socket inside its folder only (no TCP port at all): nothing on the hall
network can reach it; the hall's server is its only client. Its data survives a restart of the
hall (the same folder is used again) and is fsync'd like any PostgreSQL: a reserved mark that was
answered is on disk. PostgreSQL refuses to run as root: as root, the server runs as the `postgres`
system user that Debian's package creates, and the folder is given to that user.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

# A cold start (initdb, then the first start) on a busy 2-core machine takes a few seconds.
START_TIMEOUT_S = 120
SOCKET_PORT = 5432  # only names the socket file (.s.PGSQL.5432) in the folder: no TCP listener


class LocalPostgresError(RuntimeError):
    pass


def server_binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        raise LocalPostgresError(f"PostgreSQL's {name} is not installed: install Debian's postgresql")
    return on_path


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str]) -> None:
    done = subprocess.run(_as_server_user(command), stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=START_TIMEOUT_S, check=False)
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace")[-500:]
        raise LocalPostgresError(f"{Path(command[0]).name} failed: {said}")


def _running(data: Path) -> bool:
    command = _as_server_user([server_binary("pg_ctl"), "-D", str(data), "status"])
    status = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                            timeout=START_TIMEOUT_S, check=False)
    return status.returncode == 0


def url_of(folder: Path) -> str:
    return f"postgresql+psycopg://postgres@/postgres?host={folder.resolve()}&port={SOCKET_PORT}"


def start(folder: Path) -> str:
    """Starts the folder's server (creating it the first time); returns its SQLAlchemy URL."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        reach = subprocess.run(_as_server_user(["test", "-w", str(folder.resolve())]), check=False)
        if reach.returncode != 0:
            raise LocalPostgresError(f"the postgres user cannot reach {folder} (a parent folder is private): "
                                     "give --db-folder a folder it can reach, e.g. under /var/lib/postgresql")
    data = folder / "data"
    if not (data / "PG_VERSION").exists():
        _run([server_binary("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"])
    if not _running(data):  # a server left by a crash leaves a stale pid file, which pg_ctl sees through
        options = f"-p {SOCKET_PORT} -k {folder.resolve()} -c listen_addresses=''"
        _run([server_binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "server.log"),
              "-w", "-t", str(START_TIMEOUT_S), "start"])
    return url_of(folder)


def stop(folder: Path, mode: str = "fast") -> None:
    _run([server_binary("pg_ctl"), "-D", str(folder / "data"), "-m", mode, "-w", "stop"])


@contextmanager
def running(folder: Path) -> Iterator[str]:
    url = start(folder)
    try:
        yield url
    finally:
        with suppress(LocalPostgresError):  # already stopped (by an official, or the machine stopping)
            stop(folder)
