"""The parts of manifest.json (the election definition's exact bytes) that the checks read.

The manifest's schema is the election definition's, not the record's: docs/e2e-spec.md does not
restate it. This model reads only what the spec's formulas name (sessions and their mode and
counts_by_group, questions with kind, options or lists, allow_blank, min, max, the rule and seats,
stations, voters with station, sessions, group and weight) and ignores the texts. The file is hashed as
bytes (V2), so ignoring a field cannot change what the record commits to.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Choice(_Part):
    id: str
    role: str = "other"


class Question(_Part):
    id: str
    kind: Literal["single", "multiple", "list"]
    allow_blank: bool = False
    options: list[Choice] = Field(default_factory=list)
    lists: list[Choice] = Field(default_factory=list)
    min: int = 1
    max: int = 1

    @property
    def choices(self) -> list[str]:
        return [c.id for c in (self.lists if self.kind == "list" else self.options)]

    @property
    def has_blank_flag(self) -> bool:
        return self.kind == "multiple" and self.allow_blank

    @property
    def ciphertexts(self) -> int:
        return len(self.choices) + (1 if self.has_blank_flag else 0)

    @property
    def lo_hi(self) -> tuple[int, int]:
        """The range of S_q for a `multiple` question (spec §6.1, §11.2)."""
        return max(self.min, 1), self.max

    @property
    def value_set(self) -> list[int]:
        """S_q, ascending (spec §6.1)."""
        if self.kind == "multiple":
            lo, hi = self.lo_hi
            return list(range(lo, hi + 1))
        return [0, 1] if self.allow_blank else [1]

    @property
    def weights(self) -> list[int]:
        """w_oi: options 1, the blank flag hi (spec §6.1)."""
        return [1] * len(self.choices) + ([self.lo_hi[1]] if self.has_blank_flag else [])


class Session(_Part):
    id: str
    mode: Literal["secret", "recorded", "show-of-hands"] = "secret"
    counts_by_group: bool = False
    weighting: Literal["none", "by-group", "per-voter"] = "none"  # §9.1a
    questions: list[Question]

    @property
    def carries_group(self) -> bool:
        """Its ballots carry the voter's group (§5): counted by group, a show of hands, or weighted
        by group."""
        return self.counts_by_group or self.mode == "show-of-hands" or self.weighting == "by-group"


class Station(_Part):
    id: str


class Voter(_Part):
    id: str
    station: str
    sessions: list[str]
    group: str | None = None
    weight: int = 1  # the roll's mandates: a ballot's ctx weight in a vote weighted per voter (§5)


class Group(_Part):
    id: str


class Manifest(_Part):
    id: str
    groups: list[Group] = Field(default_factory=list)
    sessions: list[Session]
    stations: list[Station]
    voters: list[Voter]

    @cached_property
    def sessions_by_id(self) -> dict[str, Session]:
        return {s.id: s for s in self.sessions}

    @cached_property
    def voters_by_id(self) -> dict[str, Voter]:
        return {v.id: v for v in self.voters}

    @cached_property
    def station_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.stations)

    def eligible(self, session: str, station: str | None) -> list[Voter]:
        """The voters of the session at that station, or at any station (None: a booth of a hall)."""
        return [v for v in self.voters if station in (None, v.station) and session in v.sessions]


def context_group(session: Session, voter: Voter) -> str:
    """The ctx group of a voter's ballot (spec §5): her group if the session carries groups."""
    return (voter.group or "") if session.carries_group else ""


def context_weight(session: Session, voter: Voter) -> int:
    """The ctx weight of a voter's ballot (spec §5): the roll's weight in a vote weighted per voter,
    else 1 (a vote weighted by group applies its weights at the tally, §9.1a)."""
    return voter.weight if session.weighting == "per-voter" else 1


def context_voter(session: Session, voter: Voter) -> str:
    return voter.id if session.mode == "recorded" else ""
