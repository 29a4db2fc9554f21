"""A conference of the small election: delegations with their advisers, and addenda made as the
officials make them (`station-admin election amend`, `voters delegate`), onto a stick for the booths."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from kiosk.booth.station import Station
from kiosk.devices.mounted_media import FolderMedia
from station_admin.addenda import copy_to_stick
from station_admin.cli import main as admin
from station_admin.election_dir import ElectionDir
from tests.kit import SMALL_ELECTION, ElectionKit, authority_args, make_election

# Delegation 001: a Government delegate, an Employers' delegate and their advisers; delegation 002's
# Government adviser is another delegation's, to whom no delegate of 001 may hand a vote.
CONFERENCE_VOTERS: list[dict[str, Any]] = [
    {"id": "s001-1", "name": "Government delegate 1, State 001", "group": "government",
     "delegation": "001", "sessions": ["budget", "board", "roll-call"], "station": "booth-1"},
    {"id": "s001-3", "name": "Employers' delegate, State 001", "group": "employers",
     "delegation": "001", "sessions": ["budget", "board", "roll-call"], "station": "booth-1"},
    {"id": "a001-3", "name": "Government adviser 3, State 001", "group": "government",
     "delegation": "001", "sessions": [], "station": "booth-1"},
    {"id": "a001-5", "name": "Employers' adviser 5, State 001", "group": "employers",
     "delegation": "001", "sessions": [], "station": "booth-1"},
    {"id": "a002-1", "name": "Government adviser 1, State 002", "group": "government",
     "delegation": "002", "sessions": [], "station": "booth-1"},
]


TOP_LEVEL = ("import", "tally", "report", "publish")


def make_conference(root: Path) -> ElectionKit:
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    data["voters"] += CONFERENCE_VOTERS
    root.mkdir(parents=True, exist_ok=True)
    path = root / "conference.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return make_election(path, root)


@dataclass
class Officials:
    """A private copy of the conference's election folder, and the commands officials type."""

    kit: ElectionKit
    election: Path
    root: Path

    def admin(self, *args: str) -> Result:
        words = 1 if args[0] in TOP_LEVEL else 2  # `tally ...` or `voters delegate ...`
        return CliRunner().invoke(admin, [*args[:words], "--election", str(self.election), *args[words:]])

    def signed(self, *args: str) -> Result:
        """A command that signs, given the authority passphrase as a script gives it."""
        return self.admin(*args, *authority_args(self.root / "secrets"))

    def stick(self, name: str = "STICK") -> Path:
        """Every addendum so far on a new stick."""
        out = self.root / name
        folder = ElectionDir(self.election)
        copy_to_stick(folder, folder.package(), out)
        return out

    def codes(self) -> dict[str, str]:
        with (self.election / "codes" / "voter-codes.csv").open(encoding="utf-8") as handle:
            return {row["voter_id"]: row["code"] for row in csv.DictReader(handle)}


def officials_of(kit: ElectionKit, root: Path) -> Officials:
    election = root / "ELECTION"
    shutil.copytree(kit.folder.root, election)
    return Officials(kit, election, root)


def open_booth(kit: ElectionKit, data: Path, station_id: str = "booth-1", worker: str = "pw-1") -> Station:
    station = Station(data)
    station.set_up(kit.media[station_id], kit.signer(station_id))
    station.open_polls(worker)
    for session in station.election.sessions:
        station.set_session_active(session.id, True, worker)
    return station


def media(folder: Path) -> FolderMedia:
    return FolderMedia(folder)
