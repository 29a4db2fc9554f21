"""scripts/e2e-walk.sh: the README's end-to-end walk runs headless, from the definition through the
trustees' ceremony, two booths of the booth's own services (`kiosk simulate`, each with a challenged
ballot), import, tally and the published record, and the independent verifier accepts the record."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from station_admin.board_check.page import board_data_from_record
from tests.board_check.slips import page_verdicts
from tests.kit import ROOT


def test_the_walk_ends_with_a_record_the_verifier_accepts(tmp_path: Path) -> None:
    out = tmp_path / "walk"
    walked = subprocess.run(
        [str(ROOT / "scripts" / "e2e-walk.sh"), str(out)], capture_output=True, text=True, timeout=1200
    )
    assert walked.returncode == 0, walked.stdout[-3000:] + walked.stderr[-3000:]
    assert "record verified: every check passed" in walked.stdout
    report = json.loads((out / "verify-report.json").read_text())
    assert report["ok"] is True and len(report["checks"]) == 12
    assert (out / "RECORD" / "record.json").exists() and (out / "RESULTS" / "report.pdf").exists()
    # Every slip the booths printed for a checked ballot is confirmed by the board's check page.
    printed = [(out / f"STICK-{booth}" / "checked-slips.txt").read_text() for booth in ("booth-1", "booth-2")]
    slips = [line for text in printed for line in text.splitlines() if line]
    assert "window.CHECK_DATA" in (out / "BOARD" / "check.html").read_text(encoding="utf-8")
    said = page_verdicts(board_data_from_record(out / "RECORD"), slips)
    assert slips and {v["verdict"] for v in said} == {"match"}
    # each booth's first voter checked a ballot: past each file's header, at least one per booth
    for booth in ("booth-1", "booth-2"):
        files = list((out / "RECORD" / "checked").rglob(f"{booth}.jsonl"))
        assert sum(len(p.read_text().splitlines()) - 1 for p in files) >= 1, booth
    # The record holds no private key: no trustee's share file, no booth or authority key.
    record = b"".join(p.read_bytes() for p in (out / "RECORD").rglob("*") if p.is_file())
    for i in (1, 2, 3):
        share = json.loads((out / f"laptop-{i}" / "trustee.key").read_text())
        assert share["ciphertext"].encode() not in record
