"""Creating an election: the authority key, the election key split among trustees, voting codes,
and the signed election package."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.codes import format_code, generate_code, hash_code
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.encryption import new_election_secret, public_key_hex
from kiosk.ballot.ids import VoterId
from kiosk.ballot.package import PACKAGE_DOMAIN, Credential, PackageBody, PackageCard, parse_package
from kiosk.ballot.shamir import split
from kiosk.ballot.shares import MIN_PASSPHRASE_LENGTH, seal_share
from kiosk.ballot.signing import new_signing_key, public_hex, sign_json
from kiosk.ballot.times import iso
from kiosk.clock import utc_now
from station_admin.authority_key import AuthorityKeyError, seal_authority_key
from station_admin.election_dir import ElectionDir, write_private

DEFAULT_VALIDITY = timedelta(days=90)  # a package older than a conference's season is refused


class CeremonyError(ValueError):
    pass


@dataclass(frozen=True)
class CreatedElection:
    folder: ElectionDir
    fingerprint: str
    voters: int


def create_election(
    definition: ElectionDefinition,
    trustees: int,
    threshold: int,
    passphrases: list[str],
    out: Path,
    expires: datetime | None = None,
    *,
    authority_passphrase: str,
    share_paths: list[Path] | None = None,
) -> CreatedElection:
    """The election folder, with the authority key sealed under `authority_passphrase` and trustee
    N's share written to `share_paths[N-1]` (their own media; by default the folder's trustees/)."""
    folder = ElectionDir(out, unlock=lambda: authority_passphrase)
    paths = share_paths or [folder.share_path(n) for n in range(1, trustees + 1)]
    _check_ceremony(out, trustees, threshold, passphrases, paths)
    out.mkdir(parents=True, exist_ok=True)
    authority = new_signing_key()
    try:
        sealed_key = seal_authority_key(authority, authority_passphrase)
    except AuthorityKeyError as exc:
        raise CeremonyError(str(exc)) from None
    secret = new_election_secret()
    public_key = public_key_hex(secret)
    shares = split(secret, threshold, trustees)
    sealed = [
        seal_share(s, p, definition.id, public_key, threshold, trustees)
        for s, p in zip(shares, passphrases, strict=True)
    ]
    del secret, shares  # the whole key exists only in this process, only during the ceremony
    codes = {voter.id: generate_code() for voter in definition.voters}
    now = utc_now()
    body = PackageBody(
        definition=definition,
        election_public_key=public_key,
        authority_public_key=public_hex(authority),
        credentials=[
            Credential(voter=v, code_hash=hash_code(definition.id, c)) for v, c in sorted(codes.items())
        ],
        created=iso(now),
        expires=iso(expires or now + DEFAULT_VALIDITY),
    )
    package_text = sign_package(body, authority)
    held = _write_shares(out, paths, sealed)
    write_private(folder.authority_key_path, sealed_key + "\n")
    write_private(folder.codes_path, codes_csv(definition, codes))
    folder.package_path.write_text(package_text, encoding="utf-8")
    fingerprint = parse_package(package_text.encode()).fingerprint
    ceremony = {
        "ceremony": "dealer",  # one process made and split the key (docs: E2E.md, section 8)
        "election": definition.id,
        "fingerprint": fingerprint,
        "created": iso(now),
        "election_public_key": public_key,
        "threshold": threshold,
        "trustees": held,
    }
    folder.ceremony_path.write_text(json.dumps(ceremony, indent=2) + "\n", encoding="utf-8")
    return CreatedElection(folder, fingerprint, len(codes))


def _check_ceremony(
    out: Path, trustees: int, threshold: int, passphrases: list[str], paths: list[Path]
) -> None:
    if out.exists() and any(out.iterdir()):
        raise CeremonyError(f"{out} exists and is not empty; choose a new folder")
    if not 1 <= threshold <= trustees:
        raise CeremonyError(f"the threshold ({threshold}) must be between 1 and the trustees ({trustees})")
    if len(passphrases) != trustees or len(paths) != trustees:
        raise CeremonyError(f"{trustees} trustees need {trustees} passphrases and places for shares")
    short = [n for n, p in enumerate(passphrases, start=1) if len(p) < MIN_PASSPHRASE_LENGTH]
    if short:
        raise CeremonyError(
            f"trustee {short[0]}'s passphrase is shorter than {MIN_PASSPHRASE_LENGTH} characters"
        )
    if len(set(passphrases)) != len(passphrases):
        raise CeremonyError("two trustees gave the same passphrase; each trustee chooses their own")
    if len({p.resolve() for p in paths}) != len(paths):
        raise CeremonyError("two trustees' shares would be written to the same file")
    taken = [p for p in paths if p.exists()]
    if taken:
        raise CeremonyError(f"{taken[0]} exists already; a share never overwrites another file")


def _write_shares(out: Path, paths: list[Path], sealed: list[str]) -> list[dict[str, object]]:
    """Each share to its trustee's place; the record names where, and the file's digest."""
    held: list[dict[str, object]] = []
    for number, (path, text) in enumerate(zip(paths, sealed, strict=True), start=1):
        try:
            write_private(path, text + "\n")
        except OSError as exc:
            raise CeremonyError(f"cannot write trustee {number}'s share to {path}: {exc.strerror}") from None
        shown = path.relative_to(out) if path.is_relative_to(out) else path.resolve()
        digest = hashlib.sha256((text + "\n").encode()).hexdigest()
        held.append({"trustee": number, "share": str(shown), "sha256": digest})
    return held


def sign_package(body: PackageBody, authority: Ed25519PrivateKey) -> str:
    raw = body.model_dump(mode="json")
    signature = sign_json(authority, PACKAGE_DOMAIN, raw)
    return json.dumps({"body": raw, "signature": signature}, ensure_ascii=False, indent=1)


def codes_csv(definition: ElectionDefinition, codes: dict[VoterId, str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["voter_id", "name", "group", "station", "language", "code"])
    for voter in definition.voters:
        if voter.id in codes:
            language = voter.language or definition.languages[0]
            writer.writerow(
                [
                    voter.id,
                    voter.name,
                    voter.group or "",
                    voter.station,
                    language,
                    format_code(codes[voter.id]),
                ]
            )
    return buffer.getvalue()


def with_cards(body: PackageBody, cards: list[PackageCard]) -> PackageBody:
    return body.model_copy(update={"cards": cards})


def register_cards(folder: ElectionDir, cards: list[PackageCard]) -> str:
    """Adds cards to the election package and signs it again; returns the new fingerprint.

    The fingerprint changes, so booths must be provisioned after their cards are registered.
    """
    package = folder.package()
    known = {c.public_key for c in package.body.cards}
    added = [c for c in cards if c.public_key not in known]
    body = with_cards(package.body, [*package.body.cards, *added])
    text = sign_package(body, folder.authority_key())
    folder.package_path.write_text(text, encoding="utf-8")
    return parse_package(text.encode()).fingerprint
