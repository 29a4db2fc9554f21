"""addenda/addendum-NNNN.json: the election as amended during the conference (docs/e2e-spec.md §10.4).

Each addendum is `{"body", "signature"}`, signed by the package's authority over
`"isoloir election addendum" ‖ 0x00 ‖ canonical(body)`, numbered 1, 2, ... with `previous` the SHA-256
(hex) of the canonical body before it. What the checks need of them: sessions and voters added, the
weightings declared, the voters struck off. The manifest's bytes stay what H_M hashes; the checks
read the manifest as amended.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from isoloir_verify.checks.booth_chain import canonical, fingerprint
from isoloir_verify.record.reader import RecordError
from isoloir_verify.signatures import ed25519_valid

ADDENDUM_DOMAIN: Final = b"isoloir election addendum"
ADDENDUM_FORMAT: Final = "isoloir-addendum/1"


@dataclass(frozen=True)
class Amended:
    manifest: bytes  # the manifest as amended, as JSON bytes the Manifest model reads
    struck: frozenset[str]  # voters struck off: no longer entitled to vote
    count: int  # addenda read


def _signed_body(
    path: Path, package: dict[str, Any], authority: bytes | None, number: int, previous: str
) -> Any:
    where = f"addenda/{path.name}"
    try:
        signed = json.loads(path.read_bytes())
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise RecordError(f"{where}: not JSON ({err})") from None
    if not isinstance(signed, dict) or set(signed) != {"body", "signature"}:
        raise RecordError(f"{where}: not an addendum ({{body, signature}})")
    body = signed["body"]
    key_hex = package.get("body", {}).get("authority_public_key", "")
    key = bytes.fromhex(key_hex) if isinstance(key_hex, str) and len(key_hex) == 64 else b""
    if authority is not None and key != authority:
        raise RecordError(f"{where}: package.json names another authority key than the one given")
    try:
        signature = bytes.fromhex(signed["signature"])
    except (TypeError, ValueError):
        signature = b""
    if not ed25519_valid(key, ADDENDUM_DOMAIN + b"\x00" + canonical(body), signature):
        raise RecordError(f"{where}: not signed by the election's authority, or altered")
    if not isinstance(body, dict) or body.get("format") != ADDENDUM_FORMAT:
        raise RecordError(f"{where}: not an {ADDENDUM_FORMAT} body")
    if body.get("election_fingerprint") != fingerprint(package.get("body")):
        raise RecordError(f"{where}: amends another package than package.json")
    if body.get("number") != number or body.get("previous") != previous:
        raise RecordError(f"{where}: out of sequence (expected number {number}, chained to the one before)")
    return body


def amended_manifest(root: Path, manifest: bytes, authority: bytes | None) -> Amended:
    """The manifest with every addendum of the record applied, in order."""
    folder = root / "addenda"
    paths = sorted(folder.glob("addendum-*.json")) if folder.is_dir() else []
    if not paths:
        return Amended(manifest, frozenset(), 0)
    try:
        package = json.loads((root / "package.json").read_bytes())
        raw = json.loads(manifest)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as err:
        raise RecordError(f"package.json or manifest.json cannot be read for the addenda: {err}") from None
    struck: set[str] = set()
    previous = ""
    for number, path in enumerate(paths, start=1):
        body = _signed_body(path, package, authority, number, previous)
        previous = hashlib.sha256(canonical(body)).hexdigest()
        _apply(raw, body, struck)
    return Amended(json.dumps(raw, ensure_ascii=False).encode(), frozenset(struck), len(paths))


def _apply(raw: dict[str, Any], body: dict[str, Any], struck: set[str]) -> None:
    """One addendum's changes to the roll and the sessions (the producer's amendment, restated)."""
    weighted = {w["session"]: w["weighting"] for w in body.get("weightings", [])}
    for session in raw["sessions"]:
        session["weighting"] = weighted.get(session["id"], session.get("weighting", "none"))
    raw["voters"] += [added["voter"] for added in body.get("voters", [])]
    for added in body.get("sessions", []):
        raw["sessions"].append(added["session"])
        eligible = set(added["voters"])
        for voter in raw["voters"]:
            if voter["id"] in eligible:
                voter.setdefault("sessions", []).append(added["session"]["id"])
    struck.update(body.get("struck", []))
