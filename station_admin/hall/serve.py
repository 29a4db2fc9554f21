"""The hall, put together: its key certified by the authority, its TLS, its store, its HTTP server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.hall_wire import certify_hall_key
from kiosk.clock import iso, utc_now
from station_admin.election_dir import ElectionDir
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.service import HallService
from station_admin.hall.store import HallStore
from station_admin.hall.tls import hall_tls

DEFAULT_PORT = 8470  # the hall's port on the hall network (any free one will do; booths name it)


@contextmanager
def serving(folder: ElectionDir, db_url: str, host: str, port: int) -> Iterator[HallHttpServer]:
    """A running hall (its HTTP server in a thread of its own) until the block ends.

    The hall's key is made here, in memory only, and certified with the authority key (which asks
    its passphrase): when the hall stops, its key is gone, and a copy of its disk signs nothing."""
    package = folder.package()
    hall_key = Ed25519PrivateKey.generate()
    authority = folder.authority_key()
    certificate = certify_hall_key(authority, package, hall_key, iso(utc_now()))
    tls = hall_tls(authority, package, hall_key)  # TLS certificates, signed now, kept in memory
    del authority
    store = HallStore(db_url, package.election_id, lambda: iso(utc_now()))
    server = HallHttpServer((host, port), HallService(package, store, hall_key, certificate), tls)
    thread = server.start_in_thread()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        store.close()
