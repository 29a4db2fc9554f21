"""TLS certificates of the hall network, shared by the hall and the booths: names, key usages, TLS 1.3.

Why the chain is what it is: kiosk/hall/tls.py (the booth's side), station_admin/hall/tls.py (the hall's).
"""

from __future__ import annotations

import datetime
import os
import ssl
from collections.abc import Iterator
from contextlib import contextmanager

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import NameOID

from kiosk.ballot.package import ElectionPackage

# Sent in clear before the TLS bytes of an enrolment connection (a TLS record never starts with "I").
ENROLL_PREFIX = b"ISOLOIR-ENROLL/1\n"
# The booth's pin never expires on its own: it is the package's authority, pinned at installation.
ANCHOR_LIFETIME = datetime.timedelta(days=3650)
# What a CA's key may sign (certificates, revocation lists), and what a leaf's may (its handshakes).
CA_USAGE = x509.KeyUsage(False, False, False, False, False, True, True, False, False)
LEAF_USAGE = x509.KeyUsage(True, False, False, False, False, False, False, False, False)


def authority_name(package: ElectionPackage) -> x509.Name:
    """The issuer every hall certificate of this election names (the key decides, not the name)."""
    return x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, f"isoloir election {package.election_id}"),
        x509.NameAttribute(NameOID.COMMON_NAME, f"authority {package.fingerprint[:32]}"),
    ])


def tls_context(role: ssl._SSLMethod) -> ssl.SSLContext:
    context = ssl.SSLContext(role)
    context.minimum_version = ssl.TLSVersion.TLSv1_3  # nothing older is ever negotiated
    context.maximum_version = ssl.TLSVersion.TLSv1_3
    return context


def authority_anchor(package: ElectionPackage) -> str:
    """PEM of a trust anchor holding the authority's public key from the package.

    Signed by a throwaway key: OpenSSL never checks an anchor's own signature, only that what it
    trusts was signed by the anchor's key, which here is the authority's."""
    now = datetime.datetime.now(datetime.UTC)
    throwaway = Ed25519PrivateKey.generate()
    authority = Ed25519PublicKey.from_public_bytes(bytes.fromhex(package.body.authority_public_key))
    certificate = (
        x509.CertificateBuilder()
        .subject_name(authority_name(package))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pinned by this booth")]))
        .public_key(authority)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + ANCHOR_LIFETIME)
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(CA_USAGE, critical=True)
        .sign(throwaway, None)
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


@contextmanager
def memory_file(data: bytes) -> Iterator[str]:
    """A path OpenSSL can read that lives in memory only: a private key never touches a disk here."""
    fd = os.memfd_create("isoloir-tls", os.MFD_CLOEXEC)
    try:
        os.write(fd, data)
        yield f"/proc/self/fd/{fd}"
    finally:
        os.close(fd)


def private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
