"""`station-admin voters`: printable notices with each voter's code, and a code reissued."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kiosk.ballot.ids import VoterId
from station_admin.cli_common import (
    AUTHORITY_PASSPHRASE_OPTION,
    ELECTION_OPTION,
    JSON_OPTION,
    folder_of,
    package_of,
    signing_folder_of,
)
from station_admin.election_dir import ElectionDirError
from station_admin.notices import read_codes, write_notices
from station_admin.reissue import ReissueError, reissue_code

OUT_OPTION = click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The PDF to write."
)


@click.group()
def voters() -> None:
    """Voters' notices and codes (officials only: the codes let people vote)."""


@voters.command("notices")
@ELECTION_OPTION
@OUT_OPTION
@click.option("--station", "stations", multiple=True, help="Only the voters of this booth (repeatable).")
@click.option("--voter", "voter_ids", multiple=True, help="Only this voter (repeatable).")
def notices(election: Path, out: Path, stations: tuple[str, ...], voter_ids: tuple[str, ...]) -> None:
    """Write one page per voter: name, booth, the voting code in large type and as a QR code for the
    booth's scanner, and the instructions in the voter's language."""
    folder = folder_of(election)
    package = package_of(folder)
    try:
        everyone = read_codes(folder.codes_path)
    except OSError as exc:
        raise click.ClickException(
            f"cannot read the voting codes {folder.codes_path}: {exc.strerror}"
        ) from None
    chosen = [
        v
        for v in everyone
        if (not stations or v.station in stations) and (not voter_ids or v.voter_id in voter_ids)
    ]
    unknown = sorted(set(voter_ids) - {v.voter_id for v in everyone})
    if unknown:
        raise click.ClickException(f"no voter {unknown[0]!r} in this election")
    if not chosen:
        raise click.ClickException("no voter matches; check --station and --voter")
    pages = write_notices(package.definition, chosen, out)
    click.echo(f"{pages} notice(s) written to {out}; post or hand each to its voter only")


@voters.command("reissue")
@ELECTION_OPTION
@AUTHORITY_PASSPHRASE_OPTION
@click.option("--voter", "voter_id", required=True, help="The voter whose code is lost.")
@OUT_OPTION
@JSON_OPTION
def reissue(election: Path, authority_file: Path | None, voter_id: str, out: Path, as_json: bool) -> None:
    """Give a voter a new code before the booths are provisioned: the old code stops working, the
    election package is signed again (new fingerprint) and a new notice is written.

    Once booths are provisioned this is refused: a poll worker reissues the code at the voter's booth.
    """
    folder = signing_folder_of(election, authority_file)
    try:
        voter, fingerprint = reissue_code(folder, VoterId(voter_id))
    except (ReissueError, ElectionDirError) as exc:
        raise click.ClickException(str(exc)) from None
    write_notices(package_of(folder).definition, [voter], out)
    if as_json:
        click.echo(json.dumps({"voter": voter_id, "notice": str(out), "fingerprint": fingerprint}))
        return
    click.echo(f"New code for {voter.name} ({voter_id}); the old one no longer works. Notice: {out}")
    click.echo(f"The election package was signed again. New fingerprint: {fingerprint}")
