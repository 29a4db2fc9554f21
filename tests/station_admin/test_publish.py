"""The public board works in a real headless Chromium, from plain files: a voter's real tracking
code is found, a made-up one is not, and the results are on the page."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from station_admin.cli import main as admin
from tests.station_admin.conftest import Tallied

pytestmark = pytest.mark.chromium
CHROMIUM_TIMEOUT_S = 60  # a cold start on a busy CI machine


@pytest.fixture(scope="module")
def site(tallied: Tallied, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "SITE"
    args = [
        "publish",
        "--election",
        str(tallied.election),
        "--results",
        str(tallied.results),
        "--out",
        str(out),
    ]
    result = CliRunner().invoke(admin, args)
    assert result.exit_code == 0, result.output
    return out


def _chromium(url: str, profile: Path, *extra: str) -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "chromium is not installed (Debian package chromium, from scripts/system-packages.txt)"
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium's sandbox refuses root
    done = subprocess.run(
        [binary, "--headless", "--disable-gpu", *sandbox, f"--user-data-dir={profile}", *extra, url],
        capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_S, stdin=subprocess.DEVNULL, check=True,
    )  # fmt: skip
    return done.stdout


def _answer(site: Path, page: str, code: str, profile: Path) -> tuple[str, str]:
    dom = _chromium(f"{(site / page).as_uri()}?code={code}", profile, "--dump-dom")
    found = re.search(r'<p id="search-result"[^>]*data-found="(yes|no)"[^>]*>([^<]*)</p>', dom)
    assert found, dom[:2000]
    return found.group(1), found.group(2)


def test_a_counted_code_is_found_and_a_made_up_one_is_not(
    tallied: Tallied, site: Path, tmp_path: Path
) -> None:
    real = json.loads(tallied.results.read_text())["tracking_codes"][0]
    assert _answer(site, "index.html", real, tmp_path) == (
        "yes", f"Counted: the ballot with tracking code {real} is among the counted ballots."
    )  # fmt: skip
    typed = real.lower().replace("-", " ").replace("0", "o").replace("1", "l")  # as a voter might type it
    assert _answer(site, "index.fr.html", typed, tmp_path)[0] == "yes"
    fake = "ZZZZ-ZZZZ-ZZZZ" if real != "ZZZZ-ZZZZ-ZZZZ" else "YYYY-YYYY-YYYY"
    said = _answer(site, "index.es.html", fake, tmp_path)
    assert said[0] == "no" and said[1].startswith(
        f"No encontrado: ninguna papeleta contada tiene el código {fake}"[:40]
    )


def test_the_board_lists_every_code_and_the_results(tallied: Tallied, site: Path, tmp_path: Path) -> None:
    codes = json.loads(tallied.results.read_text())["tracking_codes"]
    dom = _chromium(site.joinpath("index.fr.html").as_uri(), tmp_path, "--dump-dom")
    assert all(f"<li>{code}</li>" in dom for code in codes) and len(codes) == 27
    assert 'data-outcome="adopted">Adopté<' in dom and "Comité du personnel" in dom
    _chromium(site.joinpath("index.html").as_uri(), tmp_path, "--screenshot=" + str(tmp_path / "board.png"),
              "--window-size=1000,1200", "--hide-scrollbars")  # fmt: skip
    assert (tmp_path / "board.png").stat().st_size > 10_000
