"""The booth shards (docs/e2e-spec.md §10): cast ballots, checked ballots and marks, as JSON lines.

Each file starts with a header line naming its format, session and station; then one object a line.
"""

from __future__ import annotations

from typing import Literal

from isoloir_verify.codec import ElementB64, Hash32, ScalarB64, Strict


class BoothHeader(Strict):
    session: str
    station: str


class BallotsHeader(BoothHeader):
    format: Literal["isoloir-record/1 ballots"]


class CheckedHeader(BoothHeader):
    format: Literal["isoloir-record/1 checked"]


class MarksHeader(BoothHeader):
    format: Literal["isoloir-record/1 marks"]


class QuestionBallot(Strict):
    ct: list[tuple[ElementB64, ElementB64]]
    p: list[tuple[ScalarB64, ScalarB64, ScalarB64, ScalarB64]]
    sp: list[ScalarB64]


class CastBallot(Strict):
    code: Hash32
    group: str
    weight: int
    voter: str
    questions: list[QuestionBallot]


class CheckedBallot(Strict):
    code: Hash32
    group: str
    weight: int
    voter: str
    nonce: Hash32
    choices: dict[str, list[str]]


class Mark(Strict):
    voter: str
