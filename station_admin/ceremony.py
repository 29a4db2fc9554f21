"""Creating an election: the authority key, the election key split among trustees, voting codes,
and the signed election package."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.codes import format_code, generate_code, hash_code
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.encryption import new_election_secret, public_key_hex
from kiosk.ballot.package import PACKAGE_DOMAIN, Credential, PackageBody, RegisteredCard, parse_package
from kiosk.ballot.shamir import split
from kiosk.ballot.shares import MIN_PASSPHRASE_LENGTH, seal_share
from kiosk.ballot.signing import new_signing_key, private_hex, public_hex, sign_json
from kiosk.clock import iso, utc_now
from station_admin.election_dir import ElectionDir, write_private

DEFAULT_VALIDITY = timedelta(days=90)  # a package older than a conference's season is refused


class CeremonyError(ValueError):
    pass


@dataclass(frozen=True)
class CreatedElection:
    folder: ElectionDir
    fingerprint: str
    voters: int


def read_passphrases(path: Path, count: int) -> list[str]:
    """One passphrase a line, trustee 1 first."""
    try:
        lines = [line.rstrip("\r\n") for line in path.read_text(encoding="utf-8").splitlines()]
    except OSError as exc:
        raise CeremonyError(f"cannot read {path}: {exc.strerror}") from None
    lines = [line for line in lines if line]
    if len(lines) < count:
        raise CeremonyError(f"{path} holds {len(lines)} passphrases; {count} trustees need one each")
    return lines[:count]


def create_election(
    definition: ElectionDefinition,
    trustees: int,
    threshold: int,
    passphrases: list[str],
    out: Path,
    expires: datetime | None = None,
) -> CreatedElection:
    if out.exists() and any(out.iterdir()):
        raise CeremonyError(f"{out} exists and is not empty; choose a new folder")
    if not 1 <= threshold <= trustees:
        raise CeremonyError(f"the threshold ({threshold}) must be between 1 and the trustees ({trustees})")
    short = [n for n, p in enumerate(passphrases, start=1) if len(p) < MIN_PASSPHRASE_LENGTH]
    if short:
        raise CeremonyError(
            f"trustee {short[0]}'s passphrase is shorter than {MIN_PASSPHRASE_LENGTH} characters"
        )
    folder = ElectionDir(out)
    out.mkdir(parents=True, exist_ok=True)
    authority = new_signing_key()
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
    write_private(folder.authority_key_path, private_hex(authority) + "\n")
    for number, text in enumerate(sealed, start=1):
        write_private(folder.share_path(number), text + "\n")
    write_private(folder.codes_path, codes_csv(definition, codes))
    folder.package_path.write_text(package_text, encoding="utf-8")
    fingerprint = parse_package(package_text.encode()).fingerprint
    ceremony = {
        "election": definition.id,
        "fingerprint": fingerprint,
        "created": iso(now),
        "election_public_key": public_key,
        "threshold": threshold,
        "trustees": [{"trustee": n, "share": f"trustees/{n}.share"} for n in range(1, trustees + 1)],
    }
    folder.ceremony_path.write_text(json.dumps(ceremony, indent=2) + "\n", encoding="utf-8")
    return CreatedElection(folder, fingerprint, len(codes))


def sign_package(body: PackageBody, authority: Ed25519PrivateKey) -> str:
    raw = body.model_dump(mode="json")
    signature = sign_json(authority, PACKAGE_DOMAIN, raw)
    return json.dumps({"body": raw, "signature": signature}, ensure_ascii=False, indent=1)


def codes_csv(definition: ElectionDefinition, codes: dict[str, str]) -> str:
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


def with_cards(body: PackageBody, cards: list[RegisteredCard]) -> PackageBody:
    return body.model_copy(update={"cards": cards})


def register_cards(folder: ElectionDir, cards: list[RegisteredCard]) -> str:
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
