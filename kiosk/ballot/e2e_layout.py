"""What an end-to-end ballot holds: its clear context, and the ciphertext layout per question kind.

One ciphertext per option or list, always (the ballot's size says nothing), plus a blank flag for a
"choose k" question that allows blank, whose blank cannot be derived from the option sums. Each
question states the set S_q its weighted sum must fall in. Spec: docs/e2e-spec.md §5, §6.1–§6.2.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ballot.crypto.hashing import Digest, Ints, Tag, h
from kiosk.ballot.definition import (
    BallotMode,
    ElectionDefinition,
    ListChoice,
    MultipleChoice,
    SingleChoice,
    VotingSession,
    Weighting,
)
from kiosk.ballot.ids import SessionId, StationId, VoterId
from kiosk.ballot.selections import Selections, validate_selections

CONTEXT_FORMAT = "isoloir-ballot/2"
OPTION_VALUES: Ints = (0, 1)  # what each single ciphertext may encrypt
NO_VOTER = VoterId("")  # a secret ballot's voter field: hashed as the empty text


@dataclass(frozen=True, slots=True)
class BallotContext:
    """The clear labels a ballot carries, hashed into ctx and so into every proof and the code."""

    session: SessionId
    station: StationId
    group: str = ""  # only when the session counts by group
    weight: int = 1
    voter: VoterId = NO_VOTER  # only in a recorded (named) session

    def digest(self, extended_hash: Digest) -> Digest:
        fields = (CONTEXT_FORMAT, self.session, self.station, self.group, self.weight, self.voter)
        return h(extended_hash, Tag.CONTEXT, *fields)


def context_for(
    election: ElectionDefinition, session: VotingSession, station: StationId, voter_id: VoterId
) -> BallotContext:
    """The context the rules give the ballot of voter_id's vote: group and voter only where the
    session says. voter_id is whose vote it is, the one the booth marks: an adviser voting under a
    delegation casts the delegate's (their group, mandates and name), as the marks say.

    The group when the session counts by group, is a show of hands or is weighted by group (§5).
    The weight is the roll's (election as amended) in a vote weighted per voter, else 1."""
    voter = election.voter(voter_id)
    group = voter.group if session.carries_group and voter.group is not None else ""
    named = voter.id if session.mode is BallotMode.RECORDED else NO_VOTER
    weight = voter.weight if session.weighting is Weighting.PER_VOTER else 1
    return BallotContext(session.id, station, group, weight, named)


@dataclass(frozen=True, slots=True)
class QuestionLayout:
    question_id: str
    choices: tuple[str, ...]  # option or list ids, in ciphertext order
    blank_flag: bool  # a last ciphertext that is 1 exactly when the answer is blank
    weights: tuple[int, ...]  # per ciphertext, in the question's weighted sum
    allowed: Ints  # S_q: the values the weighted sum may take, ascending

    @property
    def size(self) -> int:
        return len(self.weights)

    def plaintext(self, chosen: tuple[str, ...]) -> tuple[int, ...]:
        values = [1 if choice in chosen else 0 for choice in self.choices]
        if self.blank_flag:
            values.append(0 if chosen else 1)
        return tuple(values)

    def chosen(self, plaintext: tuple[int, ...]) -> tuple[str, ...]:
        return tuple(c for c, m in zip(self.choices, plaintext, strict=False) if m == 1)

    def value(self, plaintext: tuple[int, ...]) -> int:
        return sum(w * m for w, m in zip(self.weights, plaintext, strict=True))


def question_layout(question: SingleChoice | MultipleChoice | ListChoice) -> QuestionLayout:
    choices = tuple(question.choices)
    if isinstance(question, MultipleChoice):
        # An empty answer is refused unless blank is allowed (selections.py), even when min = 0;
        # with a flag, blank sums to max exactly and a flag with any option chosen exceeds it.
        low, high = max(question.min, 1), question.max
        weights = (1,) * len(choices) + ((high,) if question.allow_blank else ())
        return QuestionLayout(
            question.id, choices, question.allow_blank, weights, tuple(range(low, high + 1))
        )
    allowed: Ints = (0, 1) if question.allow_blank else (1,)
    return QuestionLayout(question.id, choices, False, (1,) * len(choices), allowed)


def session_layout(session: VotingSession) -> tuple[QuestionLayout, ...]:
    return tuple(question_layout(q) for q in session.questions)


def plaintext_vector(session: VotingSession, selections: Selections) -> tuple[tuple[int, ...], ...]:
    """The m of every ciphertext, per question; raises SelectionError for choices the rules refuse."""
    validate_selections(session, selections)
    return tuple(
        layout.plaintext(selections.get(layout.question_id, ())) for layout in session_layout(session)
    )


def plaintext_bytes(plaintext: tuple[tuple[int, ...], ...]) -> bytes:
    """One byte per ciphertext, all questions in order: hashed into every nonce, printed on a checked slip."""
    return bytes(m for question in plaintext for m in question)
