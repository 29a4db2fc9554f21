"""The questions of a voting session: their kinds (one choice, several, a list for seats), options,
rules (majority, quorum) and seat allocation. Parsed with the definition (`definition.py`)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kiosk.ballot.ids import ElectionId, SessionId, StationId, VoterId

Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
# The definition's ids, each of its own type (kiosk/ballot/ids.py), checked as any Identifier.
_ID_PATTERN = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
ElectionIdField = Annotated[ElectionId, _ID_PATTERN]
SessionIdField = Annotated[SessionId, _ID_PATTERN]
VoterIdField = Annotated[VoterId, _ID_PATTERN]
StationIdField = Annotated[StationId, _ID_PATTERN]
Text = dict[str, str]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Majority(StrEnum):
    SIMPLE = "simple"  # more yes than no
    TWO_THIRDS = "two-thirds"  # yes at least two thirds of the votes cast
    PLURALITY = "plurality"  # the options with the most votes (multiple choice)
    NONE = "none"  # counted only


class QuorumBase(StrEnum):
    ELIGIBLE = "eligible"  # the session's eligible voters
    ATTENDING = "attending"  # the number attending, entered by officials at tally time


class SeatMethod(StrEnum):
    HIGHEST_AVERAGE = "highest-average"  # D'Hondt
    LARGEST_REMAINDER = "largest-remainder"  # Hare quota


class TieBreak(StrEnum):
    MOST_VOTES = "most-votes"  # the list with more votes wins the tie, then the order in the definition
    ORDER = "order"  # the list first in the definition wins
    LOT = "lot"  # drawn by lot with a seed officials enter at tally time


class OptionRole(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    OTHER = "other"


class Option(Model):
    id: Identifier
    label: Text
    role: OptionRole = OptionRole.OTHER


class CandidateList(Model):
    id: Identifier
    label: Text
    candidates: list[str] = Field(default_factory=list)


class Quorum(Model):
    share: float = Field(gt=0, le=1)
    base: QuorumBase = QuorumBase.ELIGIBLE


class Rule(Model):
    majority: Majority = Majority.SIMPLE
    count_abstentions: bool = False  # whether abstentions count among the votes cast
    quorum: Quorum | None = None


class Seats(Model):
    seats: int = Field(ge=1)
    method: SeatMethod = SeatMethod.HIGHEST_AVERAGE
    tie_break: TieBreak = TieBreak.MOST_VOTES


class QuestionBase(Model):
    id: Identifier
    title: Text
    description: Text | None = None
    allow_blank: bool = False


class SingleChoice(QuestionBase):
    kind: Literal["single"]
    options: list[Option] = Field(min_length=2)
    rule: Rule = Rule()

    @property
    def choices(self) -> list[str]:
        return [option.id for option in self.options]

    @property
    def max_choices(self) -> int:
        return 1

    @property
    def min_choices(self) -> int:
        return 1


class MultipleChoice(QuestionBase):
    kind: Literal["multiple"]
    options: list[Option] = Field(min_length=2)
    min: int = Field(default=1, ge=0)
    max: int = Field(ge=1)
    rule: Rule = Rule(majority=Majority.PLURALITY)

    @model_validator(mode="after")
    def _bounds_fit(self) -> MultipleChoice:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max})")
        if self.max > len(self.options):
            raise ValueError(f"max ({self.max}) is above the number of options ({len(self.options)})")
        return self

    @property
    def choices(self) -> list[str]:
        return [option.id for option in self.options]

    @property
    def max_choices(self) -> int:
        return self.max

    @property
    def min_choices(self) -> int:
        return self.min


class ListChoice(QuestionBase):
    kind: Literal["list"]
    lists: list[CandidateList] = Field(min_length=1)
    seats: Seats

    @property
    def choices(self) -> list[str]:
        return [lst.id for lst in self.lists]

    @property
    def max_choices(self) -> int:
        return 1

    @property
    def min_choices(self) -> int:
        return 1


Question = Annotated[SingleChoice | MultipleChoice | ListChoice, Field(discriminator="kind")]
