"""A polling day at one booth of the small election, with ballots chosen by the test."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kiosk.station import Station
from tests.kit import ElectionKit

Ballots = Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]]  # voter -> session -> selections
WORKERS = {"booth-1": "pw-1", "booth-2": "pw-2"}


def polling_day(kit: ElectionKit, root: Path, station_id: str, ballots: Ballots) -> Path:
    """Opens the booth, casts each voter's ballots, closes and exports; returns the sealed file."""
    worker = WORKERS[station_id]
    station = Station(root / f"data-{station_id}")
    station.set_up(kit.media[station_id])
    station.open_polls(worker)
    for session in kit.definition.sessions:
        station.set_session_active(session.id, True, worker)
    codes = kit.codes()
    for voter, by_session in ballots.items():
        station.authenticate_code(codes[voter])
        for session_id, selections in by_session.items():
            station.cast(voter, session_id, selections)
    station.close_polls(worker)
    out = root / f"OUT-{station_id}"
    out.mkdir(parents=True, exist_ok=True)
    path = station.export(out)
    station.close()
    return path


def voters(first: int, last: int) -> list[str]:
    return [f"v{n:02d}" for n in range(first, last + 1)]
