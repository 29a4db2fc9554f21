"""A polling day on a small real filesystem that fills up mid-cast; run by test_disk_full.py.

Runs inside its own mount namespace (unshare), so the tmpfs it mounts vanishes with it, and it needs
no privilege beyond a user namespace. Prints what it saw as one JSON object for the test to judge.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.ballot.audit import verify_chain
from kiosk.ballot.sealed_file import read_sealed_file
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated
from kiosk.booth.walk import PrintOutcome, Screen, Walk
from kiosk.devices.sim_card import load_card_file
from kiosk.simulate import inserted_card

TMPFS_SIZE = "4m"  # room for the booth's files and a few hundred casts, so filling it is quick
VOTED_BEFORE = 4  # casts that succeed before the disk fills
WAITING = 12  # voters who reach the review before the disk fills; one of them meets the full disk
SESSION = "budget"


def fill(path: Path) -> None:
    """Writes until the filesystem says it is full, in ever smaller pieces to leave no byte."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 16, 1 << 12, 1 << 9, 1):
            while True:
                try:
                    os.write(fd, b"\0" * size)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)


def at_review(station: Station, code: str) -> Walk:
    walk = Walk(station, lambda _receipt: PrintOutcome.PRINTED)
    walk.start_code_entry()
    assert isinstance(walk.enter_code(code), Authenticated)
    walk.open_session(SESSION)
    walk.choose("yes")
    walk.continue_()
    return walk


def cast(walk: Walk) -> str | None:
    """The tracking code, or None when the voter was shown that the cast failed."""
    walk.submit()
    walk.confirm()
    return walk.receipt.tracking_code if walk.screen is Screen.CAST_DONE and walk.receipt else None


def polling_day(media: Path, codes: list[str], card: Path, mount: Path) -> dict[str, Any]:
    station = Station(mount / "booth")
    station.set_up(media, inserted_card(load_card_file(card)))
    station.open_polls("pw-1")
    station.set_session_active(SESSION, True, "pw-1")
    acked = [cast(at_review(station, code)) for code in codes[:VOTED_BEFORE]]
    waiting = [at_review(station, code) for code in codes[VOTED_BEFORE : VOTED_BEFORE + WAITING]]
    fill(mount / "filler")
    report: dict[str, Any] = {"failed": False}
    for index, walk in enumerate(waiting):
        code = cast(walk)
        if code is not None:
            acked.append(code)  # a cast that found room in the log is durable all the same
            continue
        report.update(failed=True, screen=walk.screen.value, error=walk.cast_error, casts_on_full=index)
        report["counts_while_full"] = list(station.counts()[SESSION])
        report["stored_while_full"] = sorted(t for t, _, _ in station.box.all_ballots())
        voter = walk.voter_id or ""
        report["status_while_full"] = {s.session_id: s.status.value for s in station.sessions_for(voter)}
        (mount / "filler").unlink()
        acked.append(cast(walk))  # the voter tries again from the failure screen once there is room
        acked += [cast(w) for w in waiting[index + 1 :]]
        break
    report["acked"] = acked
    station.close_polls("pw-1")
    (mount / "stick").mkdir()
    sealed_path = station.export(mount / "stick")
    package = station.package
    station.close()
    return {**report, **reopened(mount / "booth"), "sealed_ballots": _sealed_count(sealed_path, package)}


def reopened(data: Path) -> dict[str, Any]:
    station = Station(data)
    try:
        verify_chain(station.box.audit_entries())
        return {
            "stored_after": sorted(t for t, _, _ in station.box.all_ballots()),
            "counts_after": list(station.counts()[SESSION]),
        }
    finally:
        station.close()


def _sealed_count(path: Path, package: Any) -> int:
    return len(read_sealed_file(path, package).ballots)


def main() -> None:
    media, codes_file, card, mount = (Path(arg) for arg in sys.argv[1:5])
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", str(mount)], check=True)
    with codes_file.open(encoding="utf-8") as handle:
        codes = [r["code"] for r in csv.DictReader(handle) if r["station"] == "booth-1"]
    print(json.dumps(polling_day(media, codes, card, mount)))


if __name__ == "__main__":
    main()
