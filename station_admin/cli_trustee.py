"""`station-admin trustee …`: the key ceremony and decryption, each trustee on their own laptop.

The administrator carries the files between laptops and nothing else: every file a trustee reads
is signed by its sender and checked here (docs/e2e-trustees.md).
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

import click

from station_admin.cli_common import CEREMONY_OPTION, JOBS_OPTION, MANIFEST_OPTION
from station_admin.trustee import Seat, answer, finish, keygen, shares
from station_admin.trustee_decrypt import check_request_is_the_sums, combine, decrypt
from station_admin.trustee_files import TrusteeError

KEY_OPTION = click.option(
    "--key",
    "key_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="This trustee's key file (on their own laptop; never on a stick).",
)
IN_OPTION = click.option(
    "--in",
    "folders",
    multiple=True,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder (stick) holding the other trustees' files; repeat for several.",
)
OUT_OPTION = click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder (stick) to write this trustee's files to.",
)
PASSPHRASE_OPTION = click.option(
    "--passphrase-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the key file's passphrase from the first line of this file (for scripts) instead of asking.",
)


def _passphrase(passphrase_file: Path | None, confirm: bool = False) -> str:
    if passphrase_file is not None:
        lines = [line for line in passphrase_file.read_text(encoding="utf-8").splitlines() if line]
        if not lines:
            raise click.ClickException(f"{passphrase_file} holds no passphrase")
        return lines[0]
    first = getpass.getpass("Passphrase of this trustee's key file: ")
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        raise click.ClickException("the two passphrases differ; nothing was written")
    return first


@click.group()
def trustee() -> None:
    """The trustees' key ceremony (keygen, shares, finish) and decryption (decrypt, combine)."""


@trustee.command("keygen")
@MANIFEST_OPTION
@click.option("--trustees", "n", required=True, type=click.IntRange(1, 255), help="How many trustees (n).")
@click.option("--threshold", "k", required=True, type=click.IntRange(1, 255), help="How many decrypt (k).")
@click.option(
    "--trustee", "number", required=True, type=click.IntRange(1, 255), help="This trustee's number."
)
@click.option("--name", default="", help="This trustee's name, as the record shows it.")
@KEY_OPTION
@OUT_OPTION
@PASSPHRASE_OPTION
def keygen_command(
    manifest: Path,
    n: int,
    k: int,
    number: int,
    name: str,
    key_path: Path,
    out: Path,
    passphrase_file: Path | None,
) -> None:
    """Round 1: make this trustee's secret polynomial and keys; write its signed commitments."""
    try:
        seat = Seat(n, k, number, name)
        printed = keygen(manifest, seat, key_path, out, _passphrase(passphrase_file, confirm=True))
    except TrusteeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Trustee {number}: key sealed in {key_path}; commitments in {out}/round1-{number}.json")
    click.echo(f"Identity fingerprint: {printed}  (read it aloud; the others compare it)")


@trustee.command("shares")
@KEY_OPTION
@IN_OPTION
@OUT_OPTION
@click.option(
    "--answer",
    "complaint",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Answer this complaint against us by revealing the share we sent.",
)
@PASSPHRASE_OPTION
def shares_command(
    key_path: Path, folders: tuple[Path, ...], out: Path, complaint: Path | None, passphrase_file: Path | None
) -> None:
    """Round 2: check every trustee's commitments, then encrypt one share to each other trustee."""
    try:
        if complaint is not None:
            written = answer(key_path, complaint, list(folders), out, _passphrase(passphrase_file))
            click.echo(f"Share revealed in {written}")
            return
        fingerprints = shares(key_path, list(folders), out, _passphrase(passphrase_file))
    except TrusteeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Every trustee's commitments check; shares written to {out}")
    for number, printed in sorted(fingerprints.items()):
        click.echo(f"  trustee {number}: {printed}")


@trustee.command("finish")
@KEY_OPTION
@IN_OPTION
@OUT_OPTION
@PASSPHRASE_OPTION
def finish_command(
    key_path: Path, folders: tuple[Path, ...], out: Path, passphrase_file: Path | None
) -> None:
    """Round 3: check the shares received (Feldman); name a cheater, or keep P(ℓ) and write ceremony.json."""
    try:
        done = finish(key_path, list(folders), out, _passphrase(passphrase_file))
    except TrusteeError as exc:
        raise click.ClickException(str(exc)) from None
    if done.complaints:
        for filed in done.complaints:
            click.echo(
                f"Error: trustee {filed.against} sent a bad share ({filed.reason}): complaint written to "
                f"{out}/complaint-{filed.by}-against-{filed.against}.json",
                err=True,
            )
        sys.exit(1)
    click.echo(f"Ceremony complete: {done.ceremony}; this trustee's share is sealed in {key_path}")


@trustee.command("decrypt")
@KEY_OPTION
@CEREMONY_OPTION
@click.option(
    "--request",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The aggregates to decrypt (isoloir-decryption-request/1).",
)
@click.option(
    "--ballots",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The folder `station-admin aggregate` or `station-admin hall aggregate` wrote (manifest.json, "
    "ballots/): the sums are recomputed from these ballots first, and a request asking for anything else "
    "is refused.",
)
@OUT_OPTION
@PASSPHRASE_OPTION
@JOBS_OPTION
def decrypt_command(
    key_path: Path,
    ceremony: Path,
    request: Path,
    ballots: Path | None,
    out: Path,
    passphrase_file: Path | None,
    jobs: int,
) -> None:
    """This trustee's share of each requested sum, with a proof anyone can check."""
    try:
        if ballots is not None:
            check_request_is_the_sums(ceremony, request, ballots, jobs)
        written = decrypt(key_path, ceremony, request, out, _passphrase(passphrase_file))
    except TrusteeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Partial decryptions written to {written}")


@trustee.command("combine")
@CEREMONY_OPTION
@click.option("--request", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--partial",
    "partials",
    multiple=True,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A trustee's partial-<ℓ>.json; give at least k.",
)
@click.option(
    "--bound", required=True, type=click.IntRange(0), help="The largest possible count (ballots or weight)."
)
def combine_command(ceremony: Path, request: Path, partials: tuple[Path, ...], bound: int) -> None:
    """Check every trustee's proofs and print the decrypted counts as JSON (no key needed)."""
    try:
        counts = combine(ceremony, request, list(partials), bound)
    except TrusteeError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(counts, indent=1))
