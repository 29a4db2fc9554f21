"""Import refuses every bad sealed file with its reason, and a refused file changes nothing."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from kiosk.ballot.booth_certificate import BoothKeyCertificate, CardSigner
from kiosk.ballot.sealed_file import Refusal, build_sealed_bytes, read_sealed_file
from kiosk.ballot.signing import new_signing_key, private_hex
from kiosk.booth.booth_key import certify_new_key
from kiosk.booth.station import Station
from station_admin import tally_db as db
from station_admin.importer import import_file
from station_admin.quarantine import Replacement
from tests.kit import POLL_WORKER, ElectionKit, make_election


@pytest.fixture(scope="module")
def sealed(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A genuine sealed file of booth-1 holding a few ballots."""
    return _polling_day(small_election, tmp_path_factory.mktemp("day"), "official")


def _polling_day(election: ElectionKit, root: Path, mode: str) -> Path:
    station = Station(root / "data")
    station.set_up(election.media["booth-1"], election.signer("booth-1"), mode)  # type: ignore[arg-type]
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    codes = election.codes()
    for voter in ("v01", "v02", "v03"):
        station.authenticate_code(codes[voter])
        station.cast(voter, "budget", {"q1": ("no",)})
    station.close_polls(POLL_WORKER)
    path = station.export(root)
    station.close()
    return path


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")


def _rows(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as c:
        return tuple(  # type: ignore[return-value]
            c.execute(select(func.count()).select_from(table)).scalar()
            for table in (db.imports, db.ballots, db.marks)
        )


def _rezip(source: Path, target: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return target


def _expect_refusal(
    engine: Engine, election: ElectionKit, path: Path, refusal: Refusal, mode: str = "official"
) -> str:
    before = _rows(engine)
    result = import_file(engine, election.package, path, mode)  # type: ignore[arg-type]
    assert result.status == "refused"
    assert result.reason.startswith(refusal.value), result.reason
    assert _rows(engine) == before
    return result.reason


def test_a_genuine_file_imports_once_and_a_second_time_changes_nothing(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    first = import_file(engine, small_election.package, sealed)
    assert (first.status, first.ballots, first.marks) == ("imported", 3, 3)
    copy = shutil.copy(sealed, tmp_path / "second-stick.isoloir")
    again = import_file(engine, small_election.package, Path(copy))
    assert again.status == "already imported"
    assert _rows(engine) == (1, 3, 3)


def test_a_changed_ballot_is_refused(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    def flip(members: dict[str, bytes]) -> None:
        row = json.loads(members["ballots.jsonl"].splitlines()[0])
        row["session"] = "board"
        members["ballots.jsonl"] = b"\n".join(
            [json.dumps(row).encode(), *members["ballots.jsonl"].splitlines()[1:]]
        )

    bad = _rezip(sealed, tmp_path / "bad.isoloir", flip)
    assert "ballots.jsonl does not match" in _expect_refusal(engine, small_election, bad, Refusal.TAMPERED)


def test_a_changed_manifest_is_refused(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    def lie(members: dict[str, bytes]) -> None:
        members["manifest.json"] = members["manifest.json"].replace(b'"closed_at": "2', b'"closed_at": "1')

    bad = _rezip(sealed, tmp_path / "bad.isoloir", lie)
    assert "signature" in _expect_refusal(engine, small_election, bad, Refusal.TAMPERED)


def test_a_truncated_file_is_refused(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    cut = tmp_path / "cut.isoloir"
    cut.write_bytes(sealed.read_bytes()[: sealed.stat().st_size // 2])
    _expect_refusal(engine, small_election, cut, Refusal.TRUNCATED)


def test_a_file_that_is_not_a_sealed_file_is_refused(
    engine: Engine, small_election: ElectionKit, tmp_path: Path
) -> None:
    fake = tmp_path / "booth-1.isoloir"
    fake.write_bytes(b"%PDF-1.7 this is a report, not ballots")
    _expect_refusal(engine, small_election, fake, Refusal.NOT_SEALED_FILE)


def test_an_archive_member_that_climbs_out_is_refused(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    bad = _rezip(
        sealed, tmp_path / "bad.isoloir", lambda m: m.update({"../../etc/cron.d/evil": b"* * * * *"})
    )
    _expect_refusal(engine, small_election, bad, Refusal.UNSAFE)


def test_a_file_of_another_election_is_refused(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    from tests.kit import SMALL_ELECTION

    other = make_election(SMALL_ELECTION, tmp_path / "other")
    _expect_refusal(engine, other, sealed, Refusal.OTHER_ELECTION)


def booth_key(election: ElectionKit, station: str) -> tuple[BoothKeyCertificate, str]:
    """A booth key as a genuine set-up makes it: certified by the booth's poll worker's card."""
    key, certificate = certify_new_key(election.package, station, election.signer(station),
                                       "2026-06-01T07:00:00Z")
    return certificate, private_hex(key)


def test_a_booth_key_certified_by_an_unregistered_card_is_refused(
    engine: Engine, small_election: ElectionKit, tmp_path: Path
) -> None:
    # Threat: anyone with a card (or any key) of their own, certifying a booth key they made.
    stranger = new_signing_key()
    genuine, _key = booth_key(small_election, "booth-1")
    body = genuine.body.model_copy(update={"card_public_key": stranger.public_key().public_bytes_raw().hex()})
    from kiosk.ballot.booth_certificate import certify

    forged = certify(body, CardSigner(body.card_public_key, stranger.sign))
    path = _forged_file(small_election, tmp_path, forged, private_hex(new_signing_key()))
    assert "does not register" in _expect_refusal(engine, small_election, path, Refusal.UNCERTIFIED_BOOTH)


def test_counts_that_do_not_match_are_refused_even_when_signed_by_the_booth(
    engine: Engine, small_election: ElectionKit, tmp_path: Path
) -> None:
    path = _forged_file(small_election, tmp_path, *booth_key(small_election, "booth-1"), stated=5)
    _expect_refusal(engine, small_election, path, Refusal.INCONSISTENT)


def _forged_file(
    election: ElectionKit, root: Path, certificate: BoothKeyCertificate, booth_key: str, stated: int = 0
) -> Path:
    manifest = {
        "election_id": election.package.election_id,
        "election_fingerprint": election.package.fingerprint,
        "station": "booth-1",
        "certificate": certificate.model_dump(),
        "mode": "official",
        "opened_at": "2026-06-01T08:00:00Z",
        "closed_at": "2026-06-01T18:00:00Z",
        "sessions": [{"id": "budget", "ballots": stated, "marks": stated}],
        "audit_head": "0" * 64,
    }
    path = root / "forged.isoloir"
    path.write_bytes(build_sealed_bytes(manifest, [], [], [], booth_key))
    return path


def _resigned(election: ElectionKit, sealed: Path, root: Path) -> Path:
    """Booth-1's own story signed again by booth-1's key (from its data folder) as another file: a
    different closing time, the same ballots, marks and audit log, so every other check passes."""
    genuine = read_sealed_file(sealed, election.package)
    manifest = genuine.manifest.model_dump(mode="json")
    del manifest["members"]
    manifest["closed_at"] = "2099-01-01T00:00:00Z"
    ballots = [(b.tracking_code, b.session, b.ciphertext) for b in genuine.ballots]
    key = (sealed.parent / "data" / "booth.key").read_text()
    path = root / "resigned.isoloir"
    path.write_bytes(build_sealed_bytes(manifest, ballots, genuine.marks, genuine.audit, key))
    return path


def test_a_test_mode_file_is_refused_by_an_official_import_and_the_reverse(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    test_file = _polling_day(small_election, tmp_path, "test")
    assert "test mode" in _expect_refusal(engine, small_election, test_file, Refusal.WRONG_MODE)
    _expect_refusal(engine, small_election, sealed, Refusal.WRONG_MODE, mode="test")


def test_a_second_booth_set_up_as_an_already_imported_booth_is_refused(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    # Threat: a second machine set up as booth-1 (from a copy of its stick, with a poll worker's card).
    assert import_file(engine, small_election.package, sealed).status == "imported"
    second_booth = _polling_day(small_election, tmp_path, "official")
    assert "only one booth key per station" in _expect_refusal(
        engine, small_election, second_booth, Refusal.SECOND_BOOTH_KEY
    )


def test_a_different_file_signed_by_an_already_imported_booths_key_is_refused(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    assert import_file(engine, small_election.package, sealed).status == "imported"
    other = _resigned(small_election, sealed, tmp_path)
    assert "booth 'booth-1' was already imported" in _expect_refusal(
        engine, small_election, other, Refusal.ALREADY_IMPORTED
    )


def test_a_replacement_with_the_same_booth_key_imports_and_a_different_key_only_on_purpose(
    engine: Engine, small_election: ElectionKit, sealed: Path, tmp_path: Path
) -> None:
    # Threat: a wrong file for booth-1 imported first (a copy signed by booth-1's key, or a second
    # booth set up from booth-1's stick). `import --replace` quarantines it on the record; the
    # one-key-per-station check runs after the quarantine, so the genuine booth's file (same key)
    # replaces it, and a different key needs the same deliberate --replace: without it, it is refused.
    wrong = _resigned(small_election, sealed, tmp_path)
    assert import_file(engine, small_election.package, wrong).status == "imported"
    on_purpose = Replacement("booth-1", "the empty file was a copy; the booth's own is this", "J. Doe")
    result = import_file(engine, small_election.package, sealed, replace=on_purpose)
    assert result.status == "imported" and result.replaced and _rows(engine) == (1, 3, 3), result.reason
    second_booth = _polling_day(small_election, tmp_path / "second", "official")
    reason = _expect_refusal(engine, small_election, second_booth, Refusal.SECOND_BOOTH_KEY)
    assert "--replace booth-1" in reason
    chosen = Replacement("booth-1", "the chair's booth is the genuine one", "J. Doe")
    result = import_file(engine, small_election.package, second_booth, replace=chosen)
    assert result.status == "imported" and _rows(engine) == (1, 3, 3), result.reason
