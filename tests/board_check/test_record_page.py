"""check.html is built from the published record alone: the booths' certified keys, every cast and
checked code per session and booth, the manifest's exact bytes and the ceremony."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from station_admin.board_check.page import CheckPageError, board_data_from_record, write_check_page
from tests.board_check.slips import page_verdicts
from tests.kit import ROOT

GOOD = ROOT / "vectors" / "records" / "good-two-booths"


def test_the_page_data_come_from_the_record(tmp_path: Path) -> None:
    data = board_data_from_record(GOOD)
    assert set(data.booths) == {"booth-1", "booth-2"}
    cast = sum(len(c) for by in data.ballots.values() for c in by.values())
    results = json.loads((GOOD / "results.json").read_text())
    assert cast == sum(s["ballots"] for s in results["sessions"])
    assert data.checked["budget"]["booth-1"]  # the walk's challenged ballot
    page = write_check_page(data, tmp_path).read_text(encoding="utf-8")
    inlined = json.loads(page.split("window.CHECK_DATA = ", 1)[1].split(";\n", 1)[0])
    assert base64.b64decode(inlined["manifest"]) == (GOOD / "manifest.json").read_bytes()
    assert "<script src" not in page and "http" not in page.split("<script>", 1)[1]  # nothing fetched


def test_the_pages_javascript_accepts_the_records_election_and_says_garbage_is_no_slip() -> None:
    said = page_verdicts(board_data_from_record(GOOD), ["not a slip"])
    assert [v["verdict"] for v in said] == ["unreadable"]


def test_a_folder_that_is_no_record_or_another_elections_record_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CheckPageError, match="not a published record"):
        board_data_from_record(tmp_path)
    with pytest.raises(CheckPageError, match="record of election 'small-test', not 'other'"):
        board_data_from_record(GOOD, "other")
