"""The `station-admin` command: what election officials do before and after the vote."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from kiosk.ballot.ids import StationId
from station_admin.cli_amend import amend, delegate
from station_admin.cli_cards import cards
from station_admin.cli_common import (
    DB_OPTION,
    ELECTION_OPTION,
    amended_package_of,
    err,
    folder_of,
)
from station_admin.cli_e2e import aggregate, e2e_of, record
from station_admin.cli_election import election
from station_admin.cli_hall import hall
from station_admin.cli_results import publish, report
from station_admin.cli_tally import tally
from station_admin.cli_trustee import trustee
from station_admin.cli_voters import voters
from station_admin.election_dir import ElectionDirError
from station_admin.importer import ImportResult, import_file
from station_admin.media import find_sealed_files, shown
from station_admin.provisioning import ProvisionError, provision_station
from station_admin.quarantine import Replacement
from station_admin.tally_db import open_db


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Isoloir station-admin: define elections, provision booths, import sealed media, tally."""


election.add_command(amend)
voters.add_command(delegate)
main.add_command(election)
main.add_command(voters)
main.add_command(cards)
main.add_command(report)
main.add_command(publish)
main.add_command(trustee)
main.add_command(aggregate)
main.add_command(record)
main.add_command(hall)
main.add_command(tally)


@main.group()
def station() -> None:
    """Provision booths."""


@station.command("provision")
@ELECTION_OPTION
@click.option("--station", "station_id", required=True, help="The booth's id in the definition.")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The USB media (mount point) for the booth.",
)
def station_provision(election: Path, station_id: str, out: Path) -> None:
    """Write the election package and the booth's name to its media. Nothing secret, nothing signed:
    the booth makes its own key at set-up, certified by a poll worker's card."""
    try:
        provision_station(folder_of(election), station_id, out)
    except (ProvisionError, ElectionDirError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Booth {station_id} provisioned on {out}")


@main.command("import")
@ELECTION_OPTION
@DB_OPTION
@click.option(
    "--mode",
    type=click.Choice(["official", "test"]),
    default="official",
    show_default=True,
    help="Which booths' files this import takes.",
)
@click.option(
    "--replace",
    "replace_booth",
    metavar="BOOTH",
    help="Take BOOTH's imported file out of the count (quarantined, on the record) and import its "
    "file from MEDIA instead; if that file is refused, nothing changes. Needs --reason and --by.",
)
@click.option("--reason", default="", help="Why the file of --replace is taken out of the count.")
@click.option("--by", "by", default="", help="Who decided it (name and role), for the record.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file instead of a table.")
@click.option(
    "--jobs",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes that check the end-to-end ballots' proofs.",
)
@click.argument("media", nargs=-1, required=True, type=click.Path(path_type=Path))
def import_(
    election: Path,
    db_url: str | None,
    mode: str,
    replace_booth: str | None,
    reason: str,
    by: str,
    as_json: bool,
    jobs: int,
    media: tuple[Path, ...],
) -> None:
    """Verify the sealed ballot files on MEDIA (mounted sticks or files) and store them.

    A bad file is refused with a reason and changes nothing; a file imported before changes nothing
    and says so. Exit code 0 when every file was imported (or had been), 1 when one was refused.
    """
    replace = _replacement(replace_booth, reason, by)
    folder = folder_of(election)
    package, base, addenda = amended_package_of(folder)
    e2e = e2e_of(folder)
    engine = open_db(db_url or folder.default_db_url)
    found = find_sealed_files(list(media))
    results: list[ImportResult] = []
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True
    ) as progress:
        task = progress.add_task("Importing sealed ballot files", total=len(found))
        for item in found:
            progress.update(task, description=f"Verifying {shown(Path(item.path.name))}")
            if item.refusal:
                results.append(ImportResult(item.path, "refused", reason=item.refusal))
            else:
                results.append(import_file(engine, package, item.path, mode, replace,  # type: ignore[arg-type]
                                           e2e=e2e, jobs=jobs, addenda=(base, addenda)))
            progress.advance(task)
    if as_json:
        click.echo(json.dumps([_import_json(r) for r in results], indent=1))
    else:
        _print_imports(results)
    if any(r.status == "refused" for r in results):
        sys.exit(1)


def _replacement(booth: str | None, reason: str, by: str) -> Replacement | None:
    if booth is None:
        if reason or by:
            raise click.UsageError("--reason and --by go with --replace BOOTH")
        return None
    if not reason.strip() or not by.strip():
        raise click.UsageError("--replace takes a file out of the count: say why (--reason) and who (--by)")
    return Replacement(StationId(booth), reason.strip(), by.strip())


def _import_json(r: ImportResult) -> dict[str, Any]:
    return {
        "file": shown(r.path),
        "booth": r.station,
        "ballots": r.ballots,
        "marks": r.marks,
        "status": r.status,
        "reason": r.reason,
        "replaced": r.replaced,
    }


def _print_imports(results: list[ImportResult]) -> None:
    table = Table(title="Sealed ballot files")
    for column in ("file", "booth", "ballots", "marks", "status", "reason"):
        table.add_column(column, overflow="fold")
    styles = {"imported": "green", "already imported": "yellow", "refused": "bold red"}
    for r in results:
        table.add_row(
            shown(Path(r.path.name)),
            r.station,
            str(r.ballots),
            str(r.marks),
            f"[{styles[r.status]}]{r.status}[/]",
            r.reason,
        )
    Console(width=max(Console().width, 120)).print(table)
    imported = sum(1 for r in results if r.status == "imported")
    again = sum(1 for r in results if r.status == "already imported")
    refused = sum(1 for r in results if r.status == "refused")
    click.echo(f"{imported} imported, {again} already imported (nothing changed), {refused} refused")
    for r in results:
        if r.replaced:
            name = shown(Path(r.path.name))
            click.echo(f"{r.station}: file {r.replaced[:16]} quarantined, replaced by {name}")
