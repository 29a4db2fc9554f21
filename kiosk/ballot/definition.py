"""The election definition: sessions, questions, options, rules, languages, voters and booths.

Parsed from JSON with pydantic at the edge; every error names the path and what is wrong.
Inside the program the definition is trusted and immutable.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from pydantic import Field, ValidationError, model_validator

from kiosk.ballot.ids import SessionId, StationId, VoterId
from kiosk.ballot.questions import (
    CandidateList,
    ElectionIdField,
    Identifier,
    ListChoice,
    Majority,
    Model,
    MultipleChoice,
    Option,
    OptionRole,
    Question,
    Quorum,
    QuorumBase,
    Rule,
    SeatMethod,
    Seats,
    SessionIdField,
    SingleChoice,
    StationIdField,
    Text,
    TieBreak,
    VoterIdField,
)

# Languages every election must offer: the conference's three working languages.
REQUIRED_LANGUAGES = ("en", "fr", "es")
# The question models live in questions.py; their names stay importable from here.
__all__ = [
    "REQUIRED_LANGUAGES",
    "BallotMode",
    "CandidateList",
    "DefinitionError",
    "ElectionDefinition",
    "Identifier",
    "ListChoice",
    "Majority",
    "Model",
    "MultipleChoice",
    "Option",
    "OptionRole",
    "PollWorker",
    "Question",
    "Quorum",
    "QuorumBase",
    "Rule",
    "SeatMethod",
    "Seats",
    "SingleChoice",
    "Station",
    "Text",
    "TieBreak",
    "Voter",
    "VoterGroup",
    "VotingSession",
    "Weighting",
    "load_definition",
    "parse_definition",
]


class DefinitionError(ValueError):
    """The definition file is not a valid election: the message lists each path and problem."""


class BallotMode(StrEnum):
    SECRET = "secret"
    RECORDED = "recorded"  # a named record vote: each ballot carries its voter
    # The ILC's show of hands: counts per group (Government, Employers, Workers) are always
    # published, as the Conference does, and no individual vote; ballots carry the voter's group.
    SHOW_OF_HANDS = "show-of-hands"


class Weighting(StrEnum):
    """How many votes each ballot of a session carries (kiosk/ballot/weights.py computes them)."""

    NONE = "none"  # one member, one vote
    # The ILC's committees: each group's members get the votes that make the three groups weigh
    # the same (ILC Standing Orders, committee votes), from the members entitled to vote.
    BY_GROUP = "by-group"
    PER_VOTER = "per-voter"  # each voter carries the roll's `weight` (a congress delegate's mandates)


class VotingSession(Model):
    id: SessionIdField
    title: Text
    mode: BallotMode = BallotMode.SECRET
    counts_by_group: bool = False  # ballots then carry the voter's group, nothing more
    weighting: Weighting = Weighting.NONE
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _weights_countable(self) -> VotingSession:
        if self.weighting is Weighting.PER_VOTER and self.mode is not BallotMode.RECORDED:
            # a secret ballot names no voter, so it cannot say whose mandates it carries
            raise ValueError("a vote weighted per voter must be a record vote (mode: recorded)")
        several = any(isinstance(q, MultipleChoice) for q in self.questions)
        if self.weighting is Weighting.BY_GROUP and several:
            # a group's blank ballots are counted only for one-choice questions
            raise ValueError("a vote weighted by group holds one-choice questions only")
        return self

    @property
    def carries_group(self) -> bool:
        """Whether each ballot carries its voter's group: to count by group, a show of hands, or a
        vote weighted by group (the group says how many votes the ballot carries)."""
        hands = self.mode is BallotMode.SHOW_OF_HANDS
        return self.counts_by_group or hands or self.weighting is Weighting.BY_GROUP

    def question(self, question_id: str) -> SingleChoice | MultipleChoice | ListChoice:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


class VoterGroup(Model):
    id: Identifier
    name: Text


class Voter(Model):
    id: VoterIdField
    name: str = Field(min_length=1)
    group: Identifier | None = None
    sessions: list[SessionIdField]
    station: StationIdField
    language: str | None = None  # the language of the voter's notice
    # The delegation (a member State's) the voter belongs to: a delegate may hand their vote only to
    # an adviser of the same delegation and group (ILO Constitution, article 3, paragraph 8).
    delegation: Identifier | None = None
    weight: int = Field(default=1, ge=1)  # votes carried in a session weighted per voter (mandates)


class PollWorker(Model):
    id: Identifier
    name: str = Field(min_length=1)
    stations: list[StationIdField]


class Station(Model):
    id: StationIdField
    name: Text


class ElectionDefinition(Model):
    id: ElectionIdField
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
        problems += self._weighting_problems()
        for worker in self.poll_workers:
            bad = [s for s in worker.stations if s not in stations]
            problems += [f"poll_workers.{worker.id}.stations: no station {s!r}" for s in bad]
        return problems

    def _weighting_problems(self) -> list[str]:
        problems = []
        for session in self.sessions:
            if session.weighting is not Weighting.BY_GROUP:
                continue
            where = f"sessions.{session.id}.weighting: weighted by group, but"
            if len(self.groups) < 2:
                problems.append(f"{where} the election has fewer than two groups")
            ungrouped = [v.id for v in self.voters if session.id in v.sessions and v.group is None]
            if ungrouped:
                problems.append(f"{where} {', '.join(ungrouped[:5])} belong to no group")
        return problems

    def session(self, session_id: SessionId) -> VotingSession:
        for session in self.sessions:
            if session.id == session_id:
                return session
        raise KeyError(session_id)

    def voter(self, voter_id: VoterId) -> Voter:
        return self._voters_by_id[voter_id]  # KeyError for an unknown voter

    @cached_property
    def _voters_by_id(self) -> dict[VoterId, Voter]:
        # Every cast and login looks a voter up: a scan of a 100,000-delegate roll each time adds up.
        return {v.id: v for v in self.voters}

    def voters_at(self, station_id: StationId) -> list[Voter]:
        return [v for v in self.voters if v.station == station_id]

    def eligible_count(self, session_id: SessionId) -> int:
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
