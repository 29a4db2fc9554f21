"""A polling day at one booth of the small election, with ballots chosen by the test."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.ballot.ballot_box import DATABASE_NAME
from kiosk.booth.station import Station
from tests.kit import ElectionKit

Ballots = Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]]  # voter -> session -> selections
WORKERS = {"booth-1": "pw-1", "booth-2": "pw-2"}


Tamper = Callable[[sqlite3.Connection], None]


def polling_day(
    kit: ElectionKit, root: Path, station_id: str, ballots: Ballots, tamper: Tamper | None = None
) -> Path:
    """Opens the booth, casts each voter's ballots, closes and exports; returns the sealed file.

    `tamper` edits the booth's database between closing and export, as someone with the booth's
    disk could: the booth then signs what it holds."""
    worker = WORKERS[station_id]
    station = Station(root / f"data-{station_id}")
    station.set_up(kit.media[station_id], kit.signer(station_id))
    station.open_polls(worker)
    for session in kit.definition.sessions:
        station.set_session_active(session.id, True, worker)
    codes = kit.codes()
    for voter, by_session in ballots.items():
        station.authenticate_code(codes[voter])
        for session_id, selections in by_session.items():
            station.cast(voter, session_id, selections)
    station.close_polls(worker)
    if tamper is not None:
        station.close()
        with sqlite3.connect(root / f"data-{station_id}" / DATABASE_NAME) as database:
            tamper(database)
        station = Station(root / f"data-{station_id}")
    out = root / f"OUT-{station_id}"
    out.mkdir(parents=True, exist_ok=True)
    path = station.export(out)
    station.close()
    return path


def voters(first: int, last: int) -> list[str]:
    return [f"v{n:02d}" for n in range(first, last + 1)]


# booth-1: v01..v12 vote in the budget (8 yes, 3 no, 1 abstain) and on the board lists
# (7 for l1, 4 for l2, 1 blank); v01..v03 vote in the record vote.
BUDGET = ["yes"] * 8 + ["no"] * 3 + ["abstain"]
LISTS: list[tuple[str, ...]] = [("l1",)] * 7 + [("l2",)] * 4 + [()]
ROLL_CALL = {"v01": "yes", "v02": "no", "v03": "yes"}


def day_ballots() -> Ballots:
    ballots: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    for n, voter in enumerate(voters(1, 12)):
        ballots[voter] = {
            "budget": {"q1": (BUDGET[n],)},
            "board": {"members": ("ana",), "lists": LISTS[n]},
        }
        if voter in ROLL_CALL:
            ballots[voter]["roll-call"] = {"q1": (ROLL_CALL[voter],)}
    return ballots
