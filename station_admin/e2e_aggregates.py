"""The tally's aggregates, recomputed from the cast ballots' record lines (docs/e2e-spec.md §9.1).

Per session, question, option and group label: for each weight class w, C_w = ∏ (α, β) of its
ballots, and C = ∏_w C_w^w; only C is ever decrypted, with bound = the label's total weight. A
recorded (named) session's ballots are also listed one by one: each is decrypted on its own and
published beside its voter (the one case of a single ballot decrypted, by the session's rule).

The same code serves the officials (lines from the tally database) and each trustee, who recomputes
the aggregates from the ballots before decrypting anything (`trustee decrypt --ballots`), so that a
request holding anything but these sums is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from kiosk.ballot.crypto.elgamal import EMPTY, Ciphertext
from kiosk.ballot.crypto.group import Point, Scalar
from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.definition import BallotMode, ElectionDefinition, VotingSession
from kiosk.ballot.e2e_record import ballot_from_json
from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.package import load_json_text
from kiosk.ballot.weights import SessionWeights

CHUNK = 500  # ballots a worker aggregates per task: ~2 s of group operations for a 24-question ballot
ClassKey = tuple[int, int, str, int]  # qi, oi, group label, weight
Line = tuple[StationId, bytes]  # station, the ballot's record line


@dataclass(frozen=True)
class Aggregate:
    """One decrypted sum: its request id, where it belongs, its bound and its ciphertext."""

    id: str
    session: str
    qi: int
    oi: int
    group: str
    bound: int
    ciphertext: Ciphertext


@dataclass(frozen=True)
class RecordedBallot:
    """A named vote's ciphertexts, decrypted one by one (bound 1 each)."""

    session: str
    code: bytes
    voter: str
    group: str
    weight: int
    ciphertexts: tuple[tuple[Ciphertext, ...], ...]

    def id(self, qi: int, oi: int) -> str:
        return f"{self.session}/recorded/{b64encode(self.code)}/{qi}/{oi}"


@dataclass
class SessionSums:
    session: SessionId
    ballots: int = 0
    weights: dict[str, int] = field(default_factory=dict)  # group label -> total weight
    aggregates: list[Aggregate] = field(default_factory=list)
    recorded: list[RecordedBallot] = field(default_factory=list)
    # a session weighted by group (station_admin/e2e_weights.py): the group classes, never
    # decrypted, its weights, and the votes of its ballots (the bound of its weighted totals)
    classes: list[Aggregate] = field(default_factory=list)
    weighting: SessionWeights | None = None
    weighted_total: int | None = None

    @property
    def vote_total(self) -> int:
        """The votes of the ballots: the blank count's base (§9.1, §9.1a)."""
        return self.weighted_total if self.weighted_total is not None else sum(self.weights.values())


@dataclass(frozen=True)
class _Task:
    session: VotingSession
    lines: tuple[Line, ...]
    read_proofs: bool


@dataclass
class _Part:
    ballots: int = 0
    classes: dict[ClassKey, tuple[bytes, bytes]] = field(default_factory=dict)
    counts: dict[tuple[str, int], int] = field(default_factory=dict)
    recorded: list[RecordedBallot] = field(default_factory=list)


def session_sums(
    definition: ElectionDefinition, lines: Mapping[SessionId, Sequence[Line]], jobs: int = 1,
    read_proofs: bool = True,
) -> list[SessionSums]:
    """Every session's aggregates from its ballots' lines (each decoded and its elements validated
    again). read_proofs=False skips reading the proofs, which the sums never use: only for lines
    stored by an import (or the hall's take) that checked every proof of them (e2e_tally_results)."""
    tasks = [
        _Task(definition.session(s), tuple(rows[i : i + CHUNK]), read_proofs)
        for s, rows in sorted(lines.items())
        for i in range(0, len(rows), CHUNK)
    ]
    jobs = min(jobs, os.cpu_count() or 1)
    if jobs <= 1 or len(tasks) <= 1:
        parts = [_aggregate(t) for t in tasks]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_aggregate, tasks))
    by_session: dict[SessionId, list[_Part]] = {}
    for task, part in zip(tasks, parts, strict=True):
        by_session.setdefault(task.session.id, []).append(part)
    return [_combine(definition.session(s), ps) for s, ps in sorted(by_session.items())]


def _aggregate(task: _Task) -> _Part:
    part = _Part()
    named = task.session.mode is BallotMode.RECORDED
    classes: dict[ClassKey, Ciphertext] = {}
    for station, line in task.lines:
        value = load_json_text(line)
        ballot = ballot_from_json(value, task.session.id, station, read_proofs=task.read_proofs)
        group, weight = ballot.context.group, ballot.context.weight
        part.ballots += 1
        part.counts[(group, weight)] = part.counts.get((group, weight), 0) + 1
        for qi, question in enumerate(ballot.questions):
            for oi, ct in enumerate(question.ciphertexts):
                key = (qi, oi, group, weight)
                classes[key] = classes.get(key, EMPTY) * ct
        if named:
            cts = tuple(q.ciphertexts for q in ballot.questions)
            part.recorded.append(
                RecordedBallot(task.session.id, bytes(ballot.code), ballot.context.voter, group, weight, cts)
            )
    # Encodings cross the process boundary, not Points: what the parent decodes it validates.
    part.classes = {key: (ct.alpha.encode(), ct.beta.encode()) for key, ct in classes.items()}
    return part


def _combine(session: VotingSession, parts: Iterable[_Part]) -> SessionSums:
    sums = SessionSums(session.id)
    classes: dict[ClassKey, Ciphertext] = {}
    for part in parts:
        sums.ballots += part.ballots
        for (group, weight), n in part.counts.items():
            sums.weights[group] = sums.weights.get(group, 0) + weight * n
        for key, (a, b) in part.classes.items():
            classes[key] = classes.get(key, EMPTY) * Ciphertext(Point.decode(a), Point.decode(b))
        sums.recorded += part.recorded
    totals: dict[tuple[int, int, str], Ciphertext] = {}
    for (qi, oi, group, weight), ct in sorted(classes.items()):
        totals[(qi, oi, group)] = totals.get((qi, oi, group), EMPTY) * ct ** Scalar.reduce(weight)
    for (qi, oi, group), ct in sorted(totals.items()):
        ident = f"{session.id}/{qi}/{oi}/{group}"
        sums.aggregates.append(Aggregate(ident, session.id, qi, oi, group, sums.weights[group], ct))
    sums.recorded.sort(key=lambda r: r.voter.encode())
    return sums


def request_ciphertexts(sums: Sequence[SessionSums]) -> dict[str, Ciphertext]:
    """What the trustees are asked to decrypt, in a fixed order: the sums, then the named votes."""
    wanted: dict[str, Ciphertext] = {}
    for s in sums:
        wanted.update({a.id: a.ciphertext for a in s.aggregates})
    for s in sums:
        for r in s.recorded:
            for qi, row in enumerate(r.ciphertexts):
                wanted.update({r.id(qi, oi): ct for oi, ct in enumerate(row)})
    return wanted
