"""What every station-admin command shares: the election and database options, errors on stderr."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from kiosk.ballot.addendum import Addendum, AddendumError
from kiosk.ballot.amendments import amend_all, amended_package
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import ElectionPackage
from station_admin.election_dir import ElectionDir, ElectionDirError
from station_admin.passphrases import authority_unlocker

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
AUTHORITY_PASSPHRASE_OPTION = click.option(
    "--authority-passphrase-file",
    "authority_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="For scripts: a file holding the authority passphrase. Without it, it is asked (not shown).",
)
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print as JSON, for scripts.")
# The trustees' ceremony's two inputs, asked by the trustees' commands and by `election e2e-key`.
MANIFEST_OPTION = click.option(
    "--manifest",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The election definition file, as every trustee received it (the ceremony hashes its exact bytes).",
)
CEREMONY_OPTION = click.option(
    "--ceremony",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The ceremony.json the trustees accepted (every trustee's `trustee finish` writes the same).",
)
err = Console(stderr=True)


def folder_of(path: Path) -> ElectionDir:
    return ElectionDir(path)


def signing_folder_of(path: Path, authority_file: Path | None) -> ElectionDir:
    """The folder of a command that signs: the authority passphrase is read when it signs."""
    return ElectionDir(path, unlock=authority_unlocker(authority_file))


def amended_package_of(folder: ElectionDir) -> tuple[ElectionPackage, ElectionDefinition, list[Addendum]]:
    """The package as amended by every addendum officials issued, the definition as first signed,
    and the addenda: what the import, the tally and the reports read."""
    from station_admin.addenda import AmendError, official_addenda

    package = package_of(folder)
    try:
        addenda = official_addenda(folder, package)
        amended = amend_all(package.definition, addenda)
    except (AmendError, AddendumError) as exc:
        raise click.ClickException(str(exc)) from None
    return amended_package(package, amended), package.definition, addenda


def package_of(folder: ElectionDir) -> ElectionPackage:
    try:
        return folder.package()
    except ElectionDirError as exc:
        raise click.ClickException(str(exc)) from None


JOBS_OPTION = click.option(
    "--jobs", default=2, show_default=True, type=click.IntRange(1, 64), help="Processes that share the work."
)
