"""The officials' record of addenda: each one signed by the authority, numbered, kept in the election
folder (ELECTION/addenda/addendum-0001.json, ...), and copied to the sticks that carry it to booths.

An addendum is checked against the election as amended so far before it is signed, so a bad change
(a delegation to another delegation's adviser, a voter twice) is refused here, with its reason, and
never reaches a booth. A delegation after the delegate's vote is already imported is refused too, and
so is a change of a vote's weighting once votes cast in it are imported (kiosk/ballot/weights.py).
"""

from __future__ import annotations

import csv
import io
import shutil
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.ballot.addendum import (
    ADDENDUM_DOMAIN,
    ADDENDUM_PREFIX,
    ADDENDUM_SUFFIX,
    AddedSession,
    AddedVoter,
    Addendum,
    AddendumBody,
    AddendumError,
    CodeChange,
    Delegation,
    Revocation,
    WeightingChange,
    addendum_name,
    next_in_sequence,
    parse_addendum,
)
from kiosk.ballot.amendments import Amended, amend, amend_all, content_problems
from kiosk.ballot.codes import format_code, generate_code, hash_code
from kiosk.ballot.definition import Voter
from kiosk.ballot.ids import VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.signing import sign_json
from kiosk.ballot.times import iso
from kiosk.ballot.weights import reweighted
from kiosk.clock import utc_now
from station_admin.election_dir import ElectionDir, write_private
from station_admin.notices import VoterCode, read_codes

CSV_HEADER = ["voter_id", "name", "group", "station", "language", "code"]


class AmendError(ValueError):
    """The addendum was not written; the message says which change does not fit, and why."""


@dataclass
class Changes:
    """What one addendum changes; codes for reissued and added voters are made when it is signed."""

    sessions: list[AddedSession] = field(default_factory=list)
    voters: list[Voter] = field(default_factory=list)
    delegations: list[Delegation] = field(default_factory=list)
    revocations: list[Revocation] = field(default_factory=list)
    reissue: list[VoterId] = field(default_factory=list)
    struck: list[VoterId] = field(default_factory=list)
    weightings: list[WeightingChange] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.sessions or self.voters or self.delegations or self.revocations
                    or self.reissue or self.struck or self.weightings)


def addenda_dir(folder: ElectionDir) -> Path:
    return folder.root / "addenda"


def official_addenda(folder: ElectionDir, package: ElectionPackage) -> list[Addendum]:
    """The addenda officials issued, in order, each checked (signature, election, sequence)."""
    held: list[Addendum] = []
    directory = addenda_dir(folder)
    paths = sorted(directory.glob(f"{ADDENDUM_PREFIX}*{ADDENDUM_SUFFIX}")) if directory.exists() else []
    for path in paths:
        try:
            addendum = parse_addendum(path.read_bytes(), package)
            next_in_sequence(addendum, held)
        except AddendumError as exc:
            raise AmendError(f"{path}: {exc}") from None
        held.append(addendum)
    return held


def official_state(folder: ElectionDir, package: ElectionPackage) -> Amended:
    try:
        return amend_all(package.definition, official_addenda(folder, package))
    except AddendumError as exc:
        raise AmendError(str(exc)) from None


Marks = Collection[tuple[str, str]]  # (session, voter) for every vote an imported file marks


@dataclass(frozen=True)
class Issued:
    addendum: Addendum
    path: Path
    codes: list[VoterCode]  # the new codes (reissued or added voters), for their notices


def issue_addendum(folder: ElectionDir, changes: Changes, marks: Marks = ()) -> Issued:
    """Checks the changes against the election as amended so far and the votes imported (`marks`),
    signs the next addendum, keeps it in the election folder and writes the new codes to the codes
    file."""
    if changes.empty():
        raise AmendError("the addendum would change nothing: say what it adds, delegates or strikes")
    package = folder.package()
    state = official_state(folder, package)
    for d in changes.delegations:
        if (d.session, d.delegate) in marks:
            raise AmendError(f"{d.delegate!r} already voted in {d.session!r}: that vote cannot be delegated")
    new_codes = {v: generate_code() for v in [*changes.reissue, *[v.id for v in changes.voters]]}
    hashes = {v: hash_code(package.election_id, c) for v, c in new_codes.items()}
    body = AddendumBody(
        election_id=package.election_id,
        election_fingerprint=package.fingerprint,
        number=len(state.held) + 1,
        previous=state.held[-1].digest if state.held else "",
        issued=iso(utc_now()),
        sessions=changes.sessions,
        voters=[AddedVoter(voter=v, code_hash=hashes[v.id]) for v in changes.voters],
        delegations=changes.delegations,
        revocations=changes.revocations,
        codes=[CodeChange(voter=v, code_hash=hashes[v]) for v in changes.reissue],
        struck=changes.struck,
        weightings=changes.weightings,
    )
    problems = content_problems(state, body)
    if problems:
        raise AmendError("; ".join(problems))
    cast = Counter(session for session, _ in marks)
    for change in reweighted(state, body):
        if cast[change.session]:
            raise AmendError(change.after_votes(cast[change.session], "(imported)") + "; nothing was signed")
    raw = body.model_dump(mode="json")
    signed = Addendum(body, raw, sign_json(folder.authority_key(), ADDENDUM_DOMAIN, raw))
    try:
        amended = amend(state, signed)  # the same check every booth makes, before anything is written
    except AddendumError as exc:
        raise AmendError(str(exc)) from None
    path = addenda_dir(folder) / addendum_name(body.number)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(signed.to_bytes())
    codes = _record_codes(folder, amended, new_codes)
    return Issued(signed, path, codes)


def _record_codes(folder: ElectionDir, state: Amended, new_codes: dict[VoterId, str]) -> list[VoterCode]:
    if not new_codes:
        return []
    definition = state.definition
    rows = {v.voter_id: v for v in read_codes(folder.codes_path)}
    for voter_id, code in new_codes.items():
        voter = definition.voter(voter_id)
        language = voter.language or definition.languages[0]
        rows[voter_id] = VoterCode(voter_id, voter.name, voter.station, language, format_code(code))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for v in rows.values():
        group = definition.voter(v.voter_id).group or ""
        writer.writerow([v.voter_id, v.name, group, v.station, v.language, v.code])
    write_private(folder.codes_path, buffer.getvalue())
    return [rows[voter_id] for voter_id in new_codes]


def copy_to_stick(folder: ElectionDir, package: ElectionPackage, out: Path) -> list[Path]:
    """Every addendum so far onto the stick: a booth that missed one takes them in, in order."""
    out.mkdir(parents=True, exist_ok=True)
    copied = []
    for addendum in official_addenda(folder, package):
        name = addendum_name(addendum.number)
        shutil.copyfile(addenda_dir(folder) / name, out / name)
        copied.append(out / name)
    return copied
