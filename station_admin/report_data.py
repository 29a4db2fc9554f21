"""The results as a chair reads them: results.json joined with the definition's words in one
language. The PDF, the CSV, the JSON report and the published site all read this one view."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from kiosk.ballot.definition import ElectionDefinition, ListChoice
from station_admin.report_texts import words
from station_admin.report_weights import weights_lines


class ReportError(ValueError):
    pass


@dataclass(frozen=True)
class OptionLine:
    id: str
    label: str
    votes: int
    share: float  # of the question's non-blank votes
    seats: int | None = None


@dataclass(frozen=True)
class QuestionView:
    id: str
    title: str
    options: list[OptionLine]
    blank: int
    outcome: str  # in the report's language
    outcome_key: str  # as in results.json: adopted, rejected, no quorum...
    details: list[str] = field(default_factory=list)  # votes cast, quorum, elected


@dataclass(frozen=True)
class SessionView:
    id: str
    title: str
    ballots: int
    turnout: str
    attending: str
    questions: list[QuestionView]
    groups: list[dict[str, Any]] | None
    groups_note: str
    recorded: list[tuple[str, str]]  # (voter name, answers); "name (a001-3 for s001-1)" for a deputy
    kind: str = ""  # secret ballot, show of hands or record vote, in the report's language
    weights: list[str] = field(default_factory=list)  # a weighted vote: its weights and their composition


@dataclass(frozen=True)
class Report:
    language: str
    title: str
    fingerprint: str
    sessions: list[SessionView]
    booths: list[dict[str, Any]]
    addenda: list[str] = field(default_factory=list)  # one line per addendum: what it changed
    delegations: list[str] = field(default_factory=list)  # one line per delegation, and its fate

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False) + "\n"

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            ["session", "question", "option", "label", "votes", "share", "seats", "blank", "outcome"]
        )
        for s in self.sessions:
            for q in s.questions:
                for o in q.options:
                    seats = "" if o.seats is None else o.seats
                    writer.writerow(
                        [s.id, q.id, o.id, o.label, o.votes, f"{o.share:.4f}", seats, q.blank, q.outcome]
                    )
        return buffer.getvalue()


def build_report(results: dict[str, Any], definition: ElectionDefinition, language: str) -> Report:
    if results.get("election") != definition.id:
        raise ReportError(f"these results are of election {results.get('election')!r}, not {definition.id!r}")
    w = words(language)
    sessions = [_session(entry, definition, language, w) for entry in results["sessions"]]
    return Report(
        language,
        _text(definition.title, language),
        str(results.get("fingerprint", "")),
        sessions,
        list(results.get("booths", [])),
        _addenda(results.get("addenda", []), definition, language, w),
        _delegations(results.get("delegations", []), definition, language, w),
    )


def _titles(definition: ElectionDefinition, language: str) -> dict[str, str]:
    return {s.id: _text(s.title, language) for s in definition.sessions}


def _addenda(entries: list[dict[str, Any]], definition: ElectionDefinition, language: str,
             w: dict[str, str]) -> list[str]:
    titles = _titles(definition, language)
    lines = []
    for a in entries:
        parts = [w["added_session"].format(s=titles.get(s, s)) for s in a.get("sessions", [])]
        parts += [w["delegation"].format(adviser=d["adviser"], delegate=d["delegate"],
                                         s=titles.get(d["session"], d["session"]))
                  for d in a.get("delegations", [])]
        parts += [w["revocation"].format(delegate=r["delegate"], s=titles.get(r["session"], r["session"]))
                  for r in a.get("revocations", [])]
        parts += [w["weightings"].format(v=f"{titles.get(x['session'], x['session'])} {x['weighting']}")
                  for x in a.get("weightings", [])]
        for key, field_name in (("added_voters", "voters_added"), ("codes_reissued", "codes_reissued"),
                                ("struck", "struck")):
            if a.get(field_name):
                parts.append(w[key].format(v=", ".join(a[field_name])))
        lines.append(f"{w['addendum'].format(n=a['number'])} ({str(a.get('issued', ''))[:16]}){w['colon']}"
                     + "; ".join(parts))
    return lines


def _delegations(entries: list[dict[str, Any]], definition: ElectionDefinition, language: str,
                 w: dict[str, str]) -> list[str]:
    titles = _titles(definition, language)
    return [
        w["delegation"].format(adviser=d["adviser"], delegate=d["delegate"],
                               s=titles.get(d["session"], d["session"]))
        + f" — {w['addendum'].format(n=d['addendum'])}, {w.get(d['status'], d['status'])}"
        for d in entries
    ]


def _text(text: dict[str, str], language: str) -> str:
    return text.get(language) or next(iter(text.values()))


def _session(
    entry: dict[str, Any], definition: ElectionDefinition, language: str, w: dict[str, str]
) -> SessionView:
    session = definition.session(entry["id"])
    turnout = entry.get("turnout", {})
    names: dict[str, str] = {v.id: v.name for v in definition.voters}  # looked up by results.json's text
    labels = {
        (q.id, item.id): _text(item.label, language)
        for q in session.questions
        for item in (q.lists if isinstance(q, ListChoice) else q.options)
    }
    recorded = [
        (
            _voter(r, names, w),
            "; ".join(
                ", ".join(labels[(q, c)] for c in chosen) or w["blank"] for q, chosen in r["answers"].items()
            ),
        )
        for r in entry.get("recorded_votes", [])
    ]
    groups = None
    if "groups" in entry:
        group_names = {g.id: _text(g.name, language) for g in definition.groups}
        groups = [{**g, "label": group_names.get(g["id"], g["id"])} for g in entry["groups"]]
    return SessionView(
        session.id,
        _text(session.title, language),
        entry["ballots"],
        _turnout(turnout, definition, language, w),
        w["attending"].format(n=entry["attending"]) if "attending" in entry else "",
        [_question(q, session.question(q["id"]), language, w) for q in entry["questions"]],
        groups,
        w["groups_withheld"] if "groups_withheld" in entry else "",
        recorded,
        w.get(session.mode.value, w["recorded"]),
        weights_lines(entry.get("weights"), definition, language, w),
    )


def _voter(row: dict[str, Any], names: dict[str, str], w: dict[str, str]) -> str:
    """The voter of a record vote by name; a deputy's vote as "name (a001-3 for s001-1)"."""
    name = names.get(row["voter"], row["voter"])
    if "cast_by" in row:
        return f"{name} ({row['cast_by']} {w['for']} {row['voter']})"
    return str(name)


def _question(entry: dict[str, Any], question: Any, language: str, w: dict[str, str]) -> QuestionView:
    items = question.lists if isinstance(question, ListChoice) else question.options
    labels = {item.id: _text(item.label, language) for item in items}
    total = sum(o["votes"] for o in entry["options"])
    options = [
        OptionLine(o["id"], labels[o["id"]], o["votes"], o["votes"] / total if total else 0.0, o.get("seats"))
        for o in entry["options"]
    ]
    details = []
    if "votes_cast" in entry:
        details.append(f"{w['votes_cast']}{w['colon']}{entry['votes_cast']}")
    quorum = entry.get("quorum")
    if quorum:
        base = w["attending_base"] if quorum["base"] == "attending" else w["eligible"]
        state = w["reached"] if quorum["reached"] else w["not_reached"]
        details.append(w["quorum"].format(**{**quorum, "base": base, "state": state}))
    if entry.get("winners"):
        details.append(f"{w['winners']}{w['colon']}{', '.join(labels[c] for c in entry['winners'])}")
    outcome = entry.get("outcome", "")
    return QuestionView(
        question.id,
        _text(question.title, language),
        options,
        entry["blank"],
        w.get(outcome, outcome),
        outcome,
        details,
    )


def _turnout(
    turnout: dict[str, Any], definition: ElectionDefinition, language: str, w: dict[str, str]
) -> str:
    share = f"{turnout.get('share', 0):.1%}"
    text = w["voted_of"].format(
        voted=turnout.get("voted", 0), eligible=turnout.get("eligible", 0), share=share
    )
    names = {g.id: _text(g.name, language) for g in definition.groups}
    groups = [
        f"{names.get(g['id'], g['id'])} {g['voted']}/{g['eligible']}" for g in turnout.get("groups", [])
    ]
    return f"{text} — {', '.join(groups)}" if groups else text
