"""A voter's selections in one session, their validation, and the ballot's canonical encoding.

The encoding has one fixed length per session (a bitmap per question), so the ciphertext's length
reveals nothing about the choices. It carries the voter's group only when the session counts by group,
and the voter only in a recorded (named) vote.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.ballot.definition import BallotMode, ElectionDefinition, VotingSession
from kiosk.ballot.ids import SessionId, VoterId

Selections = Mapping[str, tuple[str, ...]]  # question id -> chosen option or list ids; () is blank
ENCODING_VERSION = 1
_NO_GROUP = 0xFF
_NO_VOTER = 0xFFFFFFFF


class SelectionError(ValueError):
    """The selections do not fit the session's questions (a programming or input error)."""


@dataclass(frozen=True)
class DecodedBallot:
    session_id: SessionId
    answers: dict[str, tuple[str, ...]]
    group: str | None
    voter: VoterId | None


def validate_selections(session: VotingSession, selections: Selections) -> None:
    expected = {q.id for q in session.questions}
    unknown = set(selections) - expected
    if unknown:
        raise SelectionError(f"no question {sorted(unknown)[0]!r} in session {session.id!r}")
    for question in session.questions:
        chosen = selections.get(question.id, ())
        if len(set(chosen)) != len(chosen):
            raise SelectionError(f"{question.id}: the same choice is selected twice")
        bad = [c for c in chosen if c not in question.choices]
        if bad:
            raise SelectionError(f"{question.id}: no choice {bad[0]!r}")
        if not chosen:
            if not question.allow_blank:
                raise SelectionError(f"{question.id}: an answer is required")
            continue
        if not question.min_choices <= len(chosen) <= question.max_choices:
            raise SelectionError(
                f"{question.id}: choose between {question.min_choices} and {question.max_choices}"
            )


def encode_ballot(
    election: ElectionDefinition,
    session: VotingSession,
    selections: Selections,
    voter_id: VoterId,
) -> bytes:
    validate_selections(session, selections)
    voter = election.voter(voter_id)
    group = _NO_GROUP
    if session.carries_group and voter.group is not None:
        group = [g.id for g in election.groups].index(voter.group)
    voter_index = _NO_VOTER
    if session.mode is BallotMode.RECORDED:
        voter_index = [v.id for v in election.voters].index(voter_id)
    out = bytearray([ENCODING_VERSION, group])
    out += voter_index.to_bytes(4, "big")
    for question in session.questions:
        bits = 0
        for choice in selections.get(question.id, ()):
            bits |= 1 << question.choices.index(choice)
        out += bits.to_bytes(_bitmap_size(len(question.choices)), "big")
    return bytes(out)


def _bitmap_size(choices: int) -> int:
    return (choices + 7) // 8


def encoded_size(session: VotingSession) -> int:
    return 6 + sum(_bitmap_size(len(q.choices)) for q in session.questions)


def decode_ballot(election: ElectionDefinition, session: VotingSession, data: bytes) -> DecodedBallot:
    """Reads a decrypted ballot; raises SelectionError if it does not fit the session."""
    if len(data) != encoded_size(session) or data[0] != ENCODING_VERSION:
        raise SelectionError(f"a ballot of session {session.id!r} has the wrong layout")
    group_index, voter_index = data[1], int.from_bytes(data[2:6], "big")
    if group_index != _NO_GROUP and group_index >= len(election.groups):
        raise SelectionError(f"a ballot of session {session.id!r} names no known group")
    if voter_index != _NO_VOTER and voter_index >= len(election.voters):
        raise SelectionError(f"a ballot of session {session.id!r} names no known voter")
    group = None if group_index == _NO_GROUP else election.groups[group_index].id
    voter = None if voter_index == _NO_VOTER else election.voters[voter_index].id
    answers: dict[str, tuple[str, ...]] = {}
    offset = 6
    for question in session.questions:
        size = _bitmap_size(len(question.choices))
        bits = int.from_bytes(data[offset : offset + size], "big")
        offset += size
        answers[question.id] = tuple(c for i, c in enumerate(question.choices) if bits >> i & 1)
    validate_selections(session, answers)
    return DecodedBallot(session.id, answers, group, voter)
