"""`station-admin hall close | status | out-of-service | tally`: the officials' desk during a hall day.

They speak to the hall's PostgreSQL directly (the private one `hall serve` started in
ELECTION/hall-postgres, reached through its Unix socket, or --db), so the desk works while the
hall serves; booths hear of a close at their next call to the hall.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import click

from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.times import iso
from kiosk.clock import utc_now
from station_admin.cli_common import ELECTION_OPTION, amended_package_of, err, folder_of
from station_admin.hall import local_postgres
from station_admin.hall.close_store import HallSessions, SessionStoreUnavailable, VoteStatus
from station_admin.hall.count import CountError, count_vote, vote_status
from station_admin.hall.store import HallStore, StoreUnavailable
from station_admin.results import ResultsError, TallyInputs, check_attending
from station_admin.tally import TallyError, TrusteeShare

DB_OPTION = click.option(
    "--db", "db_url", default=None,
    help="The hall's PostgreSQL (as given to hall serve). Default: the private one in "
    "ELECTION/hall-postgres.",
)


@contextmanager
def hall_db(election: Path, db_url: str | None) -> Iterator[tuple[HallStore, HallSessions]]:
    package = folder_of(election).package()
    url = db_url or local_postgres.url_of(election / "hall-postgres")
    try:
        store = HallStore(url, package.election_id, utc_now)
        sessions = HallSessions(store.engine, package.election_id, utc_now)
    except (StoreUnavailable, SessionStoreUnavailable):
        err.print("[red]error:[/red] the hall's database cannot be reached: is `station-admin hall serve` "
                  "running (or give --db)?")
        raise SystemExit(1) from None
    try:
        yield store, sessions
    except (StoreUnavailable, SessionStoreUnavailable) as exc:
        err.print(f"[red]error:[/red] the hall's database: {exc}")
        raise SystemExit(1) from None
    finally:
        store.close()


def check_session(election: Path, session_id: str) -> SessionId:
    definition = amended_package_of(folder_of(election))[0].definition
    known = [s.id for s in definition.sessions]
    if session_id not in known:
        err.print(f"[red]error:[/red] no vote {session_id!r} in this election; votes: {', '.join(known)}")
        raise SystemExit(1)
    return SessionId(session_id)


@click.command("close")
@ELECTION_OPTION
@DB_OPTION
@click.option("--by", default="the desk", show_default=True, help="Who closes it (the record keeps it).")
@click.argument("session_id", metavar="SESSION")
def hall_close(election: Path, db_url: str | None, by: str, session_id: str) -> None:
    """Close a vote at every booth: no booth takes a ballot for it again; each sends its sealed file."""
    session_id = check_session(election, session_id)
    with hall_db(election, db_url) as (_store, sessions):
        if sessions.close(session_id, by):
            click.echo(f"vote {session_id} closed; booths are sending their session files "
                       f"(station-admin hall status {session_id})")
        else:
            click.echo(f"vote {session_id} was already closed; nothing changed")


@click.command("status")
@ELECTION_OPTION
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.argument("session_id", metavar="SESSION")
def hall_status(election: Path, db_url: str | None, as_json: bool, session_id: str) -> None:
    """Which booths have sent their session file of a vote, and which are out of service."""
    session_id = check_session(election, session_id)
    with hall_db(election, db_url) as (store, sessions):
        status = vote_status(store, sessions, session_id)
    if as_json:
        click.echo(json.dumps(_status_json(status), indent=1))
        return
    closed = f"closed at {iso(status.closed_at)}" if status.closed_at else "open"
    click.echo(f"vote {session_id}: {closed}")
    for booth in status.booths:
        if booth in status.reported:
            click.echo(f"  {booth}: reported, {status.reported[booth]} ballot(s)")
        elif booth in status.out_of_service:
            click.echo(f"  {booth}: out of service ({status.out_of_service[booth]})")
        else:
            click.echo(f"  {booth}: waiting")
    if status.complete:
        click.echo(f"every booth has reported: ready to count ({_count_commands(election, session_id)})")


def _count_commands(election: Path, session_id: SessionId) -> str:
    """What the desk types next to count the vote, by the kind of ballots."""
    if folder_of(election).package().election_key is None:
        return f"station-admin hall tally {session_id} --share ... --share ..."
    return (f"station-admin hall aggregate {session_id} --out DIR, each present trustee's station-admin "
            f"trustee decrypt --ballots DIR, then station-admin hall tally {session_id} --request "
            "DIR/request.json --partial ... --partial ...")  # fmt: skip


def _status_json(status: VoteStatus) -> dict[str, object]:
    closed_at = None if status.closed_at is None else iso(status.closed_at)
    return {"session": status.session_id, "closed_at": closed_at, "booths": status.booths,
            "reported": status.reported, "out_of_service": status.out_of_service,
            "waiting": status.waiting, "complete": status.complete, "counted": status.counted}


@click.command("out-of-service")
@ELECTION_OPTION
@DB_OPTION
@click.option("--session", "session_id", required=True, help="The closed vote it will not report for.")
@click.option("--reason", required=True, help="Why (kept on the record, shown with the results).")
@click.option("--by", required=True, help="The official who records it.")
@click.argument("booth")
def hall_out_of_service(election: Path, db_url: str | None, session_id: str, reason: str, by: str,
                        booth: str) -> None:
    """Record that a booth will not send its session file of a vote (it is counted without it)."""
    session_id = check_session(election, session_id)
    if not reason.strip():
        raise click.BadParameter("say why", param_hint="--reason")
    with hall_db(election, db_url) as (store, sessions):
        status = vote_status(store, sessions, session_id)
        if booth not in status.booths:
            joined = ", ".join(status.booths)
            err.print(f"[red]error:[/red] no booth {booth!r} joined the hall; booths: {joined}")
            raise SystemExit(1)
        if booth in status.reported:
            err.print(f"[red]error:[/red] booth {booth} sent its session file of {session_id}: it counts")
            raise SystemExit(1)
        if sessions.record_out_of_service(session_id, StationId(booth), reason, by):
            click.echo(f"booth {booth} recorded out of service for {session_id} by {by}: {reason}")
        else:
            click.echo(f"booth {booth} was already recorded out of service for {session_id}; nothing changed")


@click.command("tally")
@ELECTION_OPTION
@DB_OPTION
@click.option("--share", "shares", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="HPKE ballots: a trustee's share (k of them).")
@click.option("--trustee-passphrase-file", "passphrase_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="For scripts: one file per --share, in the same order.")
@click.option("--request", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="End-to-end ballots: the request.json of `station-admin hall aggregate` the "
              "trustees answered.")
@click.option("--partial", "partials", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="End-to-end ballots: a present trustee's partial-<n>.json (at least k of them).")
@click.option("--attending", type=int, default=None, help="Delegates attending and entitled to vote.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the vote's results.json (default: ELECTION/hall-results/SESSION).")
@click.option("--mode", type=click.Choice(["official", "test"]), default="official", show_default=True,
              help="Count the booths' official files, or a rehearsal's (booths set up in test mode).")
@click.argument("session_id", metavar="SESSION")
def hall_tally(election: Path, db_url: str | None, shares: tuple[Path, ...],
               passphrase_files: tuple[Path, ...], request: Path | None, partials: tuple[Path, ...],
               attending: int | None, out: Path | None, mode: Literal["official", "test"],
               session_id: str) -> None:  # fmt: skip
    """Count one closed vote once every booth reported (or is out of service); the projector shows it.
    End-to-end ballots: from k trustees' answers to `hall aggregate`'s request, no key at the desk."""
    from station_admin.cli_tally import _passphrase, _write_results

    session_id = check_session(election, session_id)
    folder = folder_of(election)
    package, base, addenda = amended_package_of(folder)
    inputs = TallyInputs({session_id: attending} if attending is not None else {})
    target = out or election / "hall-results" / session_id
    if package.election_key is not None:
        from station_admin.cli_hall_e2e import e2e_hall_count

        if shares:
            raise click.UsageError("a vote of end-to-end ballots has no shares to recover: give --request "
                                   "and each present trustee's --partial")  # fmt: skip
        e2e_hall_count(election, db_url, session_id, request, partials, inputs, mode, target)
        return
    if passphrase_files and len(passphrase_files) != len(shares):
        raise click.UsageError("one --trustee-passphrase-file per --share")
    if request is not None or partials:
        raise click.UsageError("this election's ballots are HPKE ones: give k trustees' --share")
    if not shares:
        raise click.UsageError("Missing option '--share': k trustees' shares count the vote")
    files: list[Path | None] = list(passphrase_files) or [None] * len(shares)
    with hall_db(election, db_url) as (store, sessions):
        try:
            check_attending(package.definition, inputs.attending)
            given = [TrusteeShare(p, _passphrase(p, f)) for p, f in zip(shares, files, strict=True)]
            vote = count_vote(store, sessions, package, (base, addenda), session_id, given, inputs, mode)
        except (CountError, TallyError, ResultsError) as exc:
            raise click.ClickException(str(exc)) from None
    _write_results(vote.results, package, (base, addenda), vote.engine, target, as_json=False)


@click.command("check-stick")
@ELECTION_OPTION
@DB_OPTION
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
def hall_check_stick(election: Path, db_url: str | None, files: tuple[Path, ...]) -> None:
    """Compare booths' end-of-day sealed files (from their sticks) with what the hall holds of each
    closed vote: says when they are the same, and names every difference (exit 1)."""
    from kiosk.ballot.sealed_file import SealedFileError
    from station_admin.hall.stick_check_e2e import read_and_compare

    package = folder_of(election).package()
    all_same = True
    with hall_db(election, db_url) as (_store, sessions):
        for path in files:
            try:
                comparison = read_and_compare(path, package, sessions)
            except SealedFileError as exc:
                err.print(f"[red]{path.name}: refused:[/red] {exc}")
                all_same = False
                continue
            for vote in comparison.votes:
                if vote.same:
                    click.echo(f"{comparison.station}, {vote.session_id}: the same {vote.ballots} ballot(s) "
                               "and marks as the hall")
                else:
                    all_same = False
                    click.echo(f"{comparison.station}, {vote.session_id}: DIFFERS from the hall: "
                               + "; ".join(vote.differences))
            for session_id, ballots in comparison.not_at_hall.items():
                click.echo(f"{comparison.station}, {session_id}: {ballots} ballot(s) the hall did not "
                           "collect (count them from the sticks)")
    if not all_same:
        raise SystemExit(1)
