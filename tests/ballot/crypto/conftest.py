"""A real ceremony.json, made once per session by three trustees through the library's own steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_admin.trustee import Seat, finish, keygen, shares

PASSPHRASE = "trustee passphrase"


@pytest.fixture(scope="session")
def ceremony_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("ceremony")
    manifest = root / "manifest.json"
    manifest.write_bytes(b'{"id": "unit"}\n')
    for i in (1, 2, 3):
        keygen(manifest, Seat(3, 2, i, f"T{i}"), root / f"t{i}.key", root / "r1", PASSPHRASE)
    for i in (1, 2, 3):
        shares(root / f"t{i}.key", [root / "r1"], root / "r2", PASSPHRASE)
    done = finish(root / "t1.key", [root / "r1", root / "r2"], root / "r3", PASSPHRASE)
    assert done.ceremony is not None
    return Path(done.ceremony).read_text()
