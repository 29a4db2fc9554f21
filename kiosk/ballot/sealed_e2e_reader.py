"""Reading a version-2 sealed file's contents once its archive is known safe: every check but the proofs.

Each step refuses with a reason naming what is wrong; nothing is returned before all have passed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from kiosk.ballot.audit import AuditChainError, AuditEntry, verify_chain
from kiosk.ballot.audit_events import serves_the_hall
from kiosk.ballot.booth_certificate import CertificateError, check_booth_certificate
from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.definition import ElectionDefinition, Voter, VotingSession
from kiosk.ballot.e2e_ballot import ElectionKey, EncryptedBallot, code_set_digest
from kiosk.ballot.e2e_layout import context_for
from kiosk.ballot.e2e_marks import HALL_ROLL, STATION_ROLL, voter_set_digest
from kiosk.ballot.e2e_record import CheckedBallot, RecordError, ballot_from_json, checked_from_json
from kiosk.ballot.ids import SessionId, StationId, VoterId
from kiosk.ballot.package import ElectionPackage, InvalidText, load_json_text
from kiosk.ballot.sealed_e2e_blocks import (
    AUDIT,
    BALLOTS,
    CHECKED,
    MARKS,
    SEALED_E2E_DOMAIN,
    SIGNATURE,
    Block,
    parse_member,
    strictly_ascending,
)
from kiosk.ballot.sealed_file import Refusal, SealedFileError, shown
from kiosk.ballot.signing import SignatureError, verify_json
from kiosk.ballot.times import parse_iso

if TYPE_CHECKING:
    from kiosk.ballot.sealed_e2e import ManifestE2E

Contents = tuple[
    dict[SessionId, tuple[EncryptedBallot, ...]],
    dict[SessionId, tuple[CheckedBallot, ...]],
    list[tuple[SessionId, VoterId]],
    list[AuditEntry],
]


def read_contents(
    manifest: ManifestE2E,
    members: dict[str, bytes],
    package: ElectionPackage,
    election: ElectionKey,
    check_points: bool = True,
) -> Contents:
    _check_election(manifest, package, election)
    _check_signature(manifest, members, package)
    for name in (BALLOTS, CHECKED, MARKS, AUDIT):
        if hashlib.sha256(members[name]).hexdigest() != manifest.members.get(name):
            raise SealedFileError(Refusal.TAMPERED, f"{name} does not match the signed manifest")
    if set(manifest.members) != {BALLOTS, CHECKED, MARKS, AUDIT}:
        raise SealedFileError(Refusal.TAMPERED, "the manifest names other members than the file holds")
    definition, station = package.definition, manifest.station
    blocks = {
        name: parse_member(kind, name, members[name], station)
        for name, kind in ((BALLOTS, "ballots"), (CHECKED, "checked"), (MARKS, "marks"))
    }
    known = {s.id for s in definition.sessions}
    for name, by_session in blocks.items():
        strange = sorted(set(by_session) - known)
        if strange:
            raise SealedFileError(
                Refusal.INCONSISTENT, f"{name}: no session {shown(strange[0])} in this election"
            )
    ballots = {s: _ballots(b, station, check_points) for s, b in blocks[BALLOTS].items()}
    checked = {s: _checked(b, definition.session(s), station) for s, b in blocks[CHECKED].items()}
    marks = {s: _marks(b) for s, b in blocks[MARKS].items()}
    _check_counts(manifest, election, ballots, checked, marks, definition)
    audit = _audit(members[AUDIT], manifest.audit_head)
    # A booth of a hall lets in every delegate; the import refuses a mark two files hold. The signed
    # `roll` says so to the verifier, who reads no audit log: it must be what the set-up logged.
    hall = serves_the_hall(audit)
    if manifest.roll != (HALL_ROLL if hall else STATION_ROLL):
        raise SealedFileError(Refusal.INCONSISTENT, "its manifest's roll is not the one its set-up logged")
    served = {v.id for v in (definition.voters if hall else definition.voters_at(station))}
    for session in definition.sessions:
        _check_contexts(
            definition,
            session,
            station,
            served,
            ballots.get(session.id, ()),
            checked.get(session.id, ()),
            marks.get(session.id, []),
        )
    all_marks = sorted((s, v) for s, voters in marks.items() for v in voters)
    return ballots, checked, all_marks, audit


def _check_election(manifest: ManifestE2E, package: ElectionPackage, election: ElectionKey) -> None:
    if manifest.election_id != package.election_id:
        raise SealedFileError(Refusal.OTHER_ELECTION, f"it belongs to election {shown(manifest.election_id)}")
    if manifest.election_fingerprint != package.fingerprint:
        raise SealedFileError(
            Refusal.OTHER_ELECTION,
            f"its package fingerprint {manifest.election_fingerprint} differs from this election's "
            f"{package.fingerprint}",
        )
    if (manifest.h_e, manifest.election_key) != (
        b64encode(election.extended_hash),
        b64encode(election.key.encode()),
    ):
        raise SealedFileError(
            Refusal.OTHER_ELECTION, "its ballots are encrypted under another key ceremony's election key"
        )


def _check_signature(manifest: ManifestE2E, members: dict[str, bytes], package: ElectionPackage) -> None:
    try:
        check_booth_certificate(manifest.certificate, package)
    except CertificateError as exc:
        raise SealedFileError(Refusal.UNCERTIFIED_BOOTH, str(exc)) from None
    if manifest.certificate.body.station != manifest.station:
        raise SealedFileError(Refusal.UNCERTIFIED_BOOTH, "the certificate is for another booth")
    try:
        verify_json(
            manifest.certificate.body.booth_public_key,
            SEALED_E2E_DOMAIN,
            manifest.signed(),
            members[SIGNATURE].decode("ascii", "replace"),
        )
    except SignatureError:
        raise SealedFileError(Refusal.TAMPERED, "the booth's signature does not match") from None


def _ballots(block: Block, station: StationId, check_points: bool) -> tuple[EncryptedBallot, ...]:
    try:
        # unchecked elements go to proof workers, which read the proofs too (sealed_e2e_proofs)
        ballots = tuple(
            ballot_from_json(v, block.session, station, check_points, read_proofs=check_points)
            for v in block.values
        )
    except RecordError as exc:
        raise SealedFileError(
            Refusal.TAMPERED, f"a ballot of {shown(block.session)} is malformed: {exc}"
        ) from None
    if not strictly_ascending(bytes(b.code) for b in ballots):
        raise SealedFileError(
            Refusal.TAMPERED,
            f"ballots of {shown(block.session)} are not in code order, or a code appears twice",
        )
    return ballots


def _checked(block: Block, session: VotingSession, station: StationId) -> tuple[CheckedBallot, ...]:
    try:
        checked = tuple(checked_from_json(v, session, station) for v in block.values)
    except RecordError as exc:
        raise SealedFileError(
            Refusal.TAMPERED, f"a checked ballot of {shown(session.id)} is malformed: {exc}"
        ) from None
    if not strictly_ascending(bytes(c.code) for c in checked):
        raise SealedFileError(
            Refusal.TAMPERED, f"checked ballots of {shown(session.id)} are not in code order"
        )
    return checked


def _marks(block: Block) -> list[VoterId]:
    if not all(set(v) == {"voter"} and isinstance(v["voter"], str) for v in block.values):
        raise SealedFileError(Refusal.TAMPERED, f"a mark of {shown(block.session)} is malformed")
    voters = [VoterId(v["voter"]) for v in block.values]
    if not strictly_ascending(v.encode() for v in voters):
        raise SealedFileError(
            Refusal.INCONSISTENT,
            f"session {shown(block.session)}: marks out of order, or a voter marked twice",
        )
    return voters


def _check_counts(
    manifest: ManifestE2E,
    election: ElectionKey,
    ballots: dict[SessionId, tuple[EncryptedBallot, ...]],
    checked: dict[SessionId, tuple[CheckedBallot, ...]],
    marks: dict[SessionId, list[VoterId]],
    definition: ElectionDefinition,
) -> None:
    listed = [s.session for s in manifest.sessions]
    # A booth that held fewer addenda than officials issued lists fewer sessions; the import checks
    # that they are exactly those of the addenda it held (station_admin/import_addenda.py).
    if not _in_order(listed, [s.id for s in definition.sessions]):
        raise SealedFileError(Refusal.INCONSISTENT, "the manifest does not list the election's sessions")
    if manifest.session is not None and listed != [manifest.session]:
        raise SealedFileError(Refusal.INCONSISTENT, "a session file must list its one session alone")
    unlisted = sorted((set(ballots) | set(checked) | set(marks)) - set(listed))
    if unlisted:
        raise SealedFileError(
            Refusal.INCONSISTENT, f"it holds lines of session {shown(unlisted[0])}, which its manifest omits"
        )
    station = manifest.station
    for stated in manifest.sessions:
        s = stated.session
        cast, opened, voters = ballots.get(s, ()), checked.get(s, ()), marks.get(s, [])
        if (stated.cast, stated.checked, stated.marks) != (len(cast), len(opened), len(voters)):
            raise SealedFileError(Refusal.INCONSISTENT, f"session {s!r} holds other counts than stated")
        if len(cast) != len(voters):
            raise SealedFileError(
                Refusal.INCONSISTENT, f"session {s!r}: {len(cast)} ballots, {len(voters)} marks"
            )
        for kind, codes, digest in (
            ("cast", [b.code for b in cast], stated.cast_codes),
            ("checked", [c.code for c in opened], stated.checked_codes),
        ):
            if b64encode(code_set_digest(election, s, station, kind, codes)) != digest:
                raise SealedFileError(
                    Refusal.TAMPERED, f"session {s!r}: the {kind} codes are not the sealed set"
                )
        if b64encode(voter_set_digest(election, s, station, voters)) != stated.voters:
            raise SealedFileError(Refusal.TAMPERED, f"session {s!r}: the marks are not the sealed voter list")
        if {bytes(c.code) for c in opened} & {bytes(b.code) for b in cast}:
            raise SealedFileError(Refusal.INCONSISTENT, f"session {s!r}: a checked ballot was also cast")


def _in_order(listed: Sequence[str], sessions: Sequence[str]) -> bool:
    """Each listed session is the election's, none twice, in the definition's order."""
    position = {s: i for i, s in enumerate(sessions)}
    indices = [position.get(s, -1) for s in listed]
    return -1 not in indices and all(a < b for a, b in pairwise(indices))


def _check_contexts(
    definition: ElectionDefinition,
    session: VotingSession,
    station: StationId,
    served: set[VoterId],
    ballots: tuple[EncryptedBallot, ...],
    checked: tuple[CheckedBallot, ...],
    voters: list[VoterId],
) -> None:
    """Each marked voter is one this booth serves (its roll, or every delegate for a booth of a
    hall), for this session; the ballots' clear labels (group, weight, recorded name) are exactly the
    marked voters' as a multiset; a checked ballot's are an eligible voter's.
    A booth cannot move a ballot into another group, weight or name unseen."""
    roll: dict[str, Voter] = {v.id: v for v in definition.voters}  # looked up by the file's text
    for voter_id in voters:
        voter = roll.get(voter_id)
        if voter is None or voter.id not in served or session.id not in voter.sessions:
            raise SealedFileError(
                Refusal.NOT_SERVED,
                f"booth {station!r} holds a mark for voter {shown(voter_id)}, who may not vote there in "
                f"{shown(session.id)}",
            )
    expected = Counter(_labels(context_for(definition, session, station, v)) for v in voters)
    if Counter(_labels(b.context) for b in ballots) != expected:
        raise SealedFileError(
            Refusal.INCONSISTENT,
            f"session {session.id!r}: ballots carry other groups, weights or names than the marked voters",
        )
    eligible = {
        _labels(context_for(definition, session, station, v.id))
        for v in definition.voters
        if v.id in served and session.id in v.sessions
    }
    if any(_labels(c.context) not in eligible for c in checked):
        raise SealedFileError(
            Refusal.INCONSISTENT, f"session {session.id!r}: a checked ballot fits no voter here"
        )


def _labels(context: Any) -> tuple[str, int, str]:
    return (context.group, context.weight, context.voter)


def _audit(data: bytes, head: str) -> list[AuditEntry]:
    try:
        rows = [load_json_text(line) for line in data.splitlines() if line]
        entries = [
            AuditEntry(
                int(r["seq"]),
                parse_iso(str(r["time"])),
                str(r["event"]),
                dict(r["data"]),
                str(r["prev"]),
                str(r["hash"]),
            )
            for r in rows
        ]
        found = verify_chain(entries)
    except (
        InvalidText,
        json.JSONDecodeError,
        UnicodeDecodeError,
        RecursionError,
        KeyError,
        ValueError,
        TypeError,
        AuditChainError,
    ) as exc:
        raise SealedFileError(Refusal.TAMPERED, f"the audit log is broken: {exc}") from None
    if found != head:
        raise SealedFileError(Refusal.TAMPERED, "the audit log does not end at the sealed chain head")
    return entries
