"""A cast ballot as one line of the published record (`ballots/<session>/<station>.jsonl`).

Every 32-byte value is unpadded base64url with exactly one accepted text; every element and scalar is
validated as it is read, by the one decoder of the group. Spec: docs/e2e-spec.md §10.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.ballot.crypto import wire
from kiosk.ballot.crypto.chaum_pedersen import DisjunctiveProof, ProofPair
from kiosk.ballot.crypto.elgamal import Ciphertext
from kiosk.ballot.crypto.group import GroupError, Point, Scalar
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.crypto.wire import WireError, b64encode
from kiosk.ballot.definition import VotingSession
from kiosk.ballot.e2e_ballot import EncryptedBallot, EncryptedQuestion
from kiosk.ballot.e2e_layout import BallotContext
from kiosk.ballot.ids import SessionId, StationId, VoterId

BALLOT_FIELDS = {"code", "group", "weight", "voter", "questions"}
QUESTION_FIELDS = {"ct", "p", "sp"}


class RecordError(ValueError):
    """A record value that is not what the spec allows; the message says which and why."""


def b64decode(text: object, size: int = 32) -> bytes:
    """Reads unpadded base64url of exactly `size` bytes; padding, other letters and spare bits refused."""
    if not isinstance(text, str) or len(text) != (4 * size + 2) // 3:
        raise RecordError(f"not {size} bytes in unpadded base64url: {str(text)[:50]!r}")
    try:
        return wire.b64decode(text)
    except WireError as exc:
        raise RecordError(f"{exc}: {text[:50]!r}") from None


def _point(text: object, check: bool = True) -> Point:
    try:
        data = b64decode(text)
        return Point.decode(data) if check else Point.decode_unchecked(data)
    except GroupError as exc:
        raise RecordError(f"{text!r}: {exc}") from None


def _scalar(text: object) -> Scalar:
    try:
        return Scalar.decode(b64decode(text))
    except GroupError as exc:
        raise RecordError(f"{text!r}: {exc}") from None


def _pairs(values: object) -> DisjunctiveProof:
    if not isinstance(values, list) or len(values) % 2 or not values:
        raise RecordError("a proof is a non-empty flat list of challenge, response pairs")
    return tuple(ProofPair(_scalar(c), _scalar(v)) for c, v in zip(values[::2], values[1::2], strict=True))


def _flat(proof: DisjunctiveProof) -> list[str]:
    return [b64encode(s.encode()) for pair in proof for s in (pair.challenge, pair.response)]


def ballot_to_json(ballot: EncryptedBallot) -> dict[str, Any]:
    context = ballot.context
    questions = [
        {
            "ct": [[b64encode(ct.alpha.encode()), b64encode(ct.beta.encode())] for ct in q.ciphertexts],
            "p": [_flat(proof) for proof in q.option_proofs],
            "sp": _flat(q.question_proof),
        }
        for q in ballot.questions
    ]
    return {
        "code": b64encode(ballot.code),
        "group": context.group,
        "weight": context.weight,
        "voter": context.voter,
        "questions": questions,
    }


def ballot_from_json(line: object, session: SessionId, station: StationId,
                     check_points: bool = True, read_proofs: bool = True) -> EncryptedBallot:
    """Reads one ballot line; session and station come from the file's header (its shard keys).
    check_points=False: the elements are left to be validated by whoever computes with them (the
    proof workers of the import or the hall, who read the same line again: Point.decode_unchecked).
    read_proofs=False: the proofs are not read, their places left empty (verify_ballot refuses such
    a ballot), for a reader that never checks them: the proof workers read them from the same line,
    or they were checked before these lines were stored (a tally's sums)."""
    if not isinstance(line, dict) or set(line) != BALLOT_FIELDS:
        raise RecordError(f"a ballot line has exactly the fields {sorted(BALLOT_FIELDS)}")
    group, weight, voter = line["group"], line["weight"], line["voter"]
    if not isinstance(group, str) or not isinstance(voter, str):
        raise RecordError('a ballot\'s group and voter are strings ("" when absent)')
    if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight < 2**32:
        raise RecordError("a ballot's weight is a whole number from 1")
    questions = line["questions"]
    if not isinstance(questions, list):
        raise RecordError("a ballot's questions are a list")
    context = BallotContext(session, station, group, weight, VoterId(voter))
    cast = tuple(_question(q, check_points, read_proofs) for q in questions)
    return EncryptedBallot(context, cast, Digest(b64decode(line["code"])))


def _context(line: dict[str, Any], session: SessionId, station: StationId) -> BallotContext:
    group, weight, voter = line["group"], line["weight"], line["voter"]
    if not isinstance(group, str) or not isinstance(voter, str):
        raise RecordError('a ballot\'s group and voter are strings ("" when absent)')
    if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight < 2**32:
        raise RecordError("a ballot's weight is a whole number from 1")
    return BallotContext(session, station, group, weight, VoterId(voter))


def _question(value: object, check_points: bool = True, read_proofs: bool = True) -> EncryptedQuestion:
    if not isinstance(value, dict) or set(value) != QUESTION_FIELDS:
        raise RecordError(f"a question has exactly the fields {sorted(QUESTION_FIELDS)}")
    cts, proofs = value["ct"], value["p"]
    if not isinstance(cts, list) or not isinstance(proofs, list):
        raise RecordError("a question's ct and p are lists")
    ciphertexts = []
    for pair in cts:
        if not isinstance(pair, list) or len(pair) != 2:
            raise RecordError("a ciphertext is a pair [α, β]")
        ciphertexts.append(Ciphertext(_point(pair[0], check_points), _point(pair[1], check_points)))
    if not read_proofs:
        return EncryptedQuestion(tuple(ciphertexts), (), ())
    return EncryptedQuestion(tuple(ciphertexts), tuple(_pairs(p) for p in proofs), _pairs(value["sp"]))


CHECKED_FIELDS = {"code", "group", "weight", "voter", "nonce", "choices"}


@dataclass(frozen=True, slots=True)
class CheckedBallot:
    """A challenged ballot as published: never counted, opened by its nonce (docs/e2e-spec.md §7.6)."""

    context: BallotContext
    code: Digest
    nonce: Digest
    choices: dict[str, tuple[str, ...]]


def checked_to_json(checked: CheckedBallot) -> dict[str, Any]:
    context = checked.context
    return {
        "code": b64encode(checked.code),
        "group": context.group,
        "weight": context.weight,
        "voter": context.voter,
        "nonce": b64encode(checked.nonce),
        "choices": {question: list(ids) for question, ids in checked.choices.items()},
    }


def checked_from_json(line: object, session: VotingSession, station: StationId) -> CheckedBallot:
    """Reads one checked-ballot line; its choices must name every question of the session."""
    if not isinstance(line, dict) or set(line) != CHECKED_FIELDS:
        raise RecordError(f"a checked ballot line has exactly the fields {sorted(CHECKED_FIELDS)}")
    context = _context(line, session.id, station)
    choices = line["choices"]
    if not isinstance(choices, dict) or set(choices) != {q.id for q in session.questions}:
        raise RecordError("a checked ballot's choices name every question of its session, and only those")
    answers: dict[str, tuple[str, ...]] = {}
    for question, ids in choices.items():
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise RecordError(f"the choices of {question!r} are a list of choice ids")
        answers[question] = tuple(ids)
    return CheckedBallot(context, Digest(b64decode(line["code"])), Digest(b64decode(line["nonce"])), answers)
