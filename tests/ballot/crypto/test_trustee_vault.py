"""A trustee's key file at rest: Argon2id + AES-256-GCM, bound to its ceremony and trustee number."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from kiosk.ballot.crypto.trustee_vault import (
    ShareFile,
    VaultError,
    open_share,
    read_key_file,
    seal_share,
    write_key_file,
)
from kiosk.ballot.crypto.wire import b64encode

HEADER = {"H_E": bytes(range(32)), "trustee": 2, "n": 3, "k": 2, "identity_key": bytes(32)}
SECRET = bytes(range(64))
PASSPHRASE = "correct horse battery"


def _sealed(tmp_path: Path) -> Path:
    path = tmp_path / "t2.key"
    write_key_file(path, seal_share(HEADER, SECRET, PASSPHRASE))
    return path


def test_a_sealed_share_opens_with_its_passphrase_only(tmp_path: Path) -> None:
    """Threat: someone copies the trustee's laptop disk (or the file) and guesses passphrases."""
    path = _sealed(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    read = read_key_file(path)
    assert isinstance(read, ShareFile)
    assert open_share(read, PASSPHRASE) == SECRET
    with pytest.raises(VaultError, match="trustee 2"):
        open_share(read, PASSPHRASE + "!")
    assert SECRET.hex() not in path.read_text() and b64encode(SECRET) not in path.read_text()


@pytest.mark.parametrize("field, value", [("trustee", 3), ("H_E", b64encode(bytes(32)))])
def test_a_key_file_relabelled_for_another_trustee_or_ceremony_does_not_open(
    tmp_path: Path, field: str, value: object
) -> None:
    """Threat: a trustee's file is passed off as another trustee's (or another election's) so that
    its holder decrypts in someone else's name."""
    path = _sealed(tmp_path)
    raw = json.loads(path.read_text())
    raw[field] = value
    path.write_text(json.dumps(raw))
    with pytest.raises(VaultError, match="does not open"):
        open_share(ShareFile.model_validate(raw), PASSPHRASE)


def test_a_short_passphrase_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="shorter than 8"):
        seal_share(HEADER, SECRET, "short")


def test_something_else_is_not_read_as_a_key_file(tmp_path: Path) -> None:
    path = tmp_path / "x.key"
    path.write_text('{"format": "isoloir-trustee-share/1"}')
    with pytest.raises(VaultError, match="not a trustee key file"):
        read_key_file(path)
