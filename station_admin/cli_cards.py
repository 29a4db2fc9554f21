"""`station-admin cards program`: a smart card for a voter or a poll worker."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import click

from kiosk.devices.cards import Role
from kiosk.devices.pcsc_card import PcscCardReader
from station_admin.cards import CardError, make_simulated_card, program_and_register
from station_admin.cli_common import (
    AUTHORITY_PASSPHRASE_OPTION,
    ELECTION_OPTION,
    JSON_OPTION,
    signing_folder_of,
)
from station_admin.election_dir import ElectionDirError


@click.group()
def cards() -> None:
    """Smart cards for voters and poll workers."""


@cards.command("program")
@ELECTION_OPTION
@AUTHORITY_PASSPHRASE_OPTION
@click.option("--holder", required=True, help="The voter's or poll worker's id in the definition.")
@click.option(
    "--role", type=click.Choice(["voter", "poll-worker"]), required=True, help="Whom the card lets in."
)
@click.option("--reader", default="", help="Part of the PC/SC reader's name (default: the first reader).")
@click.option(
    "--admin-pin-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A file holding the card's admin PIN; without it the PIN is asked.",
)
@JSON_OPTION
def program(
    election: Path,
    authority_file: Path | None,
    holder: str, role: str, reader: str, admin_pin_file: Path | None, as_json: bool
) -> None:
    """Write a new key to the card in the reader (made on the card; it never leaves it) and register
    it in the election package, which is signed again. Do this before provisioning the booths."""
    pin = admin_pin_file.read_text().strip() if admin_pin_file else getpass.getpass("Card admin PIN: ")
    chosen = Role.VOTER if role == "voter" else Role.POLL_WORKER
    folder = signing_folder_of(election, authority_file)
    try:
        folder.authority_key()  # a wrong passphrase is told before the card gets a key it cannot use
        key, fingerprint = program_and_register(folder, PcscCardReader(reader), pin, holder, chosen)
    except (CardError, ElectionDirError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(
            json.dumps(
                {"holder": holder, "role": chosen.value, "public_key": key, "fingerprint": fingerprint}
            )
        )
        return
    click.echo(f"Card programmed for {holder} ({role}); key {key[:16]}… registered")
    click.echo(f"The election package was signed again. New fingerprint: {fingerprint}")


@cards.command("simulate")
@ELECTION_OPTION
@AUTHORITY_PASSPHRASE_OPTION
@click.option("--holder", required=True, help="The poll worker's id in the definition.")
@click.option("--pin", default="1234", show_default=True, help="The simulated card's PIN (4 to 8 digits).")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The card file to write."
)
@JSON_OPTION
def simulate_card(
    election: Path, authority_file: Path | None, holder: str, pin: str, out: Path, as_json: bool
) -> None:
    """Make a simulated poll-worker card for a rehearsal (`kiosk simulate --worker-card`, the demo)
    and register it in the election package, which is signed again. The card file holds its private
    key: use it for rehearsals only, never for an official vote."""
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise click.BadParameter("a PIN is 4 to 8 digits", param_hint="--pin")
    folder = signing_folder_of(election, authority_file)
    try:
        folder.authority_key()  # a wrong passphrase is told before a card file is written
        key, fingerprint = make_simulated_card(folder, holder, pin, out)
    except (CardError, ElectionDirError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps({"holder": holder, "public_key": key, "card_file": str(out),
                               "fingerprint": fingerprint}))
        return
    click.echo(f"Simulated card for {holder} written to {out} (rehearsals only); key {key[:16]}… registered")
    click.echo(f"The election package was signed again. New fingerprint: {fingerprint}")
