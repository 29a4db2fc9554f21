"""The election definition: sessions, questions, options, rules, languages, voters and booths.

Parsed from JSON with pydantic at the edge; every error names the path and what is wrong.
Inside the program the definition is trusted and immutable.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

# Languages every election must offer: the conference's three working languages.
REQUIRED_LANGUAGES = ("en", "fr", "es")
Identifier = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
Text = dict[str, str]


class DefinitionError(ValueError):
    """The definition file is not a valid election: the message lists each path and problem."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BallotMode(StrEnum):
    SECRET = "secret"
    RECORDED = "recorded"  # a named record vote: each ballot carries its voter
    # The ILC's show of hands: counts per group (Government, Employers, Workers) are always
    # published, as the Conference does, and no individual vote; ballots carry the voter's group.
    SHOW_OF_HANDS = "show-of-hands"


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


class VotingSession(Model):
    id: Identifier
    title: Text
    mode: BallotMode = BallotMode.SECRET
    counts_by_group: bool = False  # ballots then carry the voter's group, nothing more
    questions: list[Question] = Field(min_length=1)

    @property
    def carries_group(self) -> bool:
        """Whether each ballot carries its voter's group: to count by group, or a show of hands."""
        return self.counts_by_group or self.mode is BallotMode.SHOW_OF_HANDS

    def question(self, question_id: str) -> SingleChoice | MultipleChoice | ListChoice:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


class VoterGroup(Model):
    id: Identifier
    name: Text


class Voter(Model):
    id: Identifier
    name: str = Field(min_length=1)
    group: Identifier | None = None
    sessions: list[Identifier]
    station: Identifier
    language: str | None = None  # the language of the voter's notice
    # The delegation (a member State's) the voter belongs to: a delegate may hand their vote only to
    # an adviser of the same delegation and group (ILO Constitution, article 3, paragraph 8).
    delegation: Identifier | None = None


class PollWorker(Model):
    id: Identifier
    name: str = Field(min_length=1)
    stations: list[Identifier]


class Station(Model):
    id: Identifier
    name: Text


class ElectionDefinition(Model):
    id: Identifier
    title: Text
    languages: list[str] = Field(min_length=1)
    groups: list[VoterGroup] = Field(default_factory=list)
    sessions: list[VotingSession] = Field(min_length=1)
    stations: list[Station] = Field(min_length=1)
    voters: list[Voter] = Field(min_length=1)
    poll_workers: list[PollWorker] = Field(default_factory=list)
    verify_url: str = Field(default="", description="where voters check their tracking code")

    @model_validator(mode="after")
    def _consistent(self) -> ElectionDefinition:
        problems = [*self._language_problems(), *self._reference_problems()]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _language_problems(self) -> list[str]:
        missing = [lang for lang in REQUIRED_LANGUAGES if lang not in self.languages]
        problems = [f"languages: {', '.join(missing)} must be offered"] if missing else []
        for path, text in self._texts():
            absent = [lang for lang in self.languages if not text.get(lang, "").strip()]
            if absent:
                problems.append(f"{path}: no text in {', '.join(absent)}")
        return problems

    def _texts(self) -> list[tuple[str, Text]]:
        texts: list[tuple[str, Text]] = [("title", self.title)]
        texts += [(f"groups.{g.id}.name", g.name) for g in self.groups]
        texts += [(f"stations.{s.id}.name", s.name) for s in self.stations]
        for session in self.sessions:
            texts.append((f"sessions.{session.id}.title", session.title))
            for q in session.questions:
                base = f"sessions.{session.id}.questions.{q.id}"
                texts.append((f"{base}.title", q.title))
                if q.description is not None:
                    texts.append((f"{base}.description", q.description))
                items = q.lists if isinstance(q, ListChoice) else q.options
                texts += [(f"{base}.{item.id}.label", item.label) for item in items]
        return texts

    def _reference_problems(self) -> list[str]:
        problems = [*_duplicates("sessions", [s.id for s in self.sessions])]
        problems += _duplicates("voters", [v.id for v in self.voters])
        problems += _duplicates("stations", [s.id for s in self.stations])
        problems += _duplicates("groups", [g.id for g in self.groups])
        for session in self.sessions:
            problems += _duplicates(f"sessions.{session.id}.questions", [q.id for q in session.questions])
            for q in session.questions:
                problems += _duplicates(f"sessions.{session.id}.questions.{q.id}", q.choices)
        sessions = {s.id for s in self.sessions}
        stations = {s.id for s in self.stations}
        groups = {g.id for g in self.groups}
        for voter in self.voters:
            where = f"voters.{voter.id}"
            problems += [f"{where}.sessions: no session {s!r}" for s in voter.sessions if s not in sessions]
            if voter.station not in stations:
                problems.append(f"{where}.station: no station {voter.station!r}")
            if voter.group is not None and voter.group not in groups:
                problems.append(f"{where}.group: no group {voter.group!r}")
        for worker in self.poll_workers:
            bad = [s for s in worker.stations if s not in stations]
            problems += [f"poll_workers.{worker.id}.stations: no station {s!r}" for s in bad]
        return problems

    def session(self, session_id: str) -> VotingSession:
        for session in self.sessions:
            if session.id == session_id:
                return session
        raise KeyError(session_id)

    def voter(self, voter_id: str) -> Voter:
        return self._voters_by_id[voter_id]  # KeyError for an unknown voter

    @cached_property
    def _voters_by_id(self) -> dict[str, Voter]:
        # Every cast and login looks a voter up: a scan of a 100,000-delegate roll each time adds up.
        return {v.id: v for v in self.voters}

    def voters_at(self, station_id: str) -> list[Voter]:
        return [v for v in self.voters if v.station == station_id]

    def eligible_count(self, session_id: str) -> int:
        return sum(1 for v in self.voters if session_id in v.sessions)


def _duplicates(path: str, ids: list[str]) -> list[str]:
    seen: set[str] = set()
    repeated = sorted({i for i in ids if i in seen or seen.add(i)})  # type: ignore[func-returns-value]
    return [f"{path}: id {i!r} is used twice" for i in repeated]


def parse_definition(data: bytes | str) -> ElectionDefinition:
    """Parses and checks a definition; raises DefinitionError listing every problem by path."""
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise DefinitionError(f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except UnicodeDecodeError as exc:
        raise DefinitionError(f"not UTF-8 text: byte {exc.start} cannot be read") from None
    except RecursionError:
        raise DefinitionError("not a definition: nested far deeper than any definition is") from None
    try:
        return ElectionDefinition.model_validate(raw)
    except ValidationError as exc:
        raise DefinitionError(_describe(exc)) from None


def load_definition(path: Path) -> ElectionDefinition:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DefinitionError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_definition(data)


def _describe(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        message = error["msg"].removeprefix("Value error, ")
        lines.append(f"{where}: {message}")
    return "\n".join(lines)
