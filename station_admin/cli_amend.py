"""`station-admin election amend` and `station-admin voters delegate`: signed addenda for booths
already provisioned (a vote added, delegations, codes reissued, voters added or struck off)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from kiosk.ballot.addendum import AddedSession, Delegation, Revocation, WeightingChange
from kiosk.ballot.definition import Voter, VotingSession, Weighting
from kiosk.ballot.ids import VoterId
from kiosk.ballot.package import ElectionPackage
from station_admin.addenda import AmendError, Changes, Issued, copy_to_stick, issue_addendum, official_state
from station_admin.cli_common import (
    AUTHORITY_PASSPHRASE_OPTION,
    DB_OPTION,
    ELECTION_OPTION,
    JSON_OPTION,
    package_of,
    signing_folder_of,
)
from station_admin.election_dir import ElectionDir, ElectionDirError
from station_admin.notices import write_notices
from station_admin.tally import voter_marks
from station_admin.tally_db import open_db

STICK_OPTION = click.option(
    "--out", "stick", type=click.Path(file_okay=False, path_type=Path),
    help="A stick (mount point) for the booths: every addendum so far is copied onto it.",
)
NOTICES_OPTION = click.option(
    "--notices", type=click.Path(dir_okay=False, path_type=Path),
    help="The PDF of notices for the new codes (reissued or added voters).",
)


@click.command("amend")
@ELECTION_OPTION
@AUTHORITY_PASSPHRASE_OPTION
@DB_OPTION
@click.option("--add-session", "session_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='A vote added to the day: {"session": {...}, "voters": [ids]} or "voters_of": SESSION.')
@click.option("--add-voter", "voter_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A voter added by the Credentials Committee (one voter, as in the definition).")
@click.option("--delegate", "delegations", multiple=True, metavar="FROM:TO:SESSION",
              help="FROM's vote in SESSION goes to adviser TO.")
@click.option("--revoke", "revocations", multiple=True, metavar="FROM:SESSION",
              help="FROM takes back their vote in SESSION.")
@click.option("--reissue", "reissue", multiple=True, metavar="VOTER", help="A new code; the old one stops.")
@click.option("--strike", "struck", multiple=True, metavar="VOTER", help="The voter is struck off the roll.")
@click.option("--weighting", "weightings", multiple=True, metavar="SESSION=by-group|per-voter|none",
              help="The vote is weighted: by group (equal strength, ILC committees) or per voter (mandates).")
@NOTICES_OPTION
@STICK_OPTION
@JSON_OPTION
def amend(election: Path, authority_file: Path | None, db_url: str | None, session_files: tuple[Path, ...],
          voter_files: tuple[Path, ...], delegations: tuple[str, ...], revocations: tuple[str, ...],
          reissue: tuple[str, ...], struck: tuple[str, ...], weightings: tuple[str, ...],
          notices: Path | None, stick: Path | None, as_json: bool) -> None:
    """Sign the next addendum to an election whose booths are provisioned. Every booth takes it in
    (in order) from the stick; the poll worker sees what it changes before accepting it."""
    folder = signing_folder_of(election, authority_file)
    package = package_of(folder)
    try:
        state = official_state(folder, package)
        changes = Changes(
            sessions=[_added_session(path, state.definition.voters, state.definition.sessions)
                      for path in session_files],
            voters=[Voter.model_validate(_json(path)) for path in voter_files],
            delegations=[_delegation(text) for text in delegations],
            revocations=[_revocation(text) for text in revocations],
            reissue=[VoterId(v) for v in reissue],
            struck=[VoterId(v) for v in struck],
            weightings=[_weighting(text) for text in weightings],
        )
    except (AmendError, ValidationError) as exc:
        raise click.ClickException(str(exc)) from None
    _issue(folder, package, changes, db_url, notices, stick, as_json)


@click.command("delegate")
@ELECTION_OPTION
@AUTHORITY_PASSPHRASE_OPTION
@DB_OPTION
@click.option("--from", "delegate", required=True, help="The delegate who cannot attend the vote.")
@click.option("--to", "adviser", help="The adviser of the same delegation who votes in their place.")
@click.option("--session", "session_id", required=True, help="The vote delegated.")
@click.option("--revoke", is_flag=True, help="Take the delegation back (before the adviser voted).")
@STICK_OPTION
@JSON_OPTION
def delegate(election: Path, authority_file: Path | None, db_url: str | None, delegate: str,
             adviser: str | None, session_id: str, revoke: bool, stick: Path | None, as_json: bool) -> None:
    """Record a delegation of the vote handed to the Credentials Committee, as a signed addendum:
    the adviser (with a code or card of their own) votes in that session, the delegate no longer."""
    if revoke == (adviser is not None):
        raise click.UsageError("give --to ADVISER to delegate, or --revoke to take a delegation back")
    folder = signing_folder_of(election, authority_file)
    package = package_of(folder)
    if revoke:
        changes = Changes(revocations=[Revocation(session=session_id, delegate=delegate)])
    else:
        assert adviser is not None
        changes = Changes(delegations=[Delegation(session=session_id, delegate=delegate, adviser=adviser)])
    _issue(folder, package, changes, db_url, None, stick, as_json)


def _issue(folder: ElectionDir, package: ElectionPackage, changes: Changes, db_url: str | None,
           notices: Path | None, stick: Path | None, as_json: bool) -> None:
    marked = set(voter_marks(open_db(db_url or folder.default_db_url), package.election_id))
    try:
        issued = issue_addendum(folder, changes, marked)
        copied = copy_to_stick(folder, package, stick) if stick is not None else []
    except (AmendError, ElectionDirError) as exc:
        raise click.ClickException(str(exc)) from None
    if issued.codes and notices is not None:
        write_notices(official_state(folder, package).definition, issued.codes, notices)
    _report(issued, copied, notices, as_json)


def _report(issued: Issued, copied: list[Path], notices: Path | None, as_json: bool) -> None:
    number = issued.addendum.number
    if as_json:
        click.echo(json.dumps({"addendum": number, "digest": issued.addendum.digest,
                               "file": str(issued.path), "stick": [str(p) for p in copied],
                               "new_codes": [c.voter_id for c in issued.codes]}))
        return
    click.echo(f"Addendum {number} signed: {issued.path}")
    if copied:
        click.echo(f"{len(copied)} addendum file(s) on the stick; every booth takes them in, in order")
    if issued.codes:
        where = f"notices: {notices}" if notices else "codes in codes/voter-codes.csv"
        click.echo(f"New codes for {', '.join(c.voter_id for c in issued.codes)} ({where})")


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AmendError(f"{path}: cannot be read as JSON ({exc})") from None


def _added_session(path: Path, voters: list[Voter], sessions: list[VotingSession]) -> AddedSession:
    """The vote's file: its session, and who votes in it (a list, or the voters of a session)."""
    raw = _json(path)
    if not isinstance(raw, dict) or "session" not in raw:
        raise AmendError(f'{path}: expected {{"session": {{...}}, "voters": [...]}} or "voters_of": SESSION')
    like = raw.pop("voters_of", None)
    if like is not None:
        if like not in {s.id for s in sessions}:
            raise AmendError(f"{path}: voters_of names no session {like!r}")
        raw["voters"] = [v.id for v in voters if like in v.sessions]
    try:
        return AddedSession.model_validate(raw)
    except ValidationError as exc:
        raise AmendError(f"{path}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from None


def _delegation(text: str) -> Delegation:
    parts = text.split(":")
    if len(parts) != 3 or not all(parts):
        raise click.BadParameter(f"{text!r} is not FROM:TO:SESSION", param_hint="--delegate")
    return Delegation(delegate=parts[0], adviser=parts[1], session=parts[2])


def _revocation(text: str) -> Revocation:
    parts = text.split(":")
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter(f"{text!r} is not FROM:SESSION", param_hint="--revoke")
    return Revocation(delegate=parts[0], session=parts[1])


def _weighting(text: str) -> WeightingChange:
    session, _, kind = text.partition("=")
    known = [w.value for w in Weighting]
    if not session or kind not in known:
        raise click.BadParameter(f"{text!r} is not SESSION={'|'.join(known)}", param_hint="--weighting")
    return WeightingChange(session=session, weighting=Weighting(kind))
