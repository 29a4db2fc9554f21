"""`station-admin report` and `publish`: the results for the chair, and for everyone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from station_admin.board_check.page import CheckPageError, board_data_from_record, write_check_page
from station_admin.cli_common import ELECTION_OPTION, amended_package_of, folder_of
from station_admin.publish import publish_site
from station_admin.report_data import Report, ReportError, build_report
from station_admin.report_pdf import write_pdf

RESULTS_OPTION = click.option(
    "--results",
    "results_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="results.json written by `tally`.",
)


def _report(election: Path, results_path: Path, language: str | None) -> Report:
    definition = amended_package_of(folder_of(election))[0].definition  # with the votes added
    chosen = language or definition.languages[0]
    if chosen not in definition.languages:
        raise click.BadParameter(
            f"{chosen!r} is not a language of this election ({', '.join(definition.languages)})",
            param_hint="--language",
        )
    try:
        results: dict[str, Any] = json.loads(results_path.read_text(encoding="utf-8"))
        return build_report(results, definition, chosen)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{results_path} is not results.json from `tally`: {exc}") from None
    except (ReportError, KeyError) as exc:
        raise click.ClickException(f"{results_path} does not match this election: {exc}") from None


@click.command()
@ELECTION_OPTION
@RESULTS_OPTION
@click.option(
    "--format", "form", type=click.Choice(["pdf", "csv", "json"]), default="pdf", show_default=True,
    help="pdf for the chair to read out, csv for spreadsheets, json for scripts.",
)  # fmt: skip
@click.option("--language", help="One of the election's languages (default: its first).")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The file to write."
)
def report(election: Path, results_path: Path, form: str, language: str | None, out: Path) -> None:
    """The results report: per session and question the counts, a bar chart, the outcome and
    turnout; the booths imported with their sealed files' digests and audit chain heads."""
    built = _report(election, results_path, language)
    out.parent.mkdir(parents=True, exist_ok=True)
    if form == "pdf":
        write_pdf(built, out)
    elif form == "csv":
        out.write_text(built.to_csv(), encoding="utf-8")
    else:
        out.write_text(built.to_json(), encoding="utf-8")
    click.echo(f"Report ({form}, {built.language}) written to {out}")


@click.command()
@ELECTION_OPTION
@RESULTS_OPTION
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the site."
)
@click.option(
    "--record", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The published record (`record`): adds check.html, the offline check of slips and receipts.",
)  # fmt: skip
def publish(election: Path, results_path: Path, out: Path, record: Path | None) -> None:
    """Write the public board: a static site (open index.html, or copy the folder to any web
    server) with the results, every counted tracking code, and a search box for a receipt's code.
    With --record, also check.html: any phone checks a checked ballot's slip or a receipt on it."""
    definition = amended_package_of(folder_of(election))[0].definition  # with the votes added
    reports = [_report(election, results_path, language) for language in definition.languages]
    codes = json.loads(results_path.read_text(encoding="utf-8")).get("tracking_codes", [])
    try:
        data = board_data_from_record(record, definition.id) if record is not None else None
    except CheckPageError as exc:
        raise click.ClickException(str(exc)) from None
    pages = publish_site(reports, codes, out, check_page=data is not None)
    if data is not None:
        write_check_page(data, out)
    click.echo(f"Public board with {len(codes)} tracking codes written to {out} ({pages[0].name} first)")
