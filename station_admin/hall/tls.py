"""TLS on the hall network, the hall's side: its certificates, issued at `hall serve` and kept in memory.

The authority key (asked for once, at start) signs two certificates and is then dropped:
  - the server certificate for the hall's key, which booths check against the authority key pinned
    in their package (kiosk/hall/tls.py);
  - the booth issuer, a CA for booth client certificates, whose key lives in this process only.
The hall's mutual-TLS context trusts that issuer alone: a client certificate a laptop made itself,
or one another election's hall issued, fails the handshake; no certificate, no handshake. A booth
gets its client certificate for its certified key by enrolling (see `accept`); a restarted hall has
a new issuer, so booths enrol again, which they do by themselves.
"""

from __future__ import annotations

import datetime
import socket
import ssl
import time
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import NameOID

from kiosk.ballot.booth_certificate import BoothKeyBody
from kiosk.ballot.hall_tls import (
    CA_USAGE,
    ENROLL_PREFIX,
    LEAF_USAGE,
    authority_name,
    memory_file,
    private_pem,
    tls_context,
)
from kiosk.ballot.package import ElectionPackage

# A hall day; a hall serving longer is restarted (and booths enrol again) before its certificates end.
CERTIFICATE_LIFETIME = datetime.timedelta(days=2)
# A booth's clock may lag the hall's: certificates are valid from a little before they are made.
CLOCK_SKEW = datetime.timedelta(hours=1)
# A connection that neither says it enrols nor starts TLS within this is a stranger's: dropped.
HANDSHAKE_TIMEOUT_S = 5.0
PEEK_WAIT_S = 0.005


@dataclass
class HallTls:
    package: ElectionPackage
    server: ssl.SSLContext  # mutual TLS: booths with a client certificate from the issuer
    enrolment: ssl.SSLContext  # server-authenticated only: greeting and /enroll
    issuer_key: Ed25519PrivateKey
    issuer_name: x509.Name = field(repr=False)

    def issue(self, booth: BoothKeyBody) -> str:
        """PEM of a client certificate for a booth key whose join the hall just accepted."""
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(booth.booth_public_key))
        subject = x509.Name([
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"isoloir election {self.package.election_id}"),
            x509.NameAttribute(NameOID.COMMON_NAME, booth.station),
        ])
        certificate = _builder(subject, self.issuer_name, key, ca=False).sign(self.issuer_key, None)
        return certificate.public_bytes(serialization.Encoding.PEM).decode()


def hall_tls(authority: Ed25519PrivateKey, package: ElectionPackage, hall_key: Ed25519PrivateKey) -> HallTls:
    issuer_key = Ed25519PrivateKey.generate()
    issuer_name = x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"isoloir election {package.election_id}"),
        x509.NameAttribute(NameOID.COMMON_NAME, "hall booth issuer"),
    ])
    authority_names = authority_name(package)
    issuer = _builder(issuer_name, authority_names, issuer_key.public_key(), ca=True).sign(authority, None)
    server_name = x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"isoloir election {package.election_id}"),
        x509.NameAttribute(NameOID.COMMON_NAME, "hall"),
    ])
    server = _builder(server_name, authority_names, hall_key.public_key(), ca=False).sign(authority, None)
    chain = server.public_bytes(serialization.Encoding.PEM) + private_pem(hall_key)
    contexts = []
    for mutual in (True, False):
        context = tls_context(ssl.PROTOCOL_TLS_SERVER)
        with memory_file(chain) as path:
            context.load_cert_chain(path)
        if mutual:
            context.verify_mode = ssl.CERT_REQUIRED
            context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # the issuer is the anchor
            context.load_verify_locations(cadata=issuer.public_bytes(serialization.Encoding.PEM).decode())
        contexts.append(context)
    return HallTls(package, contexts[0], contexts[1], issuer_key, issuer_name)


def accept(tls: HallTls, raw: socket.socket) -> tuple[ssl.SSLSocket, bool]:
    """The connection after its handshake, and whether it is an enrolment one; OSError otherwise."""
    raw.settimeout(HANDSHAKE_TIMEOUT_S)  # a silent stranger holds a thread for this long at most
    head, deadline = b"", time.monotonic() + HANDSHAKE_TIMEOUT_S
    while len(head) < len(ENROLL_PREFIX) and ENROLL_PREFIX.startswith(head):
        more = raw.recv(len(ENROLL_PREFIX), socket.MSG_PEEK)  # the bytes stay for TLS to read
        if not more:
            raise ConnectionAbortedError("the connection closed before its first bytes")
        if len(more) == len(head):
            if time.monotonic() > deadline:
                raise TimeoutError("a connection that sends half a prefix is not a booth's")
            time.sleep(PEEK_WAIT_S)  # the prefix came in pieces: the rest is on its way
        head = more
    enrolling = head == ENROLL_PREFIX
    if enrolling:
        raw.recv(len(ENROLL_PREFIX))
    wrapped = (tls.enrolment if enrolling else tls.server).wrap_socket(raw, server_side=True)
    wrapped.settimeout(None)  # a booth's keep-alive connection waits for its next voter
    return wrapped, enrolling


def _builder(
    subject: x509.Name, issuer: x509.Name, key: Ed25519PublicKey, ca: bool
) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + CERTIFICATE_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(CA_USAGE if ca else LEAF_USAGE, critical=True)
    )
