"""tally/<session>.json and recorded/<session>.jsonl (docs/e2e-spec.md §10, both *draft* there)."""

from __future__ import annotations

from typing import Any, Literal

from isoloir_verify.codec import BytesB64, ElementB64, Hash32, ScalarB64, Strict


class Decryption(Strict):
    trustee: int
    shares: list[ElementB64]
    proofs: list[tuple[ScalarB64, ScalarB64]]


class Aggregate(Strict):
    group: str
    ct: list[tuple[ElementB64, ElementB64]]
    bound: int
    decryptions: list[Decryption]
    values: list[int]


class WeightClass(Strict):
    """A weighted session's group class (§9.1a): its aggregate, published and never decrypted."""

    group: str
    weight: int
    ballots: int
    ct: list[tuple[ElementB64, ElementB64]]


class GroupWeight(Strict):
    id: str
    members: int
    weight: int


class TallyWeights(Strict):
    weighting: Literal["by-group"]
    as_of_addendum: int
    groups: list[GroupWeight]


class TallyQuestion(Strict):
    question: str
    aggregates: list[Aggregate]
    blank: int
    classes: list[WeightClass] | None = None  # a session weighted by group only (§9.1a)


class Tally(Strict):
    format: Literal["isoloir-record/1 tally"]
    session: str
    questions: list[TallyQuestion]
    lot_seed: BytesB64 | None
    seats: Any  # the spec names the field but not its shape yet (V12)
    weights: TallyWeights | None = None  # a session weighted by group only (§9.1a)


class RecordedHeader(Strict):
    format: Literal["isoloir-record/1 recorded"]
    session: str


class RecordedBallot(Strict):
    voter: str
    code: Hash32
    decryptions: list[list[Decryption]]  # per qi, as in the tally
    values: list[list[int]]  # [m per oi] per qi
