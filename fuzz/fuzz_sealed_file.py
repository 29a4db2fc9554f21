"""Fuzz the sealed ballot file reader: only SealedFileError, and never a changed file accepted."""

from __future__ import annotations

from common import genuine_sealed_file, run, small_election

from kiosk.ballot.sealed_file import SealedFileError, parse_sealed_bytes

KIT = small_election()
GENUINE = genuine_sealed_file(KIT)
CONTENT = parse_sealed_bytes(GENUINE, KIT.package)


def target(data: bytes) -> None:
    try:
        read = parse_sealed_bytes(data, KIT.package)
    except SealedFileError:
        return
    # Accepted: then it says exactly what the booth sealed (only zip bookkeeping may differ).
    same = (read.manifest, read.ballots, read.marks, read.audit)
    assert same == (CONTENT.manifest, CONTENT.ballots, CONTENT.marks, CONTENT.audit), "a changed file read"


if __name__ == "__main__":
    run(target, [GENUINE])
