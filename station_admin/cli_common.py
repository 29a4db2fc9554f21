"""What every station-admin command shares: the election and database options, errors on stderr."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from kiosk.ballot.package import ElectionPackage
from station_admin.election_dir import ElectionDir, ElectionDirError

ELECTION_OPTION = click.option(
    "--election",
    "election",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The election folder made by `election create`.",
)
DB_OPTION = click.option(
    "--db",
    "db_url",
    default=None,
    help="Tally database URL (default: SQLite in the election folder), "
    "e.g. postgresql+psycopg://user@host/isoloir.",
)
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print as JSON, for scripts.")
err = Console(stderr=True)


def folder_of(path: Path) -> ElectionDir:
    return ElectionDir(path)


def package_of(folder: ElectionDir) -> ElectionPackage:
    try:
        return folder.package()
    except ElectionDirError as exc:
        raise click.ClickException(str(exc)) from None
