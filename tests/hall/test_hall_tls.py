"""Attacks on the hall's TLS with real sockets, as a laptop plugged into the hall's switch makes them.

The hall's mutual-TLS port takes only booths holding a client certificate from this hall's issuer
(station_admin/hall/tls.py); a booth talks only to a hall whose certificate chains to the authority
key pinned in its package (kiosk/hall/tls.py). Each test names its threat."""

from __future__ import annotations

import contextlib
import datetime
import json
import socket
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID

from kiosk.ballot.hall_tls import ENROLL_PREFIX
from kiosk.ballot.signing import public_hex
from kiosk.booth.cast import CastRefusal
from kiosk.booth.station import CastRefused
from kiosk.hall.tls import HallConnection, booth_context
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.serve import serving
from station_admin.hall.tls import hall_tls
from tests.hall.conftest import BoothMaker, hall_station, unlocked
from tests.kit import ElectionKit


def address(hall: HallHttpServer) -> tuple[str, int]:
    host, port = hall.server_address[:2]
    return str(host), int(port)


def answer_to(hall: HallHttpServer, context: ssl.SSLContext, enrol: bool = False) -> bytes:
    """What the hall sends back to a ping on a connection made with this context (b"" if nothing)."""
    raw = socket.create_connection(address(hall), timeout=10)
    try:
        if enrol:
            raw.sendall(ENROLL_PREFIX)
        with context.wrap_socket(raw) as tls:
            request = json.dumps({"channel": "00" * 16, "seq": 1, "body": {"op": "ping"},
                                  "signature": "00" * 64}).encode()
            tls.sendall(b"POST /call HTTP/1.1\r\nHost: hall\r\nContent-Length: %d\r\n\r\n%s"
                        % (len(request), request))
            return tls.recv(4096)
    except (ssl.SSLError, ConnectionError):
        return b""  # the handshake was refused: not one byte of HTTP was read or answered
    finally:
        raw.close()


def self_made(election: ElectionKit, issuer_name: str) -> tuple[str, Ed25519PrivateKey]:
    """A client certificate for booth-1, as a laptop makes it with a key of its own."""
    key = Ed25519PrivateKey.generate()
    election_name = f"isoloir election {election.package.election_id}"
    organisation = x509.NameAttribute(NameOID.ORGANIZATION_NAME, election_name)
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([organisation, x509.NameAttribute(NameOID.COMMON_NAME, "booth-1")]))
        .issuer_name(x509.Name([organisation, x509.NameAttribute(NameOID.COMMON_NAME, issuer_name)]))
        .public_key(key.public_key()).serial_number(1)
        .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, None)
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode(), key


def test_a_laptop_without_a_certificate_gets_no_handshake_and_reads_nothing(
    small_election: ElectionKit, hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    # Threat: a laptop on the hall switch, with no certificate, speaks TLS (or plain HTTP) to the
    # hall to read who voted or to mark delegates voted. It also tries the enrolment door.
    hall_booth("booth-1")
    assert answer_to(hall, booth_context(small_election.package, None)) == b""
    with socket.create_connection(address(hall), timeout=10) as plain:
        plain.sendall(b"GET /hall HTTP/1.1\r\nHost: hall\r\n\r\n")
        with contextlib.suppress(ConnectionResetError):  # no TLS, no answer: closed or reset
            assert plain.recv(4096) == b""
    # The enrolment door answers the public greeting and /enroll only: a call is not even read.
    enrolment = answer_to(hall, booth_context(small_election.package, None), enrol=True)
    assert enrolment.startswith(b"HTTP/1.1 404")
    assert hall.service.store.marks() == []


def test_a_self_made_certificate_for_a_real_booth_is_refused(
    small_election: ElectionKit, hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    # Threat: a laptop makes itself a client certificate naming booth-1 (self-signed, or signed by
    # a key it calls "hall booth issuer") to pass for booth-1 at the handshake.
    hall_booth("booth-1")
    for issuer in ("booth-1", "hall booth issuer"):
        context = booth_context(small_election.package, self_made(small_election, issuer))
        assert answer_to(hall, context) == b""


def test_a_booth_certificate_of_another_election_is_refused(
    small_election: ElectionKit, hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    # Threat: a booth enrolled at another election's hall (another authority, same booth names) is
    # plugged into this hall with the client certificate it holds.
    other = hall_tls(Ed25519PrivateKey.generate(), small_election.package, Ed25519PrivateKey.generate())
    booth_key = Ed25519PrivateKey.generate()
    genuine_body = hall_booth("booth-1").booth_key()[0].body
    body = genuine_body.model_copy(update={"booth_public_key": public_hex(booth_key)})
    context = booth_context(small_election.package, (other.issue(body), booth_key))
    assert answer_to(hall, context) == b""
    # The same kind of certificate, from this hall's issuer, is let in (and refused by the signatures).
    genuine = booth_context(small_election.package, (hall.tls.issue(body), booth_key))
    assert answer_to(hall, genuine).startswith(b"HTTP/1.1 401")


def test_a_man_in_the_middle_with_the_wrong_server_certificate_is_refused_by_the_booth(
    small_election: ElectionKit, hall: HallHttpServer, tmp_path: Path
) -> None:
    # Threat: a laptop between the booths and the hall answers with a certificate of its own (to read
    # who votes where, or to drop the booths' calls at will). Here it even relays to the genuine
    # hall's service, so only the TLS check stands in its way.
    wrong = hall_tls(Ed25519PrivateKey.generate(), small_election.package, Ed25519PrivateKey.generate())
    middle = HallHttpServer(("127.0.0.1", 0), hall.service, wrong)
    middle.start_in_thread()
    try:
        booth = hall_station(small_election, tmp_path / "b1", "booth-1", middle.url)
        assert booth.hall_connected() is False
        with pytest.raises(CastRefused) as refused:
            booth.cast("v09", "budget", {"q1": ("yes",)})
        assert refused.value.reason is CastRefusal.HALL_UNREACHABLE  # "go to another booth"
        assert booth.counts()["budget"] == (0, 0)
        assert hall.service.store.booths() == {}  # the booth never even enrolled through it
        booth.close()
    finally:
        middle.shutdown()
        middle.server_close()


def test_the_hall_speaks_tls_1_3_only(small_election: ElectionKit, hall: HallHttpServer) -> None:
    # Threat: a laptop in the middle forces the booths and the hall down to an older TLS it can break.
    old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    old.check_hostname, old.verify_mode = False, ssl.CERT_NONE
    old.maximum_version = ssl.TLSVersion.TLSv1_2
    assert answer_to(hall, old, enrol=True) == b""
    connection = HallConnection(*address(hall), 10, booth_context(small_election.package, None), enrol=True)
    connection.request("GET", "/hall")
    assert connection.getresponse().status == 200
    assert connection.sock is not None and connection.sock.version() == "TLSv1.3"
    connection.close()


def test_a_restarted_hall_has_a_new_issuer_and_its_booths_enrol_again_by_themselves(
    small_election: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    # Not a threat, the day's weather: the officials restart `hall serve` (a new key, a new booth
    # issuer); a booth's client certificate from before is refused, and it enrols again unasked.
    folder = unlocked(small_election)
    with serving(folder, hall_db, "127.0.0.1", 0) as first:
        port = first.server_address[1]
        booth = hall_station(small_election, tmp_path / "b1", "booth-1", first.url)
        booth.cast("v03", "budget", {"q1": ("yes",)})
    with serving(folder, hall_db, "127.0.0.1", port) as second:
        booth.cast("v05", "budget", {"q1": ("yes",)})  # not refused: the booth enrolled again
        assert sorted(m.voter_id for m in second.service.store.marks()) == ["v03", "v05"]
    booth.close()


def test_the_projector_port_shows_the_results_page_and_takes_nothing(hall: HallHttpServer) -> None:
    """Threat: a laptop on the hall's switch uses the projector's plain port (no certificate needed)
    to reach the hall's calls or change anything. It gets the public page and its JSON, nothing
    else: no greeting, no call, no upload; every other method is refused."""
    import urllib.error
    import urllib.request

    assert hall.projector is not None
    base = hall.projector.url
    with urllib.request.urlopen(f"{base}/projector", timeout=10) as page:
        assert page.status == 200 and b"<html" in page.read().lower()
    with urllib.request.urlopen(f"{base}/projector/results.json", timeout=10) as results:
        assert "votes" in json.loads(results.read())
    for path in ("/hall", "/call", "/enroll", "/session-file"):
        with pytest.raises(urllib.error.HTTPError) as got:
            urllib.request.urlopen(f"{base}{path}", timeout=10)
        assert got.value.code == 404
    for path in ("/call", "/session-file", "/projector"):
        request = urllib.request.Request(f"{base}{path}", data=b"{}", method="POST")
        with pytest.raises(urllib.error.HTTPError) as got:
            urllib.request.urlopen(request, timeout=10)
        assert got.value.code == 405
