"""The board's check page's JavaScript, run under Node (Debian nodejs) by its own test runner: the
RFC 9496 and repository vectors, and slips made by the booth's own services (tests/board_check/*.test.js)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
NODE_TIMEOUT_S = 600  # the slowest file opens a few dozen slips on a loaded 2-core machine


def run_node_tests(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("node is not installed (Debian package nodejs, scripts/system-packages.txt)")
    return subprocess.run(
        [node, "--test", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=NODE_TIMEOUT_S,
        check=False,
    )


def test_the_page_reproduces_the_group_hash_and_ballot_vectors() -> None:
    result = run_node_tests(HERE / "vectors.test.js")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout


def test_the_page_opens_the_records_checked_ballots_and_refuses_a_wrong_h_e() -> None:
    result = run_node_tests(HERE / "record.test.js")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
