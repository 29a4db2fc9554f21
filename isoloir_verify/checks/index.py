"""V4: the record's index and signature, the booths' chain of trust, their code-set digests (§9.2, §10).

The index lists every file with its SHA-256 and size, and the authority signs the index's exact
bytes; the authority's public key comes from outside the record (an observer takes it from the
authority's own publication), so it is a command-line argument, never read from the record itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from isoloir_verify.checks.booth_chain import check_chain, check_package
from isoloir_verify.hashing import H, enc_hash, enc_int, enc_str
from isoloir_verify.record.ceremony import Ceremony
from isoloir_verify.record.index import BoothFile, RecordIndex
from isoloir_verify.record.reader import RecordError, parse, read_bytes
from isoloir_verify.report import CheckResult
from isoloir_verify.signatures import ed25519_valid

TAG_CODE_SET: Final = 0x26
UNINDEXED: Final = frozenset({"record.json", "record.sig"})


def code_set_digest(h_e: bytes, session: str, station: str, kind: str, codes: list[bytes]) -> bytes:
    ordered = sorted(codes)
    fields = [enc_str(session), enc_str(station), enc_str(kind), enc_int(len(ordered))]
    return H(h_e, TAG_CODE_SET, *fields, *(enc_hash(c) for c in ordered))


def check_index(root: Path, authority_key: bytes | None, election_id: str | None) -> CheckResult:
    result = CheckResult("V4")
    data = read_bytes(root, "record.json")
    index = parse(RecordIndex, data, "record.json")
    if election_id is not None and index.election != election_id:
        result.fail(f"record.json names election {index.election!r}, the manifest {election_id!r}")
    paths = [f.path for f in index.files]
    if paths != sorted(paths) or len(set(paths)) != len(paths):
        result.fail("record.json: files not sorted by path, or a path listed twice")
    present = {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} - UNINDEXED
    for missing in sorted(set(paths) - present):
        result.fail(f"{missing}: listed in record.json but absent")
    for extra in sorted(present - set(paths)):
        result.fail(f"{extra}: in the record but not listed in record.json")
    for entry in index.files:
        if entry.path not in present:
            continue
        result.count()
        body = read_bytes(root, entry.path)
        if len(body) != entry.size or hashlib.sha256(body).hexdigest() != entry.sha256:
            result.fail(f"{entry.path}: size or SHA-256 differs from record.json")
    _check_signature(root, data, authority_key, result)
    return result


def _check_signature(root: Path, index: bytes, authority_key: bytes | None, result: CheckResult) -> None:
    result.count()
    signature = read_bytes(root, "record.sig")
    if authority_key is None:
        result.fail("record.sig not checked: give the authority's Ed25519 public key (--authority-key)")
    elif not ed25519_valid(authority_key, index, signature):
        result.fail("record.sig is not the authority's signature over record.json")


def check_booths(
    root: Path,
    authority_key: bytes | None,
    ceremony: Ceremony,
    cast: Mapping[tuple[str, str], list[bytes]],
    checked: Mapping[tuple[str, str], list[bytes]],
) -> CheckResult:
    """Each booth file's chain of trust (booth_chain.py), per-session counts and sorted code-set
    digests against the published ballots."""
    result = CheckResult("V4")
    h_e = ceremony.h_e
    folder = root / "booths"
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    package: dict[str, Any] = {}
    fingerprint = None
    if paths:
        raw = json.loads(read_bytes(root, "package.json"))
        election = raw.get("body", {}).get("definition", {}).get("id") if isinstance(raw, dict) else None
        fingerprint = check_package(raw, authority_key, str(election), result)
        package = raw["body"] if fingerprint is not None else {}
    stations = set()
    for path in paths:
        relative = str(path.relative_to(root))
        booth = parse(BoothFile, read_bytes(root, relative), relative)
        if booth.station != path.stem:
            raise RecordError(f"{relative}: names station {booth.station!r}")
        stations.add(booth.station)
        if fingerprint is not None:
            check_chain(booth, package, fingerprint, h_e, ceremony.election_key, result)
        for s in booth.sessions:
            result.count()
            where = f"{relative} session {s.session!r}"
            cast_codes = cast.get((s.session, booth.station), [])
            checked_codes = checked.get((s.session, booth.station), [])
            if s.cast != len(cast_codes) or s.checked != len(checked_codes):
                result.fail(
                    f"{where}: counts {s.cast} cast, {s.checked} checked differ from the published ballots"
                )
            if s.cast_codes != code_set_digest(h_e, s.session, booth.station, "cast", cast_codes):
                result.fail(f"{where}: the sorted cast-code digest differs from the published ballots'")
            if s.checked_codes != code_set_digest(h_e, s.session, booth.station, "checked", checked_codes):
                result.fail(f"{where}: the sorted checked-code digest differs from the published ballots'")
    for session, station in sorted(set(cast) | set(checked)):
        if station not in stations:
            result.fail(f"booths/{station}.json missing for ballots of session {session!r}")
    return result
