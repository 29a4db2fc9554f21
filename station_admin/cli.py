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
from sqlalchemy import Engine

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.amendments import amend_all
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import ElectionPackage
from station_admin import passphrases
from station_admin.addenda_results import addenda_entries, booth_addenda, delegations_entries, name_delegates
from station_admin.cli_amend import amend, delegate
from station_admin.cli_cards import cards
from station_admin.cli_common import (
    DB_OPTION,
    ELECTION_OPTION,
    amended_package_of,
    err,
    folder_of,
)
from station_admin.cli_e2e import aggregate, e2e_of, e2e_tally, record
from station_admin.cli_election import election
from station_admin.cli_hall import hall
from station_admin.cli_results import publish, report
from station_admin.cli_trustee import trustee
from station_admin.cli_voters import voters
from station_admin.election_dir import ElectionDirError
from station_admin.importer import ImportResult, import_file
from station_admin.media import find_sealed_files, shown
from station_admin.passphrases import PassphraseError
from station_admin.provisioning import ProvisionError, provision_station
from station_admin.quarantine import Replacement, quarantined_files
from station_admin.results import ResultsError, TallyInputs, check_attending, with_outcomes
from station_admin.seats import TieNeedsLot
from station_admin.tally import (
    TallyError,
    TrusteeShare,
    booths,
    count_ballots,
    recover_key,
    tracking_codes,
    voter_marks,
)
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
    return Replacement(booth, reason.strip(), by.strip())


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


@main.command()
@ELECTION_OPTION
@DB_OPTION
@click.option(
    "--share",
    "shares",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A trustee's share file (give k of them); elections without a trustees' key ceremony only.",
)
@click.option(
    "--request",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="End-to-end elections: the request.json of `station-admin aggregate` the trustees answered.",
)
@click.option(
    "--partial",
    "partials",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="End-to-end elections: a present trustee's partial-<n>.json (at least k of them).",
)
@click.option(
    "--trustee-passphrase-file",
    "passphrase_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="For scripts: one file per --share, in the same order, holding that trustee's passphrase. "
    "Without them each trustee types theirs.",
)
@click.option(
    "--attending",
    "attending",
    multiple=True,
    metavar="SESSION=N",
    help="Delegates attending and entitled to vote in SESSION, the quorum's base where the rule "
    "says so (default: the session's eligible voters). Repeat for each session.",
)
@click.option("--lot-seed", help="The seed drawn in public for ties the definition breaks by lot.")
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for results.json."
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON too.")
def tally(
    election: Path,
    db_url: str | None,
    shares: tuple[Path, ...],
    request: Path | None,
    partials: tuple[Path, ...],
    passphrase_files: tuple[Path, ...],
    attending: tuple[str, ...],
    lot_seed: str | None,
    out: Path,
    as_json: bool,
) -> None:
    """Count and decide each question under its rule. End-to-end elections: from k trustees' partial
    decryptions of the sums (`aggregate`, `trustee decrypt`), no key at this desk. Others: recover
    the key from k shares in memory and decrypt every ballot."""
    folder = folder_of(election)
    package, base, addenda = amended_package_of(folder)
    engine = open_db(db_url or folder.default_db_url)
    inputs = TallyInputs(_attending(attending), lot_seed)
    e2e = e2e_of(folder)
    if e2e is not None:
        if shares:
            raise click.UsageError(
                "an end-to-end election has no shares to recover: give --request and --partial"
            )
        try:
            check_attending(package.definition, inputs.attending)
        except ResultsError as exc:
            raise click.ClickException(str(exc)) from None
        results = e2e_tally(folder, package, e2e, db_url, request, partials, inputs, out)
        _write_results(results, package, (base, addenda), engine, out, as_json)
        return
    if not shares:
        raise click.UsageError("give k trustees' --share")
    if passphrase_files and len(passphrase_files) != len(shares):
        raise click.UsageError(
            f"{len(passphrase_files)} --trustee-passphrase-file for {len(shares)} --share: one per share"
        )
    try:
        check_attending(package.definition, inputs.attending)
        files: list[Path | None] = list(passphrase_files) or [None] * len(shares)
        pairs = zip(shares, files, strict=True)
        given = [TrusteeShare(path, _passphrase(path, file)) for path, file in pairs]
        secret = recover_key(package, given)
        counted = count_ballots(engine, package, secret)
        del secret
        marked = voter_marks(engine, package.election_id)
        results = with_outcomes(counted.as_results(), package.definition, marked, inputs)
    except (TallyError, PassphraseError, ResultsError, TieNeedsLot) as exc:
        raise click.ClickException(str(exc)) from None
    _write_results(results, package, (base, addenda), engine, out, as_json)


def _write_results(
    results: dict[str, Any], package: ElectionPackage, amended: tuple[ElectionDefinition, list[Addendum]],
    engine: Engine, out: Path, as_json: bool,
) -> None:
    base, addenda = amended
    results["fingerprint"] = package.fingerprint
    results["booths"] = booths(engine, package.election_id)
    results["tracking_codes"] = tracking_codes(engine, package.election_id)
    results["quarantined"] = quarantined_files(engine, package.election_id)
    state = amend_all(base, addenda)
    name_delegates(results, state)
    held = booth_addenda(engine, package.election_id)
    for booth in results["booths"]:
        booth["addenda"] = held.get(booth["station"], [])
    results["addenda"] = addenda_entries(addenda)
    marked = set(voter_marks(engine, package.election_id))
    results["delegations"] = delegations_entries(state, engine, package.election_id, marked)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    if as_json:
        click.echo(json.dumps(results, indent=1, ensure_ascii=False))
        return
    total = sum(s["ballots"] for s in results["sessions"])
    click.echo(f"{total} ballots counted from {len(results['booths'])} booth(s): {out / 'results.json'}")
    for session in results["sessions"]:
        for question in session["questions"]:
            click.echo(f"  {session['id']} / {question['id']}: {question.get('outcome', '')}")


def _attending(values: tuple[str, ...]) -> dict[str, int]:
    parsed: dict[str, int] = {}
    for value in values:
        session, _, number = value.partition("=")
        if not session or not number.isdigit():
            raise click.BadParameter(f"{value!r} is not SESSION=N, e.g. budget=612", param_hint="--attending")
        parsed[session] = int(number)
    return parsed


def _passphrase(share: Path, passphrase_file: Path | None) -> str:
    from kiosk.ballot.shares import ShareError, read_share_file

    if passphrase_file is not None:
        return passphrases.from_file(passphrase_file)
    try:
        trustee = read_share_file(share.read_text(encoding="utf-8")).trustee
    except (OSError, UnicodeDecodeError, ShareError) as exc:
        raise TallyError(f"{share}: {exc}") from None
    return passphrases.ask(f"Passphrase of trustee {trustee}", "--trustee-passphrase-file")
