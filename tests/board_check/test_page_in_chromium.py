"""check.html in a real headless Chromium, opened from file:// with no network, as a phone opens a
slip's QR link: each verdict is said in words and colour, in the reader's language, with the choices
the booth encrypted. A picture of each state is taken (ISOLOIR_SCREENSHOTS=DIR keeps them)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kiosk.ballot.e2e_receipt import parse_cast
from kiosk.booth.station import Station
from station_admin.board_check.page import write_check_page
from tests.board_check.slips import Board, FlippingCaster, cast_receipt, ceremony_of, check_slip
from tests.booth.test_e2e_cast import booth_public_key
from tests.kit import ElectionKit
from tests.station_admin.chromium import Chromium

pytestmark = pytest.mark.chromium
ANSWERED = "!['', 'working', undefined].includes(document.getElementById('verdict').dataset.verdict)"
PHONE = {"width": 390, "height": 760, "deviceScaleFactor": 1, "mobile": True}  # a phone held upright


@pytest.fixture
def browser() -> Iterator[Chromium]:
    with Chromium() as chromium:
        chromium.call("Emulation.setDeviceMetricsOverride", PHONE, page=True)
        yield chromium


def _open(browser: Chromium, page: Path, qr: str, lang: str = "") -> tuple[str, str, str]:
    query = urlsplit(qr).query + (f"&lang={lang}" if lang else "")
    browser.open(f"{page.as_uri()}?{query}")
    browser.wait_for(ANSWERED)
    verdict = browser.evaluate("document.getElementById('verdict').dataset.verdict")
    return verdict, browser.evaluate("document.getElementById('verdict').className"), browser.evaluate(
        "document.getElementById('verdict').innerText"
    )


def _picture(browser: Chromium, tmp_path: Path, name: str) -> None:
    picture = browser.screenshot()
    (tmp_path / f"{name}.png").write_bytes(picture)
    keep = os.environ.get("ISOLOIR_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"check-{name}.png").write_bytes(picture)


def test_each_verdict_is_said_on_the_page(
    e2e_booth: Station, e2e_election: ElectionKit, browser: Chromium, tmp_path: Path
) -> None:
    board = Board(booth_public_key(e2e_booth).hex())
    chosen = {"members": ("ana", "chloe"), "lists": ()}
    honest = check_slip(e2e_booth, e2e_election, board, 0, "board", chosen)
    kept = cast_receipt(e2e_booth, e2e_election, board, 1, "budget", {"q1": ("yes",)})
    dropped = cast_receipt(e2e_booth, e2e_election, board, 2, "budget", {"q1": ("no",)})
    honest_caster = e2e_booth.e2e_caster
    e2e_booth.e2e_caster = FlippingCaster(honest_caster, {"q1": ("no",)})  # encrypts "no", prints "yes"
    cheated = check_slip(e2e_booth, e2e_election, board, 3, "budget", {"q1": ("yes",)})
    e2e_booth.e2e_caster = honest_caster
    data = board.data(ceremony_of(e2e_election), drop=parse_cast(dropped).code)
    page = write_check_page(data, tmp_path / "BOARD")

    verdict, colour, said = _open(browser, page, honest)
    assert (verdict, colour) == ("match", "good")
    assert "This booth encrypted exactly these choices:" in said
    assert "Elect up to two members: Ana, Chloé" in said
    assert "blank" in said  # the list question left blank
    _picture(browser, tmp_path, "match")

    verdict, colour, said = _open(browser, page, honest, lang="fr")
    assert (verdict, colour) == ("match", "good") and "Cet isoloir a chiffré exactement ces choix" in said
    _picture(browser, tmp_path, "match-fr")

    verdict, colour, said = _open(browser, page, cheated, lang="es")
    assert (verdict, colour) == ("mismatch", "bad")
    assert "Discrepancia: la cabina no cifró lo que dice la papeleta" in said
    _picture(browser, tmp_path, "mismatch-es")

    verdict, colour, said = _open(browser, page, cheated)
    assert "Mismatch: the booth did not encrypt what the slip says. Tell an official" in said
    _picture(browser, tmp_path, "mismatch")

    verdict, colour, said = _open(browser, page, kept)
    assert (verdict, colour) == ("on_board", "good") and "Your ballot is on the board" in said
    _picture(browser, tmp_path, "on-board")

    verdict, colour, said = _open(browser, page, dropped)
    assert (verdict, colour) == ("not_on_board", "bad") and "Your ballot is not on the board" in said
    _picture(browser, tmp_path, "not-on-board")

    edited = honest[:-3] + "AAA"  # the signature's last bytes changed: still base64url, no longer the booth's
    verdict, colour, said = _open(browser, page, edited)
    assert (verdict, colour) == ("unsigned", "bad") and "not signed by a booth of this election" in said
    _picture(browser, tmp_path, "unsigned")


def test_a_pasted_qr_text_is_checked_on_the_button(
    e2e_booth: Station, e2e_election: ElectionKit, browser: Chromium, tmp_path: Path
) -> None:
    board = Board(booth_public_key(e2e_booth).hex())
    slip = check_slip(e2e_booth, e2e_election, board, 0, "budget", {"q1": ("abstain",)})
    page = write_check_page(board.data(ceremony_of(e2e_election)), tmp_path / "BOARD")
    browser.open(page.as_uri())
    assert browser.evaluate("document.getElementById('camera').hidden")  # no BarcodeDetector here
    browser.evaluate(f"document.getElementById('qr').value = {slip!r}")
    browser.evaluate("document.getElementById('w-button').click()")
    browser.wait_for(ANSWERED)
    assert browser.evaluate("document.getElementById('verdict').dataset.verdict") == "match"
    assert "Abstain" in browser.evaluate("document.getElementById('verdict').innerText")
    browser.evaluate("document.getElementById('qr').value = 'a shopping list'")
    browser.evaluate("document.getElementById('w-button').click()")
    browser.wait_for("document.getElementById('verdict').dataset.verdict === 'unreadable'")
    _picture(browser, tmp_path, "unreadable")
