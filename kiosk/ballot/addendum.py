"""The addendum: a small file, signed by the election authority, that amends a provisioned election.

Once booths are set up the package cannot change (each booth's certificate binds its fingerprint),
yet a conference changes during the conference: the Credentials Committee records delegations of
the vote to advisers, adds or strikes off voters and reissues lost codes; a vote is added to the day's
order of business. Each such change travels as an addendum, numbered in sequence (1, 2, ...), naming
the package it amends and chaining to the previous addendum's digest, so that a booth takes them in
one by one and notices one skipped, repeated or out of order. The booth or the hall reads the bytes;
where they come from (a stick, the hall's network) is not this module's concern.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.ballot.canonical import canonical_json, sha256_hex
from kiosk.ballot.definition import Voter, VotingSession, Weighting
from kiosk.ballot.package import ElectionPackage, InvalidText, load_json_text
from kiosk.ballot.questions import ElectionIdField, SessionIdField, VoterIdField
from kiosk.ballot.signing import SignatureError, verify_json

ADDENDUM_FORMAT = "isoloir-addendum/1"
ADDENDUM_DOMAIN = "isoloir election addendum"  # an addendum's signature passes for no other document
ADDENDUM_PREFIX, ADDENDUM_SUFFIX = "addendum-", ".json"
# A day's addendum holds a vote and a few changes of the roll (~10 kB); a whole roll of new voters
# for a large conference stays under a megabyte. Anything larger is not an addendum.
MAX_ADDENDUM_BYTES = 4 * 1024 * 1024
_HASH = r"^[0-9a-f]{64}$"


def addendum_name(number: int) -> str:
    """The file name an addendum travels under: sorted by name is sorted by number."""
    return f"{ADDENDUM_PREFIX}{number:04d}{ADDENDUM_SUFFIX}"


class AddendumRefusal(StrEnum):
    """Why an addendum was not taken in (nothing changed); the poll worker's screen translates it."""

    NO_ADDENDUM = "no_addendum"  # nothing that looks like an addendum on the stick
    MALFORMED = "malformed"  # not an addendum at all, or damaged
    NOT_SIGNED = "not_signed"  # not signed by this election's authority, or altered since
    OTHER_ELECTION = "other_election"  # amends another election, or another package of this one
    REPEATED = "repeated"  # already taken in (a replay)
    SKIPPED = "skipped"  # an earlier addendum has not been taken in yet
    OUT_OF_SEQUENCE = "out_of_sequence"  # does not follow the addenda this booth holds
    DOES_NOT_FIT = "does_not_fit"  # its changes do not fit the election as amended so far
    NOT_THE_ONE_READ = "not_the_one_read"  # the stick changed after the poll worker read the addendum
    # it changes the weighting of a vote in which ballots were already cast at this booth
    VOTES_CAST = "votes_cast"


class AddendumError(ValueError):
    """An addendum refused; reason for the screen, detail (English) for the log and officials, and
    what the screen's text names (the vote, for VOTES_CAST)."""

    def __init__(self, reason: AddendumRefusal, detail: str, names: tuple[str, ...] = ()) -> None:
        super().__init__(detail)
        self.reason, self.detail, self.names = reason, detail, names


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AddedSession(_Strict):
    session: VotingSession
    voters: list[VoterIdField] = Field(min_length=1)  # who may vote in it


class Delegation(_Strict):
    """The delegate's vote in one session, handed to an adviser of the same delegation."""

    session: SessionIdField
    delegate: VoterIdField
    adviser: VoterIdField


class Revocation(_Strict):
    session: SessionIdField
    delegate: VoterIdField


class WeightingChange(_Strict):
    """The officials declare a vote weighted (by group, or per voter), or no longer weighted."""

    session: SessionIdField
    weighting: Weighting


class CodeChange(_Strict):
    voter: VoterIdField
    code_hash: str = Field(pattern=_HASH)


class AddedVoter(_Strict):
    voter: Voter
    code_hash: str = Field(pattern=_HASH)


class AddendumBody(_Strict):
    format: Literal["isoloir-addendum/1"] = "isoloir-addendum/1"
    election_id: ElectionIdField
    election_fingerprint: str = Field(pattern=r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")
    number: int = Field(ge=1)
    previous: str = Field(pattern=r"^([0-9a-f]{64})?$")  # the digest of addendum number-1; "" for 1
    issued: str
    sessions: list[AddedSession] = Field(default_factory=list)
    voters: list[AddedVoter] = Field(default_factory=list)
    delegations: list[Delegation] = Field(default_factory=list)
    revocations: list[Revocation] = Field(default_factory=list)
    codes: list[CodeChange] = Field(default_factory=list)
    struck: list[VoterIdField] = Field(default_factory=list)  # voters struck off the roll
    weightings: list[WeightingChange] = Field(default_factory=list)


class _Signed(_Strict):
    body: dict[str, Any]
    signature: str


@dataclass(frozen=True)
class Addendum:
    """An addendum whose signature and election have been checked."""

    body: AddendumBody
    raw_body: dict[str, Any]
    signature: str

    @property
    def number(self) -> int:
        return self.body.number

    @property
    def digest(self) -> str:
        """The addendum's identity: the digest of its signed body, which the next one chains to."""
        return digest_of(self.raw_body)

    def to_bytes(self) -> bytes:
        signed = {"body": self.raw_body, "signature": self.signature}
        return json.dumps(signed, ensure_ascii=False, indent=1).encode()


def digest_of(raw_body: dict[str, Any]) -> str:
    return sha256_hex(canonical_json(raw_body))


def parse_addendum(data: bytes, package: ElectionPackage) -> Addendum:
    """The addendum in these bytes, signed by this package's authority and amending this package;
    AddendumError says why not. Its place in the sequence is checked by next_in_sequence."""
    if len(data) > MAX_ADDENDUM_BYTES:
        raise AddendumError(AddendumRefusal.MALFORMED, "the addendum is larger than any addendum is")
    try:
        signed = _Signed.model_validate(load_json_text(data))
    except (InvalidText, json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValidationError):
        raise AddendumError(AddendumRefusal.MALFORMED, "this is not an addendum") from None
    try:
        verify_json(package.body.authority_public_key, ADDENDUM_DOMAIN, signed.body, signed.signature)
    except SignatureError:
        raise AddendumError(
            AddendumRefusal.NOT_SIGNED,
            "the addendum is not signed by this election's authority, or was altered",
        ) from None
    try:
        body = AddendumBody.model_validate(signed.body)
    except ValidationError as exc:
        detail = f"the addendum is malformed: {exc.errors()[0]['msg']}"
        raise AddendumError(AddendumRefusal.MALFORMED, detail) from None
    if body.election_id != package.election_id or body.election_fingerprint != package.fingerprint:
        raise AddendumError(
            AddendumRefusal.OTHER_ELECTION,
            f"the addendum amends election {body.election_id!r} (package {body.election_fingerprint}), "
            f"not {package.election_id!r} (package {package.fingerprint})",
        )
    return Addendum(body, signed.body, signed.signature)


def next_in_sequence(addendum: Addendum, held: list[Addendum]) -> None:
    """Refuses an addendum that is not the one after those held: repeated, skipping one, or not
    chained to the last one held (AddendumError)."""
    expected = len(held) + 1
    if addendum.number < expected:
        if held[addendum.number - 1].digest == addendum.digest:
            raise AddendumError(AddendumRefusal.REPEATED, f"addendum {addendum.number} was already taken in")
        raise AddendumError(
            AddendumRefusal.OUT_OF_SEQUENCE,
            f"another addendum {addendum.number} was already taken in; this one does not follow it",
        )
    if addendum.number > expected:
        raise AddendumError(
            AddendumRefusal.SKIPPED,
            f"this is addendum {addendum.number}; addendum {expected} must be taken in first",
        )
    previous = held[-1].digest if held else ""
    if addendum.body.previous != previous:
        raise AddendumError(
            AddendumRefusal.OUT_OF_SEQUENCE,
            f"addendum {addendum.number} does not follow addendum {addendum.number - 1} as held here",
        )
