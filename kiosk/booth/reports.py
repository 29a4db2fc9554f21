"""The zero report at opening and the closing report: what the poll worker's flow prints and shows."""

from __future__ import annotations

from typing import Literal

from kiosk.ballot.times import iso
from kiosk.booth.station import Station
from kiosk.devices.printer import ReportData, SessionCount


def counts_lines(station: Station) -> list[str]:
    """Ballots per session, as the poll worker's screen lists them."""
    return [f"{sid}: {ballots}" for sid, (ballots, _marks) in station.counts().items()]


def report_data(station: Station, kind: Literal["zero", "closing"]) -> ReportData:
    """The printed report: every session's ballots and marks, with what ties it to this booth."""
    package, election = station.package, station.election
    assert package is not None  # polls open and close only on a set-up booth
    language = election.languages[0]
    counts = station.counts()
    sessions = tuple(SessionCount(s.title[language], *counts.get(s.id, (0, 0))) for s in election.sessions)
    head = station.box.audit_head()
    return ReportData(kind, election.title[language], station.station_id, package.fingerprint, head,
                      iso(station.clock()), sessions, test_mode=station.mode == "test")
