"""`station-admin aggregate`, and the end-to-end half of `tally`: no key at the officials' desk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.package import ElectionPackage
from station_admin.addenda import addenda_dir
from station_admin.cast_weightings import check_cast_weightings
from station_admin.cli_common import (
    AUTHORITY_PASSPHRASE_OPTION,
    DB_OPTION,
    ELECTION_OPTION,
    JOBS_OPTION,
    amended_package_of,
    folder_of,
    signing_folder_of,
)
from station_admin.e2e_count import E2ETallyError
from station_admin.e2e_election import E2EElection, E2EElectionError, load_e2e
from station_admin.e2e_tally_results import e2e_count, write_e2e_files, write_request
from station_admin.e2e_weights import E2EWeightsError, beside_request
from station_admin.election_dir import ElectionDir, ElectionDirError
from station_admin.passphrases import PassphraseError
from station_admin.record import RecordWriteError, write_record
from station_admin.results import ResultsError, TallyInputs
from station_admin.seats import TieNeedsLot
from station_admin.tally import TallyError
from station_admin.tally_db import open_db
from station_admin.weights import WeightsError


def e2e_of(folder: ElectionDir) -> E2EElection | None:
    try:
        return load_e2e(folder)
    except E2EElectionError as exc:
        raise click.ClickException(str(exc)) from None


@click.command("aggregate")
@ELECTION_OPTION
@DB_OPTION
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for request.json and the ballots each trustee recomputes it from (a stick).",
)
@JOBS_OPTION
def aggregate(election: Path, db_url: str | None, out: Path, jobs: int) -> None:
    """Recompute every sum to decrypt from the imported end-to-end ballots: the trustees' request."""
    folder = folder_of(election)
    package, base, addenda = amended_package_of(folder)
    e2e = e2e_of(folder)
    if e2e is None:
        raise click.ClickException(
            "this election has no trustees' key ceremony (station-admin election e2e-key)"
        )
    engine = open_db(db_url or folder.default_db_url)
    try:
        check_cast_weightings(engine, package.election_id, base, addenda)  # before trustees are asked
        beside = beside_request(folder.package_path, addenda_dir(folder))
        sums = write_request(engine, package, e2e, (base, addenda), out, jobs, beside)
    except (TallyError, E2EWeightsError, WeightsError) as exc:
        raise click.ClickException(str(exc)) from None
    count = sum(len(s.aggregates) for s in sums) + sum(len(s.recorded) for s in sums)
    click.echo(
        f"{out / 'request.json'}: {count} sum(s) and named ballot(s) of {sum(s.ballots for s in sums)} "
        f"ballots, for any {e2e.keys.k} of the {e2e.keys.n} trustees to decrypt"
    )


def e2e_tally(
    folder: ElectionDir,
    package: ElectionPackage,
    e2e: E2EElection,
    db_url: str | None,
    request: Path | None,
    partials: tuple[Path, ...],
    inputs: TallyInputs,
    out: Path,
    amended: tuple[ElectionDefinition, list[Addendum]],
    jobs: int = 2,
) -> dict[str, Any]:
    """The counts from k trustees' answers to the request, every proof checked; writes RESULTS/e2e/."""
    if request is None or not partials:
        raise click.UsageError(
            "an end-to-end election is tallied with --request and each trustee's --partial"
        )
    engine = open_db(db_url or folder.default_db_url)
    try:
        answers = [p.read_bytes() for p in partials]
        count = e2e_count(engine, package, e2e, amended, request.read_bytes(), answers, inputs, jobs)
    except (TallyError, E2ETallyError, E2EWeightsError, ResultsError, TieNeedsLot, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    write_e2e_files(out / "e2e", package, count, request, partials, inputs.lot_seed)
    return count.results


@click.command("record")
@ELECTION_OPTION
@DB_OPTION
@click.option(
    "--results",
    "results_dirs",
    required=True,
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The --out folder of `tally` (results.json and e2e/); for votes counted at the hall, each "
    "vote's `hall tally --out` folder, --results once per vote.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The record folder to publish (replaced if it exists).",
)
@AUTHORITY_PASSPHRASE_OPTION
def record(
    election: Path, db_url: str | None, results_dirs: tuple[Path, ...], out: Path, authority_file: Path | None
) -> None:
    """Write the public election record, signed by the election authority: anyone checks it with
    `isoloir-verify RECORD --authority-key KEY` (the key `election show` prints)."""
    folder = signing_folder_of(election, authority_file)
    package, _, _ = amended_package_of(folder)  # a vote added by addendum is in the record's results
    e2e = e2e_of(folder)
    if e2e is None:
        raise click.ClickException("only an end-to-end election has a verifiable record")
    engine = open_db(db_url or folder.default_db_url)
    try:
        index = write_record(
            folder.package_path, package, e2e, engine, results_dirs, folder.authority_key(), out
        )
    except (RecordWriteError, ElectionDirError, PassphraseError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Election record written to {out} ({index.name} signed by the authority); check it with:")
    click.echo(f"  isoloir-verify {out} --authority-key {package.body.authority_public_key}")
