"""What `hall aggregate` keeps in the hall's database for `hall tally`, and the check that it still holds.

`hall aggregate` imports the closed vote's session files with the import's checks and adds up the
trustees' sums. It keeps, beside the vote's files in the hall's own PostgreSQL: the sums, the marks and
results.json's entries of the imported files (station_admin/results_entries.py), and their basis: the
SHA-256 of each booth's session file it counted, the mode, and the package and addenda the weights
come from. `hall tally` then checks each trustee's proof against these very sums instead of importing
and adding up the ballots again, but only once the basis is found unchanged: a session file that
reached the hall after the aggregate (or any other change) is refused, naming it and the command that
makes the sums again. The trustees still recompute the sums from the ballots themselves
(`trustee decrypt --ballots`): that check is theirs, on their own laptops.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.values import Mode
from station_admin.hall.close_store import HallSessions
from station_admin.hall.count import CountError


@dataclass(frozen=True)
class Basis:
    """What an aggregate was made from."""

    files: dict[str, str]  # station -> the SHA-256 of its session file, as the hall holds it
    mode: str  # official, or a rehearsal's test files
    beside: dict[str, str]  # package.json and addenda/<file> -> the SHA-256 of the bytes the trustees got

    def as_json(self) -> str:
        return json.dumps({"files": self.files, "mode": self.mode, "beside": self.beside}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Basis:
        value = json.loads(text)
        return cls(dict(value["files"]), str(value["mode"]), dict(value["beside"]))


@dataclass(frozen=True)
class KeptAggregate:
    basis: Basis
    sums: str  # station_admin/e2e_sums_json.py
    marks: list[tuple[str, str]]  # (session, voter) of every mark counted: the outcomes' turnout
    entries: dict[str, Any]  # results.json's entries of the imported files


def basis_of(files: Mapping[StationId, str], mode: Mode, beside: Mapping[str, bytes]) -> Basis:
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in beside.items()}
    return Basis(dict(sorted(files.items())), mode, dict(sorted(digests.items())))


def keep(sessions: HallSessions, session_id: SessionId, kept: KeptAggregate) -> None:
    entries = json.dumps({"marks": kept.marks, "entries": kept.entries}, ensure_ascii=False)
    sessions.put_aggregate(session_id, kept.basis.as_json(), kept.sums, entries)


def kept_for(sessions: HallSessions, session_id: SessionId, now: Basis) -> KeptAggregate:
    """The vote's last aggregate, if made from exactly `now`; CountError saying what changed otherwise."""
    again = aggregate_command(session_id)
    row = sessions.aggregate(session_id)
    if row is None:
        raise CountError(
            f"no `station-admin hall aggregate` of {session_id!r} was made at this hall: run `{again}`, "
            "have the present trustees decrypt its request, then count"
        )
    basis_text, sums, entries_text = row
    change = _change(Basis.from_json(basis_text), now, session_id)
    if change is not None:
        raise CountError(
            f"{change}: nothing is counted. Run `{again}` again and have the present trustees decrypt "
            "its new request"
        )
    entries = json.loads(entries_text)
    marks = [(str(s), str(v)) for s, v in entries["marks"]]
    return KeptAggregate(Basis.from_json(basis_text), sums, marks, entries["entries"])


def aggregate_command(session_id: SessionId) -> str:
    """What the official types to make (or make again) the vote's request."""
    return f"station-admin hall aggregate {session_id} --out DIR"


def _change(then: Basis, now: Basis, session_id: SessionId) -> str | None:
    """The first difference between what the aggregate counted and what the hall holds now, said."""
    came = sorted(set(now.files) - set(then.files))
    if came:
        return (f"booth {', '.join(came)}'s session file of {session_id!r} reached the hall after "
                "`station-admin hall aggregate` counted the vote: its ballots are not in the trustees' "
                "request")  # fmt: skip
    changed = [s for s in sorted(then.files) if now.files.get(s) != then.files[s]]
    if changed:
        return (f"booth {', '.join(changed)}'s session file of {session_id!r} at the hall is not the one "
                "`station-admin hall aggregate` counted")  # fmt: skip
    if now.mode != then.mode:
        return (f"`station-admin hall aggregate` counted the vote's {then.mode} files, and this count "
                f"is of its {now.mode} files")  # fmt: skip
    if now.beside != then.beside:
        return ("the election's package or addenda changed since `station-admin hall aggregate` (an addendum "
                "issued since?)")  # fmt: skip
    return None
