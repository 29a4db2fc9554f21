"""`station-admin tally`: count every imported ballot, weigh the weighted votes, decide each question
under its rule and write results.json (with the booths, tracking codes, addenda and delegations)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click
from sqlalchemy import Engine

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.amendments import amend_all
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import ElectionPackage
from station_admin import passphrases
from station_admin.addenda_results import addenda_entries, name_delegates
from station_admin.cast_weightings import check_cast_weightings
from station_admin.cli_common import DB_OPTION, ELECTION_OPTION, amended_package_of, folder_of
from station_admin.cli_e2e import e2e_of, e2e_tally
from station_admin.passphrases import PassphraseError
from station_admin.results import ResultsError, TallyInputs, check_attending
from station_admin.results_entries import imported_entries
from station_admin.seats import TieNeedsLot
from station_admin.tally import TallyError, TrusteeShare
from station_admin.tally_db import open_db
from station_admin.tally_results import tally_results
from station_admin.weights import WeightsError


@click.command()
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
    try:
        check_cast_weightings(engine, package.election_id, base, addenda)
    except WeightsError as exc:
        raise click.ClickException(str(exc)) from None
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
        results = e2e_tally(folder, package, e2e, db_url, request, partials, inputs, out, (base, addenda))
        _write_results(results, package, (base, addenda), engine, out, as_json, e2e=True)
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
        results = tally_results(engine, package, (base, addenda), given, inputs)
    except (TallyError, PassphraseError, ResultsError, TieNeedsLot, WeightsError) as exc:
        raise click.ClickException(str(exc)) from None
    _write_results(results, package, (base, addenda), engine, out, as_json)


def _write_results(
    results: dict[str, Any], package: ElectionPackage, amended: tuple[ElectionDefinition, list[Addendum]],
    engine: Engine, out: Path, as_json: bool, e2e: bool = False,
) -> None:
    write_results(results, package, amended, imported_entries(engine, package, amended), out, as_json, e2e)


def write_results(
    results: dict[str, Any], package: ElectionPackage, amended: tuple[ElectionDefinition, list[Addendum]],
    entries: Mapping[str, Any], out: Path, as_json: bool, e2e: bool = False,
) -> None:
    """out/results.json: the count, with the entries of the imported files (results_entries.py); `e2e`:
    its ballots are end-to-end ones, whose record votes name the delegate, not the adviser who cast
    (name_delegates)."""
    base, addenda = amended
    results["fingerprint"] = package.fingerprint
    for key in ("booths", "tracking_codes", "quarantined"):
        results[key] = entries[key]
    name_delegates(results, amend_all(base, addenda), entries["delegations"], e2e)
    results["addenda"] = addenda_entries(addenda)
    results["delegations"] = entries["delegations"]
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
