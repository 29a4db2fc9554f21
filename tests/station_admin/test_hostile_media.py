"""`station-admin import` refuses hostile media without harm: nothing is written outside the tally
database, nothing is stored from a refused file, and the refusal says why."""

from __future__ import annotations

import io
import json
import os
import struct
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from kiosk.ballot.sealed_file import build_sealed_bytes
from kiosk.ballot.signing import private_hex
from kiosk.booth.booth_key import certify_new_key
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


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _import(kit: ElectionKit, tmp_path: Path, *media: Path) -> tuple[int, list[dict[str, Any]]]:
    db_url = f"sqlite:///{tmp_path / 'tally.sqlite'}"
    args = ["import", "--election", str(kit.folder.root), "--db", db_url, "--json", *map(str, media)]
    result = runner.invoke(admin, args)
    return result.exit_code, json.loads(result.stdout)


def _stored(tmp_path: Path) -> int:
    engine = db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(db.ballots)).scalar() or 0)


def _refused(kit: ElectionKit, tmp_path: Path, media: Path, reason: str) -> None:
    code, rows = _import(kit, tmp_path, media)
    assert code == 1
    assert [r["status"] for r in rows] == ["refused"], rows
    assert rows[0]["reason"].startswith(reason), rows[0]["reason"]
    assert _stored(tmp_path) == 0


def test_members_with_paths_that_climb_out_are_refused_and_nothing_is_written(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    for n, name in enumerate(("../../escaped.txt", "/tmp/isoloir-escaped.txt", "ballots/../../../escaped")):
        members = {**_members(sealed), name: b"owned"}
        (stick / f"booth-{n}.isoloir").write_bytes(_zip(members))
    code, rows = _import(small_election, tmp_path, stick)
    assert code == 1
    assert [r["reason"].split(":")[0] for r in rows] == ["unsafe archive"] * 3
    assert not list(tmp_path.rglob("escaped*")) and not Path("/tmp/isoloir-escaped.txt").exists()
    assert _stored(tmp_path) == 0


def test_a_huge_member_is_refused_from_its_declared_size(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    members = _members(sealed)
    members["manifest.json"] = members["manifest.json"] + b" " * (8 * 1024 * 1024)  # compresses to ~8 KB
    bomb = tmp_path / "booth-1.isoloir"
    bomb.write_bytes(_zip(members))
    assert bomb.stat().st_size < 100_000
    _refused(small_election, tmp_path, bomb, "unsafe archive")


def test_a_member_that_lies_about_its_size_is_never_read_past_it(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    # 100 MB of zeros inflate from a 100 KB member whose headers claim 200 bytes.
    bomb = bytearray(_zip({"manifest.json": bytes(100 * 1024 * 1024)}))
    struct.pack_into("<I", bomb, 22, 200)  # the local header's uncompressed size
    struct.pack_into("<I", bomb, bomb.rfind(b"PK\x01\x02") + 24, 200)  # the central directory's
    path = tmp_path / "booth-1.isoloir"
    path.write_bytes(bomb)
    started = time.monotonic()
    code, rows = _import(small_election, tmp_path, path)
    assert code == 1 and rows[0]["status"] == "refused"
    assert time.monotonic() - started < 10
    assert _stored(tmp_path) == 0


def test_an_endless_file_or_a_link_on_the_media_is_not_opened(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "booth-1.isoloir").symlink_to("/dev/zero")
    os.mkfifo(stick / "booth-2.isoloir")  # opening a pipe with no writer would wait for ever
    code, rows = _import(small_election, tmp_path, stick)
    assert code == 1
    assert [r["reason"] for r in rows] == [
        "unsafe archive: it is a link; only plain files are read from media",
        "unsafe archive: it is not a plain file; only plain files are read from media",
    ]


def test_files_that_are_not_what_their_name_says_are_refused(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    picture = tmp_path / "booth-1.isoloir"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    _refused(small_election, tmp_path, picture, "not a sealed ballot file")
    holiday = tmp_path / "booth-2.isoloir"
    holiday.write_bytes(_zip({"manifest.json": b"{}", "manifest.sig": b"", "beach.jpg": b"\xff\xd8"}))
    _refused(small_election, tmp_path, holiday, "unsafe archive: unexpected member 'beach.jpg'")
    empty = tmp_path / "empty-stick"
    empty.mkdir()
    (empty / "notes.txt").write_text("no ballots here")
    _refused(small_election, tmp_path, empty, "not a sealed ballot file: no *.isoloir file")


def test_a_booth_certificate_from_another_election_is_refused(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    other = make_election(SMALL_ELECTION, tmp_path / "other")
    key, certificate = certify_new_key(other.package, "booth-1", other.signer("booth-1"),
                                       "2026-06-01T07:00:00Z")
    manifest = {
        "election_id": small_election.package.election_id,
        "election_fingerprint": small_election.package.fingerprint,
        "station": "booth-1",
        "certificate": certificate.model_dump(),
        "mode": "official",
        "opened_at": "2026-06-01T08:00:00Z",
        "closed_at": "2026-06-01T18:00:00Z",
        "sessions": [],
        "audit_head": "0" * 64,
    }
    path = tmp_path / "booth-1.isoloir"
    path.write_bytes(build_sealed_bytes(manifest, [], [], [], private_hex(key)))
    _refused(small_election, tmp_path, path, "booth not certified by the election authority")


def test_the_same_file_twice_changes_nothing_and_says_so(
    small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    code, first = _import(small_election, tmp_path, sealed.parent)
    assert code == 0 and [(r["status"], r["ballots"]) for r in first] == [("imported", 3)]
    result = runner.invoke(
        admin,
        ["import", "--election", str(small_election.folder.root),
         "--db", f"sqlite:///{tmp_path / 'tally.sqlite'}", str(sealed)],
    )  # fmt: skip
    assert result.exit_code == 0
    assert "already imported" in result.stdout and "nothing changed" in result.stdout
    assert _stored(tmp_path) == 3
