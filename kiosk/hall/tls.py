"""TLS on the hall network, the booth's side: TLS 1.3 only, the hall pinned to the election's authority.

Chain of trust (certificates made with `cryptography`, checked by OpenSSL through Python's `ssl`):

  authority key (pinned in the booth's package) --signs at `hall serve`--> the hall's server certificate
  authority key --signs at `hall serve`--> the hall's booth issuer (in the hall's memory only)
  booth key (certified at set-up by a poll worker's card) --enrols--> a client certificate for the
      booth key, from the hall's booth issuer, on the hall's enrolment connection

The booth trusts no certificate authority of its own: its one trust anchor is a certificate it builds
here around the authority's public key from its package (OpenSSL's partial-chain mode makes it an
anchor without the authority's signature on it). So a hall certificate not signed by this election's
authority fails the handshake, and the booth sends it no request (in TLS 1.3 the booth checks the
hall's certificate before it shows its own).

Enrolment: a connection that starts with ENROLL_PREFIX before its TLS bytes is the one thing a
stranger can open without a client certificate. The hall (station_admin/hall/tls.py) answers only the
public greeting and /enroll on it, and issues a client certificate only for a join it accepts (a booth
key certified for this election, signing a fresh challenge).
"""

from __future__ import annotations

import http.client
import socket
import ssl

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.hall_tls import ENROLL_PREFIX, authority_anchor, memory_file, private_pem, tls_context
from kiosk.ballot.package import ElectionPackage


def booth_context(package: ElectionPackage, client: tuple[str, Ed25519PrivateKey] | None) -> ssl.SSLContext:
    """The booth's context: the hall must chain to the authority; the client certificate, once enrolled."""
    context = tls_context(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False  # any hall the authority certified for this election will do
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    context.load_verify_locations(cadata=authority_anchor(package))
    if client is not None:
        certificate_pem, key = client
        with memory_file(certificate_pem.encode() + private_pem(key)) as path:
            context.load_cert_chain(path)
    return context


class HallConnection(http.client.HTTPConnection):
    """HTTP over the hall's TLS: the enrolment connection, or the booth's mutual-TLS one."""

    def __init__(self, host: str, port: int, timeout: float, context: ssl.SSLContext, enrol: bool) -> None:
        super().__init__(host, port, timeout=timeout)
        self._context, self._enrol = context, enrol

    def connect(self) -> None:
        raw = socket.create_connection((self.host, self.port), self.timeout)
        try:
            raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._enrol:
                raw.sendall(ENROLL_PREFIX)
            self.sock = self._context.wrap_socket(raw)
        except BaseException:
            raw.close()
            raise
