"""`station-admin hall release`: free a delegate stuck "being recorded" at a booth lost for good."""

from __future__ import annotations

from pathlib import Path

import click

from kiosk.clock import utc_now
from station_admin.cli_common import AUTHORITY_PASSPHRASE_OPTION, ELECTION_OPTION, err, signing_folder_of
from station_admin.election_dir import ElectionDirError
from station_admin.hall import local_postgres
from station_admin.hall.release import Release, ReleaseRefused, release
from station_admin.hall.store import HallStore, StoreUnavailable


@click.command("release")
@click.argument("voter")
@ELECTION_OPTION
@click.option("--session", "session_id", required=True, help="The voting session the delegate is stuck in.")
@click.option("--booth", "station", required=True, help="The lost booth holding the reservation.")
@click.option("--reason", required=True, help="Why (kept in the hall's audit, signed by the authority).")
@click.option("--force", is_flag=True,
              help="Release although the booth reserved a mark in the last two minutes (it may still be at "
              "work): only once it is known lost.")
@click.option("--db", "db_url", default=None,
              help="The hall's PostgreSQL. Default: the private server `hall serve` runs in "
              "ELECTION/hall-postgres.")
@AUTHORITY_PASSPHRASE_OPTION
def hall_release(voter: str, election: Path, session_id: str, station: str, reason: str, force: bool,
                 db_url: str | None, authority_file: Path | None) -> None:
    """Release VOTER's reservation held by a booth lost for good, so they may vote at another booth.

    If the lost booth comes back holding a ballot for it, the hall refuses that cast and the import
    refuses a second mark for VOTER: never a double vote."""
    folder = signing_folder_of(election, authority_file)
    url = db_url or local_postgres.url_of(election / "hall-postgres")
    try:
        store = HallStore(url, folder.package().election_id, utc_now)
        try:
            wanted = Release(voter, session_id, station, reason, force, utc_now())
            cast_id = release(store, folder.authority_key(), wanted)
        finally:
            store.close()
    except (ReleaseRefused, StoreUnavailable, ElectionDirError) as exc:
        err.print(f"[red]refused:[/red] {exc}")
        raise SystemExit(1) from None
    click.echo(f"released {voter} in {session_id} (reservation {cast_id} of {station}): "
               "they may vote at another booth")
