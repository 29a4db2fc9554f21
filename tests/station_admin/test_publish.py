"""The public board works in a real headless Chromium, from plain files: a voter types the code on
their receipt in the search box and is told it was counted; a made-up code is not found; a receipt's
QR code (?code=) is answered directly; the results and every code are on the page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from station_admin.cli import main as admin
from tests.station_admin.chromium import Chromium
from tests.station_admin.conftest import Tallied

pytestmark = pytest.mark.chromium
ANSWERED = "document.getElementById('search-result').hasAttribute('data-found')"


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


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    with Chromium() as chromium:
        yield chromium


def _search(browser: Chromium, page: Path, typed: str) -> tuple[str, str]:
    browser.open(page.as_uri())
    browser.type_text("#code", typed)
    browser.wait_for(ANSWERED)
    found = browser.evaluate("document.getElementById('search-result').dataset.found")
    return found, browser.evaluate("document.getElementById('search-result').textContent")


def test_a_voter_types_their_receipt_code_and_is_told_it_was_counted(
    tallied: Tallied, site: Path, browser: Chromium, tmp_path: Path
) -> None:
    real = json.loads(tallied.results.read_text())["tracking_codes"][0]
    assert _search(browser, site / "index.html", real) == (
        "yes", f"Counted: the ballot with tracking code {real} is among the counted ballots."
    )  # fmt: skip
    (tmp_path / "found.png").write_bytes(browser.screenshot())
    typed = real.lower().replace("-", " ").replace("0", "o").replace("1", "l")  # as a voter might type it
    assert _search(browser, site / "index.fr.html", typed)[0] == "yes"


def test_a_made_up_code_is_not_found(tallied: Tallied, site: Path, browser: Chromium) -> None:
    codes = json.loads(tallied.results.read_text())["tracking_codes"]
    fake = next(c for c in ("ZZZZ-ZZZZ-ZZZZ", "YYYY-YYYY-YYYY") if c not in codes)
    found, said = _search(browser, site / "index.es.html", fake)
    assert found == "no" and said.startswith("No encontrado:") and fake in said


def test_the_receipts_qr_link_is_answered_on_arrival(tallied: Tallied, site: Path, browser: Chromium) -> None:
    real = json.loads(tallied.results.read_text())["tracking_codes"][-1]
    browser.open(f"{(site / 'index.html').as_uri()}?code={real}")
    browser.wait_for(ANSWERED)
    assert browser.evaluate("document.getElementById('search-result').dataset.found") == "yes"


def test_the_board_lists_every_code_and_the_results(tallied: Tallied, site: Path, browser: Chromium) -> None:
    codes = json.loads(tallied.results.read_text())["tracking_codes"]
    browser.open(site.joinpath("index.fr.html").as_uri())
    listed = browser.evaluate("[...document.querySelectorAll('ol.codes li')].map(li => li.textContent)")
    assert listed == codes and len(codes) == 27
    outcome = browser.evaluate("document.querySelector('[data-outcome]').textContent")
    assert outcome == "Adopté"
    assert "Comité du personnel" in browser.evaluate("document.body.innerText")


def test_with_a_record_the_board_hands_a_slips_qr_link_to_its_check_page(
    tallied: Tallied, browser: Chromium, tmp_path: Path
) -> None:
    """`publish --record` adds check.html; a slip's QR link that lands on the board (the election's
    verify_url) goes on to it, and a receipt's bare ?code= is still answered on the board itself."""
    record = Path(__file__).resolve().parents[2] / "vectors" / "records" / "good-two-booths"
    out = tmp_path / "SITE"
    args = ["publish", "--election", str(tallied.election), "--results", str(tallied.results),
            "--record", str(record), "--out", str(out)]  # fmt: skip
    result = CliRunner().invoke(admin, args)
    assert result.exit_code == 0, result.output
    browser.open(out.joinpath("index.html").as_uri())
    link = browser.evaluate("document.getElementById('check-page').getAttribute('href')")
    assert link == "check.html?lang=en"
    browser.open(f"{out.joinpath('index.html').as_uri()}?check=2&s=budget")
    browser.wait_for("location.pathname.endsWith('/check.html')")
    browser.wait_for("document.getElementById('verdict').dataset.verdict === 'unreadable'")
    real = json.loads(tallied.results.read_text())["tracking_codes"][0]
    browser.open(f"{out.joinpath('index.html').as_uri()}?code={real}")
    browser.wait_for(ANSWERED)
    assert browser.evaluate("location.pathname").endswith("/index.html")
