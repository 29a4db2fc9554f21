"""What results.json says of the imported files themselves, beside the count: each booth (with the
addenda its audit log shows it took in), every counted ballot's tracking code, the files taken out of
the count, and what became of each delegation.

`tally` reads them from its database as it writes results.json; `hall aggregate` reads them from the
vote's own tally database and keeps them at the hall, so that `hall tally` writes the same results
without importing the vote's files again (station_admin/hall/kept_aggregate.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.amendments import amend_all
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import ElectionPackage
from station_admin.addenda_results import booth_addenda, delegations_entries
from station_admin.quarantine import quarantined_files
from station_admin.tally import booths, tracking_codes, voter_marks


def imported_entries(
    engine: Engine, package: ElectionPackage, amended: tuple[ElectionDefinition, list[Addendum]]
) -> dict[str, Any]:
    """results.json's booths, tracking_codes, quarantined and delegations (JSON values only)."""
    base, addenda = amended
    election_id = package.election_id
    listed = booths(engine, election_id)
    held = booth_addenda(engine, election_id)
    for booth in listed:
        booth["addenda"] = held.get(booth["station"], [])
    marked = set(voter_marks(engine, election_id))
    return {
        "booths": listed,
        "tracking_codes": tracking_codes(engine, election_id),
        "quarantined": quarantined_files(engine, election_id),
        "delegations": delegations_entries(amend_all(base, addenda), engine, election_id, marked),
    }
