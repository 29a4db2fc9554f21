"""V4, the booths' chain of trust (docs/e2e-spec.md §10.2): authority → election package → poll
worker's card → booth key → the booth's sealed manifest, and that manifest against the booth file.

Signed bytes are `domain ‖ 0x00 ‖ data`, where data is the canonical JSON of §10.2 (keys sorted, no
spaces, UTF-8 as is) or, for the certificate, the SHA-256 of the canonical body.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final

from isoloir_verify.b64 import b64encode
from isoloir_verify.record.index import BoothFile
from isoloir_verify.report import CheckResult
from isoloir_verify.signatures import ed25519_valid

PACKAGE_DOMAIN: Final = b"isoloir election package"
CERTIFICATE_DOMAIN: Final = b"isoloir booth key certificate/1"
SEALED_DOMAIN: Final = b"isoloir sealed ballot file/2"
FINGERPRINT_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SESSION_FIELDS: Final = ("session", "cast", "checked", "cast_codes", "checked_codes", "voters")


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fingerprint(body: Any) -> str:
    """The package fingerprint: the first 80 bits of SHA-256(canonical body), 16 symbols in 4 groups."""
    digest = int(hashlib.sha256(canonical(body)).hexdigest()[:20], 16)
    symbols = "".join(FINGERPRINT_ALPHABET[(digest >> (5 * i)) & 31] for i in reversed(range(16)))
    return "-".join(symbols[i : i + 4] for i in range(0, 16, 4))


def _hex(text: Any, size: int) -> bytes:
    if not isinstance(text, str) or len(text) != 2 * size:
        return b""
    try:
        return bytes.fromhex(text)
    except ValueError:
        return b""


def check_package(
    package: Any, authority_key: bytes | None, election_id: str, result: CheckResult
) -> str | None:
    """The package's authority signature; returns its fingerprint, or None (with a failure) if it fails."""
    result.count()
    if (
        not isinstance(package, dict)
        or set(package) != {"body", "signature"}
        or not isinstance(package["body"], dict)
    ):
        result.fail("package.json is not an election package ({body, signature})")
        return None
    body = package["body"]
    if authority_key is None:
        result.fail("package.json not checked: give the authority's Ed25519 public key (--authority-key)")
        return None
    if body.get("authority_public_key") != authority_key.hex():
        result.fail("package.json names another authority key than the one given")
        return None
    signed = PACKAGE_DOMAIN + b"\x00" + canonical(body)
    if not ed25519_valid(authority_key, signed, _hex(package["signature"], 64)):
        result.fail("package.json is not signed by the authority")
        return None
    definition = body.get("definition")
    if not isinstance(definition, dict) or definition.get("id") != election_id:
        result.fail("package.json is the package of another election than manifest.json")
        return None
    return fingerprint(body)


def check_chain(
    booth: BoothFile,
    package_body: dict[str, Any],
    package_fingerprint: str,
    h_e: bytes,
    key: bytes,
    result: CheckResult,
) -> None:
    """The booth file's certificate and signed sealed manifest, link by link."""
    where = f"booths/{booth.station}.json"
    result.count()
    cert = booth.certificate
    body = cert.get("body") if isinstance(cert, dict) else None
    if not isinstance(body, dict) or set(cert) != {"body", "card_signature"}:
        result.fail(f"{where}: the certificate is not {{body, card_signature}}")
        return
    for problem in _certificate_problems(body, package_body, package_fingerprint, booth.station):
        result.fail(f"{where}: {problem}")
    signed = CERTIFICATE_DOMAIN + b"\x00" + hashlib.sha256(canonical(body)).digest()
    if not ed25519_valid(_hex(body.get("card_public_key"), 32), signed, _hex(cert["card_signature"], 64)):
        result.fail(f"{where}: the poll worker card's signature on the booth key does not hold")
    sealed = booth.sealed
    if hashlib.sha256(canonical(sealed)).hexdigest() != booth.sealed_sha256:
        result.fail(f"{where}: sealed_sha256 is not the SHA-256 of the sealed manifest")
    signed = SEALED_DOMAIN + b"\x00" + canonical(sealed)
    if not ed25519_valid(_hex(body.get("booth_public_key"), 32), signed, _hex(booth.signature, 64)):
        result.fail(f"{where}: the booth key's signature on its sealed manifest does not hold")
    for problem in _sealed_problems(booth, body, package_fingerprint, h_e, key):
        result.fail(f"{where}: {problem}")


def _certificate_problems(body: dict[str, Any], package: dict[str, Any], fp: str, station: str) -> list[str]:
    problems = []
    definition = package.get("definition", {})
    if body.get("format") != "isoloir-booth-key/1":
        problems.append("the certificate's body is not isoloir-booth-key/1")
    if (body.get("election_id"), body.get("election_fingerprint")) != (definition.get("id"), fp):
        problems.append("the booth key was certified for another election package")
    if body.get("station") != station:
        problems.append("the certificate is for another booth")
    cards = [
        c
        for c in package.get("cards", [])
        if isinstance(c, dict) and c.get("public_key") == body.get("card_public_key")
    ]
    if not any(c.get("role") == "poll_worker" and c.get("holder") == body.get("poll_worker") for c in cards):
        problems.append("the certifying card is not registered in the package to that poll worker")
    workers = [
        w
        for w in definition.get("poll_workers", [])
        if isinstance(w, dict) and w.get("id") == body.get("poll_worker")
    ]
    if not any(station in w.get("stations", []) for w in workers):
        problems.append(f"poll worker {body.get('poll_worker')!r} may not set up booth {station!r}")
    return problems


def _sealed_problems(
    booth: BoothFile, cert_body: dict[str, Any], fp: str, h_e: bytes, key: bytes
) -> list[str]:
    s = booth.sealed
    problems = []
    expected = {
        "format": "isoloir-sealed-ballots/2",
        "election_id": cert_body.get("election_id"),
        "election_fingerprint": fp,
        "station": booth.station,
        "certificate": booth.certificate,
        "h_e": b64encode(h_e),
        "election_key": b64encode(key),
        "opened_at": booth.opened,
        "closed_at": booth.closed,
        "audit_head": booth.audit_head,
        "roll": booth.roll,
    }
    for name, value in expected.items():
        if s.get(name) != value:
            problems.append(f"the sealed manifest's {name} differs from the record's")
    sessions = s.get("sessions")
    projected = (
        [{k: e.get(k) for k in SESSION_FIELDS} for e in sessions if isinstance(e, dict)]
        if isinstance(sessions, list)
        else None
    )
    published = [
        {"session": b.session, "cast": b.cast, "checked": b.checked,
         "cast_codes": b64encode(b.cast_codes), "checked_codes": b64encode(b.checked_codes),
         "voters": b64encode(b.voters)}
        for b in booth.sessions
    ]  # fmt: skip
    if projected != published:
        problems.append("the booth file's sessions are not the sealed manifest's")
    return problems
