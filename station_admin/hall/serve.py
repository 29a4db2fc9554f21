"""The hall, put together: its key certified by the authority, its TLS, its store, its HTTP server."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.hall_wire import certify_hall_key
from kiosk.ballot.times import iso
from kiosk.clock import utc_now
from station_admin.election_dir import ElectionDir
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.projector_server import ProjectorServer
from station_admin.hall.service import HallService
from station_admin.hall.store import HallStore
from station_admin.hall.tls import hall_tls

DEFAULT_PORT = 8470  # the hall's port on the hall network (any free one will do; booths name it)
PROJECTOR_OFFSET = 1  # the projector's plain page listens on the next port unless told otherwise


@contextmanager
def serving(
    folder: ElectionDir, db_url: str, host: str, port: int, projector_port: int | None = None
) -> Iterator[HallHttpServer]:
    """A running hall (its HTTP server in a thread of its own) until the block ends.

    The hall's key is made here, in memory only, and certified with the authority key (which asks
    its passphrase): when the hall stops, its key is gone, and a copy of its disk signs nothing.
    The projector's page listens beside it (server.projector), on projector_port, by default the
    next port (any free one when port is 0)."""
    package = folder.package()
    hall_key = Ed25519PrivateKey.generate()
    authority = folder.authority_key()
    certificate = certify_hall_key(authority, package, hall_key, iso(utc_now()))
    tls = hall_tls(authority, package, hall_key)  # TLS certificates, signed now, kept in memory
    del authority
    store = HallStore(db_url, package.election_id, utc_now)
    service = HallService(package, store, hall_key, certificate)
    server = HallHttpServer((host, port), service, tls)
    if projector_port is None:
        projector_port = port + PROJECTOR_OFFSET if port else 0
    try:
        projector = ProjectorServer((host, projector_port), service)
    except OSError:
        server.server_close()
        store.close()
        raise
    server.projector = projector
    threads = [server.start_in_thread(), projector.start_in_thread()]
    # The hall's start-up objects (package, keys, pools) live as long as it does: a full collection,
    # which holds every booth's thread (the GIL), walks only what calls make (bench/hall_paced.py).
    gc.freeze()
    try:
        yield server
    finally:
        for running in (server, projector):
            running.shutdown()
            running.server_close()
        for thread in threads:
            thread.join()
        store.close()
