"""Findings 9, 10 and 12 (its first half) of issue 12: what lies outside the booth's seal.

Hostile text in a file is refused with a reason and the rest of the import goes on; bytes outside
the signed archive are refused; a file is known by its signed manifest, so the same ballots in a
second wrapper are the same file; a file of another election with the same id says that its
fingerprint differs.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from station_admin import tally_db as db
from station_admin.cli import main as admin
from tests.kit import SMALL_ELECTION, ElectionKit, make_election
from tests.station_admin.polling import polling_day

runner = CliRunner()


@pytest.fixture(scope="module")
def sealed(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ballots = {v: {"budget": {"q1": ("yes",)}} for v in ("v01", "v02", "v03")}
    return polling_day(small_election, tmp_path_factory.mktemp("day"), "booth-1", ballots)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _import(kit: ElectionKit, tmp_path: Path, *media: Path, as_json: bool = True) -> tuple[int, Any]:
    db_url = f"sqlite:///{tmp_path / 'tally.sqlite'}"
    args = ["import", "--election", str(kit.folder.root), "--db", db_url, *(["--json"] if as_json else [])]
    result = runner.invoke(admin, [*args, *map(str, media)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout) if as_json else result.output


def _stored(tmp_path: Path) -> tuple[int, int]:
    engine = db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    with engine.connect() as c:
        return tuple(  # type: ignore[return-value]
            c.execute(select(func.count()).select_from(t)).scalar() or 0 for t in (db.imports, db.ballots)
        )


def test_a_lone_surrogate_in_the_manifest_is_refused_and_the_next_file_still_imported(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    """Threat: anyone who can write a file on a stick the officials import puts text no encoder
    takes ("\\ud800") in a manifest field; the import used to stop with UnicodeEncodeError, and the
    genuine file after it on the stick was never imported."""
    stick = tmp_path / "STICK"
    stick.mkdir()
    members = _members(sealed)
    for number, field in enumerate(("opened_at", "audit_head", "station", "election_id")):
        manifest = json.loads(members["manifest.json"])
        manifest[field] = "\ud800"
        hostile = {**members, "manifest.json": json.dumps(manifest).encode()}
        (stick / f"a{number}-hostile.isoloir").write_bytes(_zip(hostile))
    shutil.copy(sealed, stick / "z-genuine.isoloir")
    code, printed = _import(small_election, tmp_path, stick, as_json=False)
    assert code == 1 and "4 refused" in printed and "1 imported" in printed, printed
    assert printed.count("not valid Unicode") == 4
    assert _stored(tmp_path) == (1, 3)


def test_a_file_named_with_bytes_that_are_not_text_is_read_and_shown(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    """Threat: a stick whose file name is not UTF-8 (b"\\xff") must not crash the table that shows it."""
    stick = tmp_path / "STICK"
    stick.mkdir()
    shutil.copy(sealed, os.path.join(os.fsencode(stick), b"\xff\xfe-booth-1.isoloir"))
    code, printed = _import(small_election, tmp_path, stick, as_json=False)
    assert code == 0 and "1 imported" in printed, printed
    assert _stored(tmp_path) == (1, 3)


@pytest.mark.parametrize(
    "wrap",
    [
        lambda data: data + b"\x00" * 64,  # trailing bytes
        lambda data: b"MZ" + b"\x00" * 62 + data,  # prepended bytes (a self-extracting stub)
        lambda data: _with_comment(data, b"see me"),  # a zip comment
        lambda data: _with_gap(data),  # bytes between two members
    ],
    ids=["trailing", "prepended", "comment", "between-members"],
)
def test_bytes_outside_the_signed_members_are_refused(
    small_election: ElectionKit, sealed: Path, tmp_path: Path, wrap: Any
) -> None:
    """Threat: someone with the stick hides data in the sealed file (a payload, a second archive)
    that no signature covers; it used to import as if it were the booth's."""
    path = tmp_path / "wrapped.isoloir"
    path.write_bytes(wrap(sealed.read_bytes()))
    code, rows = _import(small_election, tmp_path, path)
    assert code == 1 and rows[0]["status"] == "refused", rows
    assert "outside the signed members" in rows[0]["reason"] or "unsigned zip fields" in rows[0]["reason"]
    assert _stored(tmp_path) == (0, 0)


def _with_comment(data: bytes, comment: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.comment = comment
    return buffer.getvalue()


def _with_gap(data: bytes) -> bytes:
    """The archive rebuilt with 16 bytes slipped in after the first member (offsets fixed up)."""
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (name, content) in enumerate(members.items()):
            archive.writestr(name, content)
            if number == 0:
                archive.fp.write(b"\x00" * 16)  # type: ignore[union-attr]
                archive.start_dir = archive.fp.tell()  # type: ignore[union-attr]
    return out.getvalue()


def test_the_same_ballots_in_a_second_wrapper_are_the_same_file(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    """Threat: someone re-packs a booth's sealed members (stored instead of deflated) hoping the
    import reads the copy as "a different file from booth-1" and refuses the genuine one, or
    counts it twice."""
    assert _import(small_election, tmp_path, sealed)[0] == 0
    repacked = tmp_path / "repacked.isoloir"
    repacked.write_bytes(_zip(_members(sealed), zipfile.ZIP_STORED))
    assert repacked.read_bytes() != sealed.read_bytes()
    code, rows = _import(small_election, tmp_path, repacked)
    assert code == 0 and rows[0]["status"] == "already imported", rows
    assert _stored(tmp_path) == (1, 3)


def test_a_file_of_another_election_with_the_same_id_says_its_fingerprint_differs(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    """Threat: none, a mix-up: last year's sticks (the same election id, another package) brought
    to this year's import; the message used to say it belonged to the very election it was
    imported into."""
    other = make_election(SMALL_ELECTION, tmp_path / "last-year")
    theirs = polling_day(other, tmp_path / "day", "booth-1", {"v01": {"budget": {"q1": ("no",)}}})
    code, rows = _import(small_election, tmp_path, theirs)
    reason = rows[0]["reason"]
    assert code == 1 and reason.startswith("from another election"), reason
    assert f"fingerprint {other.package.fingerprint} differs" in reason
    assert small_election.package.fingerprint in reason and "belongs to" not in reason
    assert _stored(tmp_path) == (0, 0)
