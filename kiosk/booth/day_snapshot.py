"""What the end-of-day sealed file holds, read from a closed booth (kiosk/booth/sealing.py seals it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.booth.polls import PollsState
from kiosk.booth.sealing import CloseSnapshot, ExportError, ExportRefusal

if TYPE_CHECKING:
    from kiosk.booth.station import Station


def day_snapshot(station: Station) -> CloseSnapshot:
    if station.state is not PollsState.CLOSED:
        detail = "close the polls before exporting the sealed ballot file"
        raise ExportError(detail, ExportRefusal.NOT_CLOSED)
    package = station.package
    assert package is not None  # a closed booth was set up
    certificate, booth_key = station.booth_key()
    opened_at, closed_at = station.polls.opened_at(), station.polls.closed_at()
    assert opened_at is not None and closed_at is not None  # polls close only once they opened
    return CloseSnapshot(
        package=package,
        certificate=certificate,
        booth_key=booth_key,
        mode=station.mode,
        opened_at=opened_at,
        closed_at=closed_at,
        counts=station.counts(),
        ballots=station.box.all_ballots(),
        marks=station.box.all_marks(),
        audit=station.box.audit_entries(),
        addenda=tuple((a.number, a.digest) for a in station.held_addenda()),
        checked=station.box.all_checked(),
    )
