"""`station-admin hall aggregate`, and the end-to-end half of `hall tally`: a vote of end-to-end
ballots counted at the desk from the files the hall holds, with no key at the desk.

station-admin hall aggregate SESSION --out DIR        DIR/request.json of that vote's sums, and the
                                                      manifest and ballots a trustee recomputes it from
station-admin trustee decrypt --ballots DIR ...       (each present trustee, on their own laptop)
station-admin hall tally SESSION --request DIR/request.json --partial P1 --partial P3
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import click

from kiosk.ballot.ids import SessionId
from station_admin.addenda import addenda_dir
from station_admin.cli_common import ELECTION_OPTION, JOBS_OPTION, amended_package_of, folder_of
from station_admin.cli_e2e import e2e_of
from station_admin.cli_hall_votes import DB_OPTION, check_session, hall_db
from station_admin.cli_tally import write_results
from station_admin.e2e_count import E2ETallyError
from station_admin.e2e_election import E2EElection
from station_admin.e2e_tally_results import write_e2e_files
from station_admin.e2e_weights import E2EWeightsError, beside_request
from station_admin.election_dir import ElectionDir
from station_admin.hall.count import CountError
from station_admin.hall.count_e2e import aggregate_vote, count_e2e_vote
from station_admin.results import ResultsError, TallyInputs, check_attending
from station_admin.seats import TieNeedsLot
from station_admin.tally import TallyError

MODE_OPTION = click.option(
    "--mode", type=click.Choice(["official", "test"]), default="official", show_default=True,
    help="Count the booths' official files, or a rehearsal's (booths set up in test mode).",
)  # fmt: skip


def hall_e2e_of(folder: ElectionDir) -> E2EElection:
    e2e = e2e_of(folder)
    if e2e is None:
        raise click.ClickException(
            "this election has no trustees' key ceremony (station-admin election e2e-key): its votes are "
            "counted with station-admin hall tally SESSION --share ... --share ..."
        )
    return e2e


@click.command("aggregate")
@ELECTION_OPTION
@DB_OPTION
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for request.json and the ballots each trustee recomputes it from (a stick).")
@JOBS_OPTION
@MODE_OPTION
@click.argument("session_id", metavar="SESSION")
def hall_aggregate(election: Path, db_url: str | None, out: Path, jobs: int,
                   mode: Literal["official", "test"], session_id: str) -> None:  # fmt: skip
    """A closed vote's sums to decrypt, from the end-to-end files the hall holds: the trustees' request."""
    session_id = check_session(election, session_id)
    folder = folder_of(election)
    package, base, addenda = amended_package_of(folder)
    e2e = hall_e2e_of(folder)
    with hall_db(election, db_url) as (store, sessions):
        try:
            beside = beside_request(folder.package_path, addenda_dir(folder))
            sums = aggregate_vote(store, sessions, package, (base, addenda), e2e, session_id, out, beside,
                                  jobs, mode)  # fmt: skip
        except (CountError, TallyError, E2EWeightsError) as exc:
            raise click.ClickException(str(exc)) from None
    count = sum(len(s.aggregates) + len(s.recorded) for s in sums)
    ballots = sum(s.ballots for s in sums)
    click.echo(f"{out / 'request.json'}: {count} sum(s) and named ballot(s) of the {ballots} ballot(s) of "
               f"{session_id}, for any {e2e.keys.k} of the {e2e.keys.n} trustees to decrypt "
               f"(station-admin trustee decrypt --ballots {out})")  # fmt: skip


def e2e_hall_count(
    election: Path, db_url: str | None, session_id: SessionId, request: Path | None,
    partials: tuple[Path, ...], inputs: TallyInputs, mode: Literal["official", "test"], target: Path,
) -> None:
    """`hall tally` of a vote of end-to-end ballots: checked, combined, counted, kept at the hall;
    target/results.json, and target/e2e/ with the request, the partials and the tally files the
    record carries."""
    if request is None or len(partials) == 0:
        raise click.UsageError(
            "a vote of end-to-end ballots is counted from the trustees' answers: give --request (of "
            f"station-admin hall aggregate {session_id} --out DIR) and each present trustee's --partial"
        )
    folder = folder_of(election)
    package, base, addenda = amended_package_of(folder)
    e2e = hall_e2e_of(folder)
    with hall_db(election, db_url) as (store, sessions):
        try:
            check_attending(package.definition, inputs.attending)
            answers = [p.read_bytes() for p in partials]
            beside = beside_request(folder.package_path, addenda_dir(folder))
            vote = count_e2e_vote(store, sessions, package, (base, addenda), e2e, session_id,
                                  request.read_bytes(), answers, inputs, beside, mode)  # fmt: skip
        except (CountError, TallyError, E2ETallyError, E2EWeightsError, ResultsError, TieNeedsLot,
                OSError) as exc:  # fmt: skip
            raise click.ClickException(str(exc)) from None
    write_e2e_files(target / "e2e", package, vote.count, request, partials, inputs.lot_seed)
    write_results(vote.results, package, (base, addenda), vote.entries, target, as_json=False, e2e=True)
