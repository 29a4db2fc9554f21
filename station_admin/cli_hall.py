"""`station-admin hall`: the hall's server on the officials' PC, for booths on the hall network."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType

import click

from station_admin.cli_common import AUTHORITY_PASSPHRASE_OPTION, ELECTION_OPTION, err, signing_folder_of
from station_admin.cli_hall_e2e import hall_aggregate
from station_admin.cli_hall_release import hall_release
from station_admin.cli_hall_votes import (
    hall_check_stick,
    hall_close,
    hall_out_of_service,
    hall_status,
    hall_tally,
)
from station_admin.election_dir import ElectionDir, ElectionDirError
from station_admin.hall import local_postgres
from station_admin.hall.serve import DEFAULT_PORT, serving
from station_admin.hall.store import StoreUnavailable


@click.group()
def hall() -> None:
    """The hall network: booths reserve every delegate's has-voted mark here."""


@hall.command("serve")
@ELECTION_OPTION
@click.option("--db", "db_url", default=None,
              help="An existing PostgreSQL, e.g. postgresql+psycopg://user@host/hall. Default: a private "
              "server started in --db-folder.")
@click.option("--db-folder", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the private PostgreSQL keeps its data (default: ELECTION/hall-postgres).")
@click.option("--listen", default=f"0.0.0.0:{DEFAULT_PORT}", show_default=True,
              help="HOST:PORT on the hall network; booths name it in booth.toml ([hall] url).")
@click.option("--projector-listen", default=None,
              help="HOST:PORT of the projector's results page (plain HTTP, read only). Default: the "
              "hall's host and the next port.")
@AUTHORITY_PASSPHRASE_OPTION
def hall_serve(election: Path, db_url: str | None, db_folder: Path | None, listen: str,
               projector_listen: str | None, authority_file: Path | None) -> None:
    """Serve the hall until stopped (Ctrl+C or SIGTERM). Asks the authority passphrase once, to
    certify the hall's new key: booths trust no hall their election's authority did not certify."""
    host, port = _address(listen, "--listen")
    projector_port = None if projector_listen is None else _address(projector_listen, "--projector-listen")[1]
    folder = signing_folder_of(election, authority_file)
    private = db_folder or election / "hall-postgres"
    try:
        if db_url is None:
            with local_postgres.running(private) as url:
                _serve(folder, url, host, port, projector_port)
        else:
            _serve(folder, db_url, host, port, projector_port)
    except (ElectionDirError, StoreUnavailable, local_postgres.LocalPostgresError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise SystemExit(1) from None


def _address(text: str, option: str) -> tuple[str, int]:
    host, _, port_text = text.rpartition(":")
    if not host or not port_text.isdigit():
        raise click.BadParameter(f"HOST:PORT, e.g. 0.0.0.0:{DEFAULT_PORT}", param_hint=option)
    return host, int(port_text)


def _serve(folder: ElectionDir, db_url: str, host: str, port: int, projector_port: int | None) -> None:
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with serving(folder, db_url, host, port, projector_port) as server:
        assert server.projector is not None
        click.echo(f"hall serving {folder.package().election_id} at {server.url}")
        click.echo(f"the projector's page: {server.projector.url}/projector (?lang=fr or es)")
        stop.wait()
    click.echo("hall stopped")


for _command in (hall_release, hall_close, hall_status, hall_out_of_service, hall_aggregate, hall_tally,
                 hall_check_stick):
    hall.add_command(_command)
