"""Fuzz the readers with hostile text in every place a sealed file's manifest or an election package
holds a string (values and keys): only their own errors, whose reasons print anywhere."""

from __future__ import annotations

import io
import json
import zipfile

import atheris
from common import genuine_sealed_file, run, small_election

from kiosk.ballot.package import PackageError, parse_package
from kiosk.ballot.sealed_file import MANIFEST, SealedFileError, parse_sealed_bytes
from tests.hostile_text import text_paths, with_text

KIT = small_election()
with zipfile.ZipFile(io.BytesIO(genuine_sealed_file(KIT))) as _archive:
    MEMBERS = {name: _archive.read(name) for name in _archive.namelist()}
MANIFEST_DOC = json.loads(MEMBERS[MANIFEST])
MANIFEST_PATHS = text_paths(MANIFEST_DOC)
PACKAGE_DOC = json.loads(KIT.folder.package_path.read_bytes())
PACKAGE_PATHS = text_paths(PACKAGE_DOC)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def target(data: bytes) -> None:
    given = atheris.FuzzedDataProvider(data)
    in_package = given.ConsumeBool()
    paths = PACKAGE_PATHS if in_package else MANIFEST_PATHS
    path = paths[given.ConsumeIntInRange(0, len(paths) - 1)]
    text = given.ConsumeUnicode(64)  # any code point, lone surrogates included
    try:
        if in_package:
            parse_package(json.dumps(with_text(PACKAGE_DOC, path, text)).encode())
        else:
            manifest = json.dumps(with_text(MANIFEST_DOC, path, text)).encode()
            parse_sealed_bytes(_zip({**MEMBERS, MANIFEST: manifest}), KIT.package)
    except (PackageError, SealedFileError) as refused:
        str(refused).encode("utf-8")  # a reason that cannot be printed is a crash too
        return


if __name__ == "__main__":
    run(target, [b"\x00" * 16, b"\x01\xd8\x00" * 8])
