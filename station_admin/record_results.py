"""The counts and the decrypted sums of the record, from one results folder or one per vote.

A day counted off-hall leaves one `tally --out` folder listing every session; a day counted at the
hall leaves one `hall tally --out` folder per vote, each listing the one vote it counted. The record
takes them all: each session's counts and its e2e/ files (tally/<session>.json with every trustee's
proofs, recorded/<session>.jsonl) from the one folder that counted it, and results.json listing every
session of the manifest and then of the addenda, in order (a session nobody voted in: no ballots,
zero votes, as the verifier re-derives it). Only the sessions travel: the booths, ballots, addenda
and delegations the record publishes come from the desk's database and the election folder, not
from these files.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.ballot.counting import vote_counts

E2E_KINDS = ("tally", "recorded")


class RecordResultsError(ValueError):
    pass


@dataclass
class RecordResults:
    sessions: list[dict[str, Any]]  # vote_counts' entries, in the amended definition's order
    files: dict[str, bytes] = field(default_factory=dict)  # tally/… and recorded/… of the record


def merged_results(
    folders: Sequence[Path], sessions: list[dict[str, Any]], with_ballots: set[str]
) -> RecordResults:
    """The sessions of `folders` merged, in the order of `sessions` (the definition's as amended, as
    the verifier reads the manifest with the addenda); refused if two count one session, if one lists
    a session the election has not, or if a session with ballots is counted by none."""
    counted: dict[str, dict[str, Any]] = {}
    where: dict[str, Path] = {}
    files: dict[str, bytes] = {}
    known = {s["id"] for s in sessions}
    for folder in folders:
        for entry in _counts(folder)["sessions"]:
            sid = entry["id"]
            if sid in where:
                raise RecordResultsError(
                    f"{where[sid]} and {folder} both count session {sid!r}: give each vote's results once"
                )
            if sid not in known:
                raise RecordResultsError(f"{folder} counts session {sid!r}, which the election has not")
            counted[sid], where[sid] = entry, folder
        files.update(_e2e_files(folder, files))
    missing = [s["id"] for s in sessions if s["id"] in with_ballots and s["id"] not in counted]
    if missing:
        raise RecordResultsError(
            f"session(s) {', '.join(missing)} have ballots but no --results folder counts them: give "
            "each vote's results folder (`tally --out` or `hall tally --out`) with its own --results"
        )
    return RecordResults([counted.get(s["id"]) or _uncounted(s) for s in sessions], files)


def _counts(folder: Path) -> dict[str, Any]:
    if not (folder / "e2e" / "tally").is_dir() or not (folder / "results.json").exists():
        raise RecordResultsError(f"{folder} holds no end-to-end tally: run `station-admin tally` first")
    return vote_counts(json.loads((folder / "results.json").read_text(encoding="utf-8")))


def _e2e_files(folder: Path, taken: dict[str, bytes]) -> dict[str, bytes]:
    files = {}
    for kind in E2E_KINDS:
        kind_dir = folder / "e2e" / kind
        for path in sorted(kind_dir.glob("*")) if kind_dir.is_dir() else []:
            name = f"{kind}/{path.name}"
            if name in taken:
                raise RecordResultsError(f"{folder} and another --results folder both hold e2e/{name}")
            files[name] = path.read_bytes()
    return files


def _uncounted(session: dict[str, Any]) -> dict[str, Any]:
    """A session without ballots, as the verifier re-derives it: no tally, every count zero."""
    questions = []
    for q in session["questions"]:
        choices = q.get("lists", []) if q["kind"] == "list" else q.get("options", [])
        options = [{"id": c["id"], "votes": 0} for c in choices]
        questions.append({"id": q["id"], "blank": 0, "options": options})
    return {"id": session["id"], "ballots": 0, "questions": questions}
