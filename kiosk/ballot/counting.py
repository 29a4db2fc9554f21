"""Counting decoded ballots into the documented results shape.

`kiosk simulate` counts what it cast and `station-admin tally` counts what it decrypted with this
same code, so the two can be compared field by field:
{"sessions": [{"id": S, "ballots": N, "questions": [{"id": Q, "blank": N,
  "options": [{"id": O, "votes": N}]}]}]}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.ids import SessionId, VoterId

Counters = tuple[dict[Any, int], dict[Any, int], dict[Any, int], dict[Any, int], dict[Any, int],
                 dict[str, list[dict[str, Any]]]]


class Tally:
    def __init__(self, election: ElectionDefinition) -> None:
        self.election = election
        self.ballots: dict[str, int] = {s.id: 0 for s in election.sessions}
        self.blank: dict[tuple[str, str], int] = {}
        self.votes: dict[tuple[str, str, str], int] = {}
        self.by_group: dict[tuple[str, str, str, str], int] = {}  # (session, group, question, choice)
        self.group_ballots: dict[tuple[str, str], int] = {}
        self.recorded: dict[str, list[dict[str, Any]]] = {}

    def add(
        self,
        session_id: SessionId,
        answers: Mapping[str, tuple[str, ...]],
        group: str | None = None,
        voter: VoterId | None = None,
    ) -> None:
        self.ballots[session_id] += 1
        if group is not None:
            key = (session_id, group)
            self.group_ballots[key] = self.group_ballots.get(key, 0) + 1
        for question_id, chosen in answers.items():
            if not chosen:
                self.blank[(session_id, question_id)] = self.blank.get((session_id, question_id), 0) + 1
            for choice in chosen:
                key3 = (session_id, question_id, choice)
                self.votes[key3] = self.votes.get(key3, 0) + 1
                if group is not None:
                    key4 = (session_id, group, question_id, choice)
                    self.by_group[key4] = self.by_group.get(key4, 0) + 1
        if voter is not None:
            self.recorded.setdefault(session_id, []).append(
                {"voter": voter, "answers": {q: list(c) for q, c in answers.items()}}
            )

    def counters(self) -> Counters:
        """The counts alone, without the election: what a worker process sends back."""
        return (self.ballots, self.blank, self.votes, self.by_group, self.group_ballots, self.recorded)

    def merge(self, counters: Counters) -> None:
        """Adds another tally's counts of other ballots of the same election."""
        ballots, blank, votes, by_group, group_ballots, recorded = counters
        for total, part in ((self.ballots, ballots), (self.blank, blank), (self.votes, votes),
                            (self.by_group, by_group), (self.group_ballots, group_ballots)):
            for key, n in part.items():
                total[key] = total.get(key, 0) + n
        for session_id, rows in recorded.items():
            self.recorded.setdefault(session_id, []).extend(rows)

    def add_all(self, rows: Iterable[tuple[SessionId, Mapping[str, tuple[str, ...]]]]) -> None:
        for session_id, answers in rows:
            self.add(session_id, answers)

    def as_results(self) -> dict[str, Any]:
        sessions = []
        for session in self.election.sessions:
            questions = []
            for q in session.questions:
                options = [{"id": c, "votes": self.votes.get((session.id, q.id, c), 0)} for c in q.choices]
                questions.append(
                    {"id": q.id, "blank": self.blank.get((session.id, q.id), 0), "options": options}
                )
            entry: dict[str, Any] = {
                "id": session.id,
                "ballots": self.ballots[session.id],
                "questions": questions,
            }
            if session.carries_group:
                entry["groups"] = self._groups(session.id)
            if session.id in self.recorded:
                entry["recorded_votes"] = sorted(self.recorded[session.id], key=lambda r: str(r["voter"]))
            sessions.append(entry)
        return {"election": self.election.id, "sessions": sessions}

    def _groups(self, session_id: SessionId) -> list[dict[str, Any]]:
        session = self.election.session(session_id)
        groups = []
        for group in self.election.groups:
            questions = [
                {
                    "id": q.id,
                    "options": [
                        {"id": c, "votes": self.by_group.get((session_id, group.id, q.id, c), 0)}
                        for c in q.choices
                    ],
                }
                for q in session.questions
            ]
            groups.append(
                {
                    "id": group.id,
                    "ballots": self.group_ballots.get((session_id, group.id), 0),
                    "questions": questions,
                }
            )
        return groups


def vote_counts(results: Mapping[str, Any]) -> dict[str, Any]:
    """Only the documented fields: what simulate and tally must agree on."""
    return {
        "sessions": [
            {
                "id": s["id"],
                "ballots": s["ballots"],
                "questions": [
                    {
                        "id": q["id"],
                        "blank": q["blank"],
                        "options": [{"id": o["id"], "votes": o["votes"]} for o in q["options"]],
                    }
                    for q in s["questions"]
                ],
            }
            for s in results["sessions"]
        ]
    }
