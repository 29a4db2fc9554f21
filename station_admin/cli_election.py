"""`station-admin election`: the key ceremony that creates an election, and what it recorded.

At creation the officials type the authority passphrase and each trustee types their own (never
echoed, each asked twice), and each trustee says where their share goes: their own media, so that
no one leaves with more than their share. Scripts and tests give one passphrase file per person.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from kiosk.ballot.definition import DefinitionError, load_definition
from station_admin import passphrases
from station_admin.ceremony import CeremonyError, create_election
from station_admin.cli_common import (
    AUTHORITY_PASSPHRASE_OPTION,
    CEREMONY_OPTION,
    ELECTION_OPTION,
    MANIFEST_OPTION,
    amended_package_of,
    folder_of,
    signing_folder_of,
)
from station_admin.e2e_election import E2EElectionError, install_e2e
from station_admin.election_dir import ElectionDirError
from station_admin.election_e2e_key import ElectionKeyError, add_election_key
from station_admin.election_summary import as_lines, summary
from station_admin.passphrases import AUTHORITY_OPTION, PassphraseError

TRUSTEE_FILE_OPTION = "--trustee-passphrase-file"
SHARE_OUT_OPTION = "--share-out"


@click.group()
def election() -> None:
    """Create and inspect elections."""


@election.command("create")
@click.option(
    "--definition",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Election definition (JSON).",
)
@click.option(
    "--trustees", required=True, type=click.IntRange(1, 255), help="How many trustees hold a share."
)
@click.option(
    "--threshold", required=True, type=click.IntRange(1, 255), help="How many trustees together can decrypt."
)
@click.option(
    AUTHORITY_OPTION,
    "authority_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="For scripts: a file holding the new authority passphrase. Without it, it is asked twice.",
)
@click.option(
    TRUSTEE_FILE_OPTION,
    "trustee_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="For scripts: one file per trustee holding their passphrase, trustee 1 first. "
    "Without them each trustee types theirs, twice.",
)
@click.option(
    SHARE_OUT_OPTION,
    "share_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Where each trustee's share goes (a folder on their own media), trustee 1 first. "
    "Without them each trustee is asked.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="New folder for the election.",
)
def election_create(
    definition: Path,
    trustees: int,
    threshold: int,
    authority_file: Path | None,
    trustee_files: tuple[Path, ...],
    share_dirs: tuple[Path, ...],
    out: Path,
) -> None:
    """Make the authority key (encrypted), the election key split among trustees, voting codes and
    the signed package."""
    try:
        parsed = load_definition(definition)
    except DefinitionError as exc:
        raise click.ClickException(f"{definition} is not a valid election definition:\n{exc}") from None
    try:
        _check_counts(trustees, trustee_files, share_dirs)
        authority = _authority_passphrase(authority_file)
        given = [_trustee(n, trustee_files, share_dirs, parsed.id) for n in range(1, trustees + 1)]
        created = create_election(
            parsed,
            trustees,
            threshold,
            [p for p, _ in given],
            out,
            authority_passphrase=authority,
            share_paths=[s for _, s in given],
        )
    except (CeremonyError, PassphraseError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Election {parsed.id} created in {out}")
    click.echo(f"Fingerprint: {created.fingerprint}  (print it; poll workers compare it at each booth)")
    click.echo(f"Voting codes for {created.voters} voters: {created.folder.codes_path} (officials only)")
    click.echo(f"Authority key (encrypted under its passphrase): {created.folder.authority_key_path}")
    for number, (_, share) in enumerate(given, start=1):
        click.echo(f"Trustee {number}'s share: {share}")
    click.echo(f"Any {threshold} of the {trustees} trustees decrypt.")


def _check_counts(trustees: int, trustee_files: tuple[Path, ...], share_dirs: tuple[Path, ...]) -> None:
    for option, given in ((TRUSTEE_FILE_OPTION, trustee_files), (SHARE_OUT_OPTION, share_dirs)):
        if given and len(given) != trustees:
            raise click.UsageError(f"{len(given)} {option} for {trustees} trustees: give one per trustee")
    if len({f.resolve() for f in trustee_files}) != len(trustee_files):
        raise click.UsageError(f"the same {TRUSTEE_FILE_OPTION} twice: one file per trustee")


def _authority_passphrase(path: Path | None) -> str:
    if path is not None:
        return passphrases.from_file(path)
    return passphrases.ask_new("Authority passphrase", AUTHORITY_OPTION)


def _trustee(
    number: int, files: tuple[Path, ...], dirs: tuple[Path, ...], election_id: str
) -> tuple[str, Path]:
    """Trustee N's passphrase and the file their share goes to."""
    if files:
        passphrase = passphrases.from_file(files[number - 1])
    else:
        passphrase = passphrases.ask_new(f"Trustee {number}, your passphrase", TRUSTEE_FILE_OPTION)
    folder = dirs[number - 1] if dirs else _share_folder(number)
    return passphrase, folder / f"{election_id}-trustee-{number}.share"


def _share_folder(number: int) -> Path:
    """A folder that exists: a stick not mounted yet must not leave the share on this disk."""
    asked = f"Trustee {number}, the folder for your share (your own media)"
    for _ in range(passphrases.NEW_PASSPHRASE_TRIES):
        folder = Path(passphrases.ask_line(asked, SHARE_OUT_OPTION)).expanduser()
        if folder.is_dir():
            return folder
        click.echo(f"No folder {folder}: insert and mount your media, then type its folder.", err=True)
    raise PassphraseError(f"trustee {number}: no folder for the share")


@election.command("show")
@ELECTION_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def election_show(election: Path, as_json: bool) -> None:
    """Print the election's definition summary (as amended by its addenda), fingerprint and key
    ceremony record."""
    package, _, addenda = amended_package_of(folder_of(election))
    shown = summary(folder_of(election), package)
    shown["addenda"] = [{"number": a.number, "digest": a.digest, "issued": a.body.issued} for a in addenda]
    if as_json:
        click.echo(json.dumps(shown, indent=1, ensure_ascii=False))
        return
    for line in as_lines(shown):
        click.echo(line)


@election.command("e2e-key")
@ELECTION_OPTION
@MANIFEST_OPTION
@CEREMONY_OPTION
@AUTHORITY_PASSPHRASE_OPTION
def election_e2e_key(election: Path, manifest: Path, ceremony: Path, authority_file: Path | None) -> None:
    """Add the trustees' end-to-end election key to the package and sign it again (before provisioning),
    and keep the ceremony with the election: from then on it imports end-to-end ballots (sealed files
    /2) only, and its tally needs k trustees' `trustee decrypt`. No key is assembled anywhere."""
    folder = signing_folder_of(election, authority_file)
    try:
        fingerprint = add_election_key(folder, manifest, ceremony)
        installed = install_e2e(folder, ceremony, manifest)
    except (ElectionKeyError, E2EElectionError, ElectionDirError, PassphraseError) as exc:
        raise click.ClickException(str(exc)) from None
    keys = installed.keys
    click.echo(f"The package now carries the trustees' election key: {keys.k} of {keys.n} trustees decrypt; "
               f"H_E {installed.ceremony.h_e.hex()[:16]}…")  # fmt: skip
    click.echo(f"New fingerprint: {fingerprint}  (print it; poll workers compare it at each booth)")
