"""The `kiosk` command: the booth itself, and its headless tools."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click

from kiosk.ballot.addendum import AddendumError
from kiosk.ballot.e2e_key import E2EKeyError, public_election
from kiosk.ballot.e2e_receipt import SlipError, parse_checked
from kiosk.ballot.e2e_slip_check import SlipVerdict, check_slip, describe
from kiosk.ballot.package import PackageError, load_package
from kiosk.booth.polls import TransitionRefused
from kiosk.booth.station import ExportError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Isoloir polling-station kiosk."""


@main.command()
@click.option(
    "--station",
    "media",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Provisioning media for the booth (from `station-admin station provision`).",
)
@click.option(
    "--voters",
    default=100,
    show_default=True,
    type=click.IntRange(min=0),
    help="How many of the booth's voters vote.",
)
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the random choices.")
@click.option(
    "--export",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder standing in for the USB stick the sealed ballot file is written to.",
)
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    help="The booth's storage folder (default: a new temporary folder).",
)
@click.option(
    "--mode",
    type=click.Choice(["official", "test"]),
    default="official",
    show_default=True,
    help="Run the booth in official or test mode.",
)
@click.option(
    "--codes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Officials' voter-codes.csv; without it the simulated poll worker reissues codes.",
)
@click.option(
    "--worker-card",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A simulated poll-worker card registered in the package (`station-admin cards simulate`): "
    "it certifies the booth's new key at set-up.",
)
@click.option(
    "--addenda",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The officials' stick with addenda (`station-admin election amend --out`): taken in during the day.",
)
@click.option("--addenda-after", type=click.IntRange(0), default=0, show_default=True,
              help="How many voters vote before the addenda are taken in.")
def simulate(
    media: Path,
    voters: int,
    seed: int,
    export: Path,
    data: Path | None,
    mode: str,
    codes: Path | None,
    worker_card: Path,
    addenda: Path | None,
    addenda_after: int,
) -> None:
    """Run a polling day headless through the real services and print what was cast.

    Sets the booth up from the media, opens polls, activates every session, lets VOTERS random voters
    cast random valid ballots, closes, and exports the sealed file. Prints the counts per session,
    question and option as JSON, in the same shape as `station-admin tally`'s results.json.
    """
    from kiosk.devices.sim_card import CardFileError, load_card_file
    from kiosk.simulate import simulate as run

    storage = data or Path(tempfile.mkdtemp(prefix="isoloir-booth-"))
    if data is not None and data.exists() and any(data.iterdir()):
        raise click.UsageError(f"{data} already holds a booth's storage; give an empty folder")
    try:
        card = load_card_file(worker_card)
        result = run(media, storage, voters, seed, export, card, mode, codes,  # type: ignore[arg-type]
                     addenda=addenda, addenda_after=addenda_after)
    except (PackageError, TransitionRefused, ExportError, CardFileError, AddendumError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"sealed ballot file: {result.sealed_file}", err=True)
    click.echo(json.dumps(result.counts, indent=1))


@main.command()
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default="/etc/isoloir/booth.toml",
    show_default=True,
    help="The booth config (TOML).",
)
@click.option(
    "--demo", is_flag=True, help="Demo: simulated devices; without a display, write the tour and exit."
)
@click.option(
    "--tour-out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the demo writes its screenshots when there is no display.",
)
def run(config_path: Path, demo: bool, tour_out: Path | None) -> None:
    """Start the booth: the voter's screens, full screen, over the booth's storage."""
    from kiosk.app import run_booth
    from kiosk.config import ConfigError, load_config

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    raise SystemExit(run_booth(config, demo, tour_out))


@main.command()
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the PNGs."
)
@click.option(
    "--election",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An election definition (default: the sample conference election).",
)
@click.option(
    "--media",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Provisioning media with a registered poll-worker card: adds the poll worker's screens.",
)
@click.option(
    "--worker-card",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='That card as JSON: {"pin": ..., "public_key": ...} (make demo writes one).',
)
@click.option(
    "--language", "languages", multiple=True,
    help="Only this language (repeatable; default: every language of the election).",
)
def tour(
    out: Path, election: Path | None, media: Path | None, worker_card: Path | None, languages: tuple[str, ...]
) -> None:
    """Render every screen of the booth, in every language, contrast and text size, to PNG files."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ballot.definition import DefinitionError, load_definition
    from kiosk.ui.app import application
    from kiosk.ui.tour import default_election, run_tour, tour_looks
    from kiosk.ui.worker_tour import WorkerTour

    if (media is None) != (worker_card is None):
        raise click.UsageError("--media and --worker-card go together")
    worker = WorkerTour.from_card_file(media, worker_card) if media and worker_card else None

    try:
        definition = load_definition(election or default_election())
    except DefinitionError as exc:
        raise click.ClickException(str(exc)) from None
    unknown = set(languages) - set(definition.languages)
    if unknown:
        raise click.UsageError(f"the election has no language {', '.join(sorted(unknown))}")
    application()
    looks = [look for look in tour_looks(definition) if not languages or look[0] in languages]
    written = run_tour(definition, out, worker=worker, looks=looks)
    pictures = [p for p in written if p.suffix == ".png"]
    click.echo(f"{len(pictures)} screens written to {out}, each with its spoken script")


@main.command("check-slip")
@click.argument("qr_text")
@click.option(
    "--package",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The election package (public); or give --manifest and --ceremony from the published record.",
)
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The election definition the trustees hashed (the record's manifest.json).")
@click.option("--ceremony", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The trustees' ceremony.json.")
@click.option("--booth-key", help="The booth's public key (hex, from the board): checks the signature.")
@click.option("--language", default="en", show_default=True, help="Language of the choices shown.")
def check_slip_command(
    qr_text: str,
    package: Path | None,
    manifest: Path | None,
    ceremony: Path | None,
    booth_key: str | None,
    language: str,
) -> None:
    """Check a checked ballot's slip offline: did the booth encrypt exactly the choices it shows?

    QR_TEXT is the text of the slip's QR code (what a scanner reads), or - to read it from stdin.
    Exit 0 when the booth encrypted exactly those choices, 1 otherwise (the reason is printed).
    """
    text = sys.stdin.read() if qr_text == "-" else qr_text
    try:
        if package is not None:
            loaded = load_package(package)
            if loaded.election_key is None:
                raise click.ClickException("this election package carries no end-to-end key")
            election, definition = loaded.election_key, loaded.definition
        elif manifest is not None and ceremony is not None:
            election, definition = public_election(manifest.read_bytes(), ceremony.read_bytes())
        else:
            raise click.UsageError("give --package, or --manifest and --ceremony")
        slip = parse_checked(text)
        key = bytes.fromhex(booth_key) if booth_key else None
    except (PackageError, E2EKeyError, SlipError) as exc:
        raise click.ClickException(str(exc)) from None
    except ValueError:
        raise click.ClickException("--booth-key is not hex") from None
    result = check_slip(election, definition, slip, key)
    click.echo(f"Ballot code {result.short_code} ({slip.session}, {slip.station})")
    if result.verdict is not SlipVerdict.MATCH:
        click.echo(f"FAILED: {result.verdict.value}", err=True)
        raise SystemExit(1)
    for line in describe(definition, slip.session, result.choices, language):
        click.echo(f"  {line}")
    signed = "; the booth's signature holds" if key else " (signature not checked: no --booth-key)"
    click.echo(f"OK: {result.verdict.value}{signed}")
