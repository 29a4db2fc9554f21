"""Fuzz the election-package loader: only PackageError, and never a changed package accepted."""

from __future__ import annotations

from common import run, small_election

from kiosk.ballot.package import PackageError, parse_package

KIT = small_election()
GENUINE = KIT.folder.package_path.read_bytes()
SIGNED = parse_package(GENUINE)


def target(data: bytes) -> None:
    try:
        read = parse_package(data)
    except PackageError:
        return
    assert read.raw_body == SIGNED.raw_body, "a package with a changed body was accepted"


if __name__ == "__main__":
    run(target, [GENUINE])
