"""A booth's polling day with end-to-end ballots, as a version-2 sealed file's inputs (tests only).

The small election's roll votes at one booth: every voter casts in every session they may vote in,
one voter checks (challenges) a ballot first; the audit log tells the same story as the ballots.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field, replace
from typing import Any

from kiosk.ballot.audit import GENESIS, AuditEntry, entry_hash
from kiosk.ballot.booth_certificate import BoothKeyCertificate
from kiosk.ballot.definition import ElectionDefinition, MultipleChoice, VotingSession
from kiosk.ballot.e2e_ballot import ElectionKey, EncryptedBallot, new_ballot_nonce
from kiosk.ballot.e2e_layout import context_for
from kiosk.ballot.e2e_record import CheckedBallot
from kiosk.ballot.e2e_seal import encrypt_ballot
from kiosk.ballot.sealed_e2e import BoothSeal, build_sealed_e2e_bytes
from kiosk.ballot.sealed_e2e_blocks import SEALED_E2E_DOMAIN
from kiosk.ballot.sealed_file import zip_members
from kiosk.ballot.selections import Selections
from kiosk.ballot.signing import private_hex, sign_json, signing_key_from_hex
from kiosk.ballot.times import parse_iso
from kiosk.booth.booth_key import certify_new_key
from tests.kit import ElectionKit

OPENED, CLOSED = "2026-06-01T08:00:00Z", "2026-06-01T18:00:00Z"


def selections_for(session: VotingSession, n: int) -> Selections:
    """The n-th voter's answers: choices rotate, so counts differ between options."""
    chosen: dict[str, tuple[str, ...]] = {}
    for question in session.questions:
        choices = question.choices
        if isinstance(question, MultipleChoice):
            count = max(question.min, 1)
            chosen[question.id] = tuple(choices[(n + i) % len(choices)] for i in range(count))
        else:
            chosen[question.id] = (choices[n % len(choices)],)
    return chosen


def audit_log(
    station: str, kit: ElectionKit, casts: list[str], mode: str = "official", hall: bool = False
) -> list[AuditEntry]:
    setup = {"station": station, "fingerprint": kit.package.fingerprint, "election": kit.package.election_id}
    events: list[tuple[str, dict[str, Any]]] = [
        ("station_set_up", {**setup, "voters": "hall"} if hall else setup),
        ("polls_opened", {"mode": mode, "by": "pw"}),
        *[("session_activated", {"session": s.id, "by": "pw"}) for s in kit.definition.sessions],
        *[("ballot_cast", {"session": s}) for s in casts],
        ("polls_closed", {"ballots": len(casts), "by": "pw"}),
    ]
    entries, prev = [], GENESIS
    for seq, (event, data) in enumerate(events, start=1):
        digest = entry_hash(prev, seq, parse_iso(OPENED), event, data)
        entries.append(AuditEntry(seq, parse_iso(OPENED), event, data, prev, digest))
        prev = digest
    return entries


@dataclass
class BoothDay:
    seal: BoothSeal
    ballots: list[EncryptedBallot]
    checked: list[CheckedBallot]
    marks: list[tuple[str, str]]
    audit: list[AuditEntry]
    plain: dict[bytes, Selections] = field(default_factory=dict)  # code -> what was cast (tests only)

    def sealed(self) -> bytes:
        return build_sealed_e2e_bytes(self.seal, self.ballots, self.checked, self.marks, self.audit)


def booth_day(
    kit: ElectionKit,
    election: ElectionKey,
    station: str = "booth-1",
    voters: list[str] | None = None,
    certificate: tuple[str, BoothKeyCertificate] | None = None,
    hall: bool = False,
) -> BoothDay:
    """hall: a booth of a hall (set up for every delegate); `voters` may then name anyone's."""
    definition: ElectionDefinition = kit.definition
    if certificate is None:
        key, cert = certify_new_key(kit.package, station, kit.signer(station), OPENED)
        certificate = (private_hex(key), cert)
    seal = BoothSeal(kit.package, election, certificate[1], certificate[0], "official", parse_iso(OPENED),
                     parse_iso(CLOSED))
    served = definition.voters if hall else definition.voters_at(station)
    roll = [v for v in served if voters is None or v.id in voters]
    ballots, marks, casts, plain = [], [], [], {}
    for n, voter in enumerate(roll):
        for session_id in voter.sessions:
            session = definition.session(session_id)
            context = context_for(definition, session, station, voter.id)
            choice = selections_for(session, n)
            ballot = encrypt_ballot(election, session, context, choice, new_ballot_nonce())
            ballots.append(ballot)
            plain[bytes(ballot.code)] = choice
            marks.append((session_id, voter.id))
            casts.append(session_id)
    checked = []
    if roll:
        session = definition.sessions[0]
        context = context_for(definition, session, station, roll[0].id)
        nonce = new_ballot_nonce()
        choice = selections_for(session, 1)
        opened = encrypt_ballot(election, session, context, choice, nonce)
        checked.append(CheckedBallot(context, opened.code, nonce, dict(choice)))
    return BoothDay(seal, ballots, checked, marks, audit_log(station, kit, casts, hall=hall), plain)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(contents: dict[str, bytes]) -> bytes:
    """The members in a zip as the booth writes it (an attacker holding the stick can do this)."""
    return zip_members(contents)


def resign(contents: dict[str, bytes], booth_key: str) -> dict[str, bytes]:
    """The manifest's member digests updated and signed again with this key (the booth's own, in a
    test standing for a booth whose key was taken, or an attacker's)."""
    manifest = json.loads(contents["manifest.json"])
    for name in ("ballots.jsonl", "checked.jsonl", "marks.jsonl", "audit.jsonl"):
        manifest["members"][name] = hashlib.sha256(contents[name]).hexdigest()
    signature = sign_json(signing_key_from_hex(booth_key), SEALED_E2E_DOMAIN, manifest)
    return {**contents, "manifest.json": json.dumps(manifest).encode(), "manifest.sig": signature.encode()}


def with_seal(day: BoothDay, **changes: Any) -> BoothDay:
    return replace(day, seal=replace(day.seal, **changes))
