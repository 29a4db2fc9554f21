"""The review of a session's answers before the voter submits: each question answered, abstained
or left without an answer (flagged)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kiosk.ballot.definition import OptionRole, Question, VotingSession


class AnswerState(StrEnum):
    ANSWERED = "answered"
    ABSTAINED = "abstained"  # an abstention is an answer
    NO_ANSWER = "no_answer"  # left blank: flagged on the review


@dataclass(frozen=True)
class ReviewItem:
    question_id: str
    index: int
    chosen: tuple[str, ...]
    state: AnswerState


def review_items(session: VotingSession, selections: Mapping[str, tuple[str, ...]]) -> list[ReviewItem]:
    return [_item(i, q, selections.get(q.id, ())) for i, q in enumerate(session.questions)]


def _item(index: int, question: Question, chosen: tuple[str, ...]) -> ReviewItem:
    if not chosen:
        state = AnswerState.NO_ANSWER
    elif _is_abstention(question, chosen):
        state = AnswerState.ABSTAINED
    else:
        state = AnswerState.ANSWERED
    return ReviewItem(question.id, index, chosen, state)


def _is_abstention(question: Question, chosen: tuple[str, ...]) -> bool:
    options = getattr(question, "options", [])
    roles = {o.id: o.role for o in options}
    return all(roles.get(c) is OptionRole.ABSTAIN for c in chosen)
