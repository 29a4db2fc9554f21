"""The booth key's chain of trust, replayed as an attacker would (issue 12, finding 1).

authority -> package -> poll worker's card -> booth key (made on the booth) -> sealed file. Each
test replays an attack on one link and sees the import refuse it, with nothing stored.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from kiosk.ballot.booth_certificate import BoothKeyCertificate, CardSigner, certify, signed_message
from kiosk.ballot.encryption import encrypt_ballot, tracking_code
from kiosk.ballot.sealed_file import SEALED_DOMAIN, Refusal
from kiosk.ballot.selections import encode_ballot
from kiosk.ballot.signing import new_signing_key, private_hex, public_hex, sign_json, signing_key_from_hex
from kiosk.booth.booth_key import BOOTH_KEY_FILE, certify_new_key
from kiosk.booth.station import Station
from kiosk.devices.card_login import CHALLENGE_BYTES
from station_admin import tally_db as db
from station_admin.importer import import_file
from tests.kit import POLL_WORKER, ElectionKit


@pytest.fixture(scope="module")
def day(small_election: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """booth-1's genuine sealed file (every voter voted no), and the booth's data folder."""
    root = tmp_path_factory.mktemp("booth-keys-day")
    station = Station(root / "data")
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    codes = small_election.codes()
    for voter in small_election.definition.voters_at("booth-1"):
        station.authenticate_code(codes[voter.id])
        station.cast(voter.id, "budget", {"q1": ("no",)})
    station.close_polls(POLL_WORKER)
    path = station.export(root)
    station.close()
    return path, root / "data"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")


def _stored(engine: Engine) -> tuple[int, int]:
    with engine.connect() as c:
        return tuple(c.execute(select(func.count()).select_from(t)).scalar() or 0  # type: ignore[return-value]
                     for t in (db.imports, db.ballots))


def _refused(engine: Engine, kit: ElectionKit, path: Path, refusal: Refusal) -> str:
    result = import_file(engine, kit.package, path)
    assert result.status == "refused" and result.reason.startswith(refusal.value), result.reason
    assert _stored(engine) == (0, 0)
    return result.reason


def _all_yes(kit: ElectionKit, genuine: Path, out: Path, key: str, certificate: BoothKeyCertificate) -> Path:
    """The issue's attack: booth-1's genuine marks and audit log (so the chain head still matches the
    printed closing report), every ballot replaced by a "yes", the manifest signed again."""
    with zipfile.ZipFile(genuine) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    definition, package = kit.definition, kit.package
    rows = []
    for line in members["ballots.jsonl"].splitlines():
        voter = "v01"  # any voter of the session: the plaintext's voter field is inside the encryption
        plain = encode_ballot(definition, definition.session("budget"), {"q1": ("yes",)}, voter)
        ciphertext = encrypt_ballot(package.body.election_public_key, definition.id, "budget", plain)
        rows.append({"tracking_code": tracking_code(ciphertext), "session": json.loads(line)["session"],
                     "ciphertext": base64.b64encode(ciphertext).decode()})
    members["ballots.jsonl"] = b"".join(json.dumps(r, sort_keys=True).encode() + b"\n"
                                        for r in sorted(rows, key=lambda r: r["tracking_code"]))
    manifest = json.loads(members["manifest.json"])
    manifest["members"]["ballots.jsonl"] = hashlib.sha256(members["ballots.jsonl"]).hexdigest()
    manifest["certificate"] = certificate.model_dump()
    members["manifest.json"] = json.dumps(manifest).encode()
    members["manifest.sig"] = sign_json(signing_key_from_hex(key), SEALED_DOMAIN, manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


def _genuine_certificate(data: Path) -> BoothKeyCertificate:
    return BoothKeyCertificate.model_validate_json((data / "booth-certificate.json").read_text())


def test_the_provisioning_stick_carries_no_private_key(
    small_election: ElectionKit, day: tuple[Path, Path]
) -> None:
    # Threat: whoever holds booth-1's provisioning stick (a FAT stick, handed from desk to booth).
    _sealed, data = day
    key = (data / BOOTH_KEY_FILE).read_text().strip()
    media = small_election.media["booth-1"]
    for path in media.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert key.encode() not in content and bytes.fromhex(key) not in content, path
    assert set(json.loads((media / "booth-provision.json").read_text())) == {"format", "station"}
    assert stat.S_IMODE((data / BOOTH_KEY_FILE).stat().st_mode) == 0o600  # the booth's user only
    assert os.stat(data / BOOTH_KEY_FILE).st_uid == os.getuid()


def test_resigning_booth_1s_file_with_a_key_of_ones_own_is_refused(
    engine: Engine, small_election: ElectionKit, day: tuple[Path, Path], tmp_path: Path
) -> None:
    # Threat (the attack): someone with the stick and the genuine sealed file replaces all
    # ballots by "yes" and signs again. No booth key is on the stick, so they sign with their own
    # under booth-1's genuine certificate.
    sealed, data = day
    forged = _all_yes(small_election, sealed, tmp_path / "yes.isoloir", private_hex(new_signing_key()),
                      _genuine_certificate(data))
    assert "signature does not match" in _refused(engine, small_election, forged, Refusal.TAMPERED)


def test_a_booth_key_certified_by_a_card_of_ones_own_is_refused(
    engine: Engine, small_election: ElectionKit, day: tuple[Path, Path], tmp_path: Path
) -> None:
    # Threat: the same, with a forged key for booth-1 and a certificate signed by a key (or a blank
    # OpenPGP card) the attacker holds, named as pw-1's card or as their own.
    sealed, data = day
    booth_key, card = new_signing_key(), new_signing_key()
    body = _genuine_certificate(data).body.model_copy(update={"booth_public_key": public_hex(booth_key)})
    for claimed in (body.card_public_key, public_hex(card)):
        forged_body = body.model_copy(update={"card_public_key": claimed})
        signature = card.sign(signed_message(forged_body)).hex()
        certificate = BoothKeyCertificate(body=forged_body, card_signature=signature)
        forged = _all_yes(small_election, sealed, tmp_path / "y.isoloir", private_hex(booth_key), certificate)
        _refused(engine, small_election, forged, Refusal.UNCERTIFIED_BOOTH)


def test_a_booth_key_certified_by_another_booths_poll_worker_is_refused(
    engine: Engine, small_election: ElectionKit, day: tuple[Path, Path], tmp_path: Path
) -> None:
    # Threat: booth-2's poll worker, with their genuine card and PIN, certifies a key for booth-1.
    sealed, data = day
    booth_key = new_signing_key()
    other = small_election.signer("booth-2")
    body = _genuine_certificate(data).body.model_copy(
        update={"booth_public_key": public_hex(booth_key), "card_public_key": other.public_key,
                "poll_worker": "pw-2"})
    forged = _all_yes(small_election, sealed, tmp_path / "yes.isoloir", private_hex(booth_key),
                      certify(body, other))
    reason = _refused(engine, small_election, forged, Refusal.UNCERTIFIED_BOOTH)
    assert "may not set up booth 'booth-1'" in reason
    with pytest.raises(ValueError, match=r"not registered .* to a poll worker of booth 'booth-1'"):
        certify_new_key(small_election.package, "booth-1", other, "2026-06-01T07:00:00Z")  # nor at the booth


def test_a_card_login_signature_cannot_pass_for_a_booth_key_certificate(
    engine: Engine, small_election: ElectionKit, day: tuple[Path, Path], tmp_path: Path
) -> None:
    # Threat: a booth that keeps the card's answer to a login challenge it chose (32 bytes, the
    # certificate's digest) and offers it as the card's signature on a key of its choice.
    sealed, data = day
    booth_key = new_signing_key()
    genuine = _genuine_certificate(data)
    body = genuine.body.model_copy(update={"booth_public_key": public_hex(booth_key)})
    card = small_election.signer("booth-1")
    challenge = hashlib.sha256(json.dumps(body.model_dump(), sort_keys=True).encode()).digest()
    assert len(challenge) == CHALLENGE_BYTES != len(signed_message(body))
    login_answer = card.sign(challenge)
    assert login_answer is not None
    certificate = BoothKeyCertificate(body=body, card_signature=login_answer.hex())
    forged = _all_yes(small_election, sealed, tmp_path / "yes.isoloir", private_hex(booth_key), certificate)
    _refused(engine, small_election, forged, Refusal.UNCERTIFIED_BOOTH)


def test_after_the_forgeries_the_genuine_file_imports_with_its_own_counts(
    engine: Engine, small_election: ElectionKit, day: tuple[Path, Path], tmp_path: Path
) -> None:
    sealed, data = day
    forged = _all_yes(small_election, sealed, tmp_path / "yes.isoloir", private_hex(new_signing_key()),
                      _genuine_certificate(data))
    _refused(engine, small_election, forged, Refusal.TAMPERED)
    result = import_file(engine, small_election.package, sealed)
    voters = small_election.definition.voters_at("booth-1")
    assert result.status == "imported" and result.ballots == len(voters)


def test_a_card_that_does_not_sign_sets_nothing_up(small_election: ElectionKit, tmp_path: Path) -> None:
    # A card pulled out between its PIN and the certificate: the booth stays not set up, no key kept.
    station = Station(tmp_path / "data")
    silent = CardSigner(small_election.signer("booth-1").public_key, lambda _message: None)
    with pytest.raises(ValueError, match="did not sign"):
        station.set_up(small_election.media["booth-1"], silent)
    assert station.package is None and not (tmp_path / "data" / BOOTH_KEY_FILE).exists()
    station.close()
