"""An end-to-end sealed file (/2) names the addenda its booth held, and the import checks them as it
does for /1: the officials' own, from the first on, none skipped (spec §10.1).

Threat throughout: a stick holder, or a booth's own key, bringing a file that counted under an
addendum officials never issued (a rehearsal's draft, or a forgery).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from kiosk.ballot.amendments import amend_all, amended_package
from kiosk.ballot.sealed_e2e import parse_sealed_e2e
from kiosk.ballot.sealed_file import Refusal
from station_admin import tally_db as db
from station_admin.addenda import official_addenda
from station_admin.cli import main as admin
from station_admin.importer import ImportResult, import_file
from tests.ballot.sealed_kit import BoothDay, booth_day, members, resign, rezip, with_seal
from tests.kit import authority_args
from tests.station_admin.e2e_kit import E2EKit, make_e2e_election


@pytest.fixture(scope="module")
def e2e(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    """The small end-to-end election with one addendum issued (v01's code reissued)."""
    kit = make_e2e_election(tmp_path_factory.mktemp("e2e-addenda"))
    root = kit.kit.folder.root
    secrets = kit.root / "secrets"
    result = CliRunner().invoke(
        admin, ["election", "amend", "--election", str(root), "--reissue", "v01", *authority_args(secrets)]
    )
    assert result.exit_code == 0, result.output
    return kit


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")


def _import(engine: Engine, e2e: E2EKit, day: BoothDay, path: Path) -> ImportResult:
    folder = e2e.kit.folder
    base = folder.package()
    issued = official_addenda(folder, base)
    package = amended_package(base, amend_all(base.definition, issued))
    path.write_bytes(day.sealed())
    return import_file(engine, package, path, e2e=e2e.e2e, addenda=(base.definition, issued))


def test_the_sealed_file_names_the_addenda_its_booth_held_and_imports(
    engine: Engine, e2e: E2EKit, tmp_path: Path
) -> None:
    issued = official_addenda(e2e.kit.folder, e2e.kit.folder.package())
    held = ((1, issued[0].digest),)
    day = with_seal(booth_day(e2e.kit, e2e.e2e.election, "booth-1", voters=["v02", "v03"]), addenda=held)
    sealed = parse_sealed_e2e(day.sealed(), e2e.kit.package, e2e.e2e.election)
    assert [(a.number, a.digest) for a in sealed.manifest.addenda] == [(1, issued[0].digest)]
    result = _import(engine, e2e, day, tmp_path / "booth-1.isoloir")
    assert result.status == "imported", result.reason


def test_a_booth_that_held_no_addendum_yet_still_imports(engine: Engine, e2e: E2EKit, tmp_path: Path) -> None:
    day = booth_day(e2e.kit, e2e.e2e.election, "booth-2", voters=["v26"])
    assert _import(engine, e2e, day, tmp_path / "booth-2.isoloir").status == "imported"


def test_a_file_naming_an_addendum_officials_did_not_issue_is_refused(
    engine: Engine, e2e: E2EKit, tmp_path: Path
) -> None:
    # Threat: a booth took in an addendum from a rehearsal (signed, then discarded): its file names
    # that addendum's digest, which is not the officials' addendum 1.
    day = with_seal(
        booth_day(e2e.kit, e2e.e2e.election, "booth-1", voters=["v02"]), addenda=((1, "ab" * 32),)
    )
    result = _import(engine, e2e, day, tmp_path / "draft.isoloir")
    assert result.status == "refused" and result.reason.startswith(Refusal.ADDENDA_MISMATCH.value)
    assert "did not issue" in result.reason
    skipped = dataclasses.replace(day, seal=dataclasses.replace(day.seal, addenda=((2, "cd" * 32),)))
    result = _import(engine, e2e, skipped, tmp_path / "skipped.isoloir")
    assert result.status == "refused" and "addendum 2" in result.reason, result.reason


def test_a_file_that_leaves_a_session_out_of_its_manifest_is_refused(
    engine: Engine, e2e: E2EKit, tmp_path: Path
) -> None:
    # Threat: a booth's key; the manifest re-signed without a session the booth's addenda (here the
    # definition itself) give it, as a booth that claims fewer addenda than it held would write.
    day = booth_day(e2e.kit, e2e.e2e.election, "booth-1", voters=["v10"])  # v10 has no roll-call vote
    contents = members(day.sealed())
    manifest = json.loads(contents["manifest.json"])
    manifest["sessions"] = [s for s in manifest["sessions"] if s["session"] != "roll-call"]
    contents["manifest.json"] = json.dumps(manifest).encode()
    path = tmp_path / "short.isoloir"
    path.write_bytes(rezip(resign(contents, day.seal.booth_key)))
    folder = e2e.kit.folder
    base = folder.package()
    issued = official_addenda(folder, base)
    package = amended_package(base, amend_all(base.definition, issued))
    result = import_file(engine, package, path, e2e=e2e.e2e, addenda=(base.definition, issued))
    assert result.status == "refused" and result.reason.startswith(Refusal.ADDENDA_MISMATCH.value), (
        result.reason
    )
