"""Sealed ballot files of many booths, made fast for the import benchmark.

Casting 100,000 ballots through booths would take as long as a polling day; instead each file is
built with the booth's own writer (kiosk.ballot.sealed_file) from ballots encrypted and encoded as
the booth does, an audit chain like a booth's, and a booth key certified by the poll worker's
registered card as a set-up certifies it. The importer cannot tell them from a booth's.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from kiosk.ballot.audit import GENESIS, AuditEntry, entry_hash
from kiosk.ballot.audit_events import Event
from kiosk.ballot.booth_certificate import BoothKeyBody, BoothKeyCertificate, certify
from kiosk.ballot.encryption import encrypt_ballot, tracking_code
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_file import SUFFIX, build_sealed_bytes
from kiosk.ballot.selections import encode_ballot
from kiosk.ballot.signing import new_signing_key, private_hex, public_hex
from kiosk.ballot.times import parse_iso
from kiosk.simulate import random_selections

from .election import SESSION, BenchElection

OPENED, CLOSED = "2023-06-14T09:00:00Z", "2023-06-14T18:00:00Z"


def _certificate(election: BenchElection, station: str) -> tuple[BoothKeyCertificate, str]:
    booth_key = new_signing_key()
    card = election.signer(station)
    body = BoothKeyBody(
        election_id=election.package.election_id,
        election_fingerprint=election.package.fingerprint,
        station=station,
        booth_public_key=public_hex(booth_key),
        card_public_key=card.public_key,
        poll_worker="pw-1",
        issued=OPENED,
    )
    return certify(body, card), private_hex(booth_key)


def _audit(package: ElectionPackage, station: str, ballots: int) -> list[AuditEntry]:
    set_up = {"election": package.election_id, "fingerprint": package.fingerprint, "station": station}
    events: list[tuple[Event, dict[str, Any]]] = [(Event.STATION_SET_UP, set_up),
              (Event.POLLS_OPENED, {"mode": "official", "by": "pw-1"}),
              (Event.SESSION_ACTIVATED, {"session": SESSION, "by": "pw-1"})]
    events += [(Event.BALLOT_CAST, {"session": SESSION})] * ballots
    events.append((Event.POLLS_CLOSED, {"ballots": ballots, "by": "pw-1"}))
    entries, prev = [], GENESIS
    for seq, (kind, data) in enumerate(events, start=1):
        digest = entry_hash(prev, seq, parse_iso(CLOSED), kind.value, data)
        entries.append(AuditEntry(seq, parse_iso(CLOSED), kind.value, data, prev, digest))
        prev = digest
    return entries


def booth_ballots(
    package: ElectionPackage, voters: list[VoterId], seed: int
) -> list[tuple[str, SessionId, bytes]]:
    """(tracking code, session, ciphertext) of each voter's random maritime ballot."""
    definition = package.definition
    session = definition.session(SESSION)
    rng = random.Random(seed)
    ballots: list[tuple[str, SessionId, bytes]] = []
    for voter in voters:
        plain = encode_ballot(definition, session, random_selections(session, rng), voter)
        ciphertext = encrypt_ballot(package.body.election_public_key, definition.id, SESSION, plain)
        ballots.append((tracking_code(ciphertext), SESSION, ciphertext))
    return ballots


def write_booth_file(
    election: BenchElection, station: str, ballots: list[tuple[str, SessionId, bytes]], voters: list[VoterId],
    out: Path,
) -> Path:
    certificate, booth_key = _certificate(election, station)
    audit = _audit(election.package, station, len(ballots))
    manifest: dict[str, Any] = {
        "election_id": election.package.election_id,
        "election_fingerprint": election.package.fingerprint,
        "station": station,
        "certificate": certificate.model_dump(),
        "mode": "official",
        "opened_at": OPENED,
        "closed_at": CLOSED,
        "sessions": [
            {"id": s.id, "ballots": len(ballots) if s.id == SESSION else 0,
             "marks": len(voters) if s.id == SESSION else 0}
            for s in election.package.definition.sessions
        ],
        "audit_head": audit[-1].hash,
    }
    data = build_sealed_bytes(manifest, ballots, [(SESSION, v) for v in voters], audit, booth_key)
    path = out / f"{station}-official-20230614T180000Z{SUFFIX}"
    path.write_bytes(data)
    return path
