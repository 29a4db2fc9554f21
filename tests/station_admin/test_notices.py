"""Voters' notices: one page per voter with only that voter's code, scannable, in their language;
a code reissued before provisioning replaces the old one in the booths' package."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from click.testing import CliRunner

from kiosk.ballot.definition import load_definition
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from kiosk.devices.sim_card import load_card_file
from kiosk.simulate import inserted_card
from station_admin.ceremony import create_election
from station_admin.cli import main as admin
from station_admin.election_dir import ElectionDir
from tests.kit import AUTHORITY_PASSPHRASE, PASSPHRASES, SMALL_ELECTION, authority_args

runner = CliRunner()


@pytest.fixture
def election(tmp_path: Path) -> ElectionDir:
    """A new election, no booth provisioned yet."""
    return create_election(
        load_definition(SMALL_ELECTION), 3, 2, PASSPHRASES, tmp_path / "E",
        authority_passphrase=AUTHORITY_PASSPHRASE,
    ).folder  # fmt: skip


def _codes(folder: ElectionDir) -> dict[str, dict[str, str]]:
    with folder.codes_path.open(encoding="utf-8") as handle:
        return {row["voter_id"]: row for row in csv.DictReader(handle)}


def _pages(pdf: Path) -> list[tuple[str, list[str]]]:
    """Each page's text and the QR codes read from its picture, as the booth's scanner reads them."""
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        text = page.get_textpage().get_text_range()
        picture = page.render(scale=1.5).to_pil()
        pages.append((text, [found.text for found in zxingcpp.read_barcodes(picture)]))
    return pages


def _run(*args: str) -> str:
    result = runner.invoke(admin, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _provision(election: ElectionDir, media: Path) -> None:
    """booth-1's stick, after its poll worker's (simulated) card is registered: it sets the booth up."""
    _run("cards", "simulate", "--election", str(election.root), "--holder", "pw-1",
         "--out", str(media.parent / "pw-1.card"), *authority_args(media.parent))
    _run("station", "provision", "--election", str(election.root), "--station", "booth-1",
         "--out", str(media))


def test_each_voter_gets_one_page_with_only_their_own_code_in_their_language(
    election: ElectionDir, tmp_path: Path
) -> None:
    _run(
        "voters",
        "notices",
        "--election",
        str(election.root),
        "--station",
        "booth-1",
        "--out",
        str(tmp_path / "n.pdf"),
    )
    codes = _codes(election)
    booth_1 = [v for v in codes.values() if v["station"] == "booth-1"]
    pages = _pages(tmp_path / "n.pdf")
    assert len(pages) == len(booth_1) == 24
    for voter, (text, scanned) in zip(booth_1, pages, strict=True):
        assert scanned == [voter["code"]]
        lines = text.splitlines()
        assert voter["code"] in lines and any(line.endswith(f": {voter['name']}") for line in lines)
        others = [v["code"] for v in codes.values() if v["voter_id"] != voter["voter_id"]]
        assert not any(code in text for code in others)
        said = {"fr": "Votre code de vote", "es": "Su código de votación", "en": "Your voting code"}
        assert said[voter["language"]] in text


def test_a_code_reissued_before_provisioning_replaces_the_old_one_at_the_booth(
    election: ElectionDir, tmp_path: Path
) -> None:
    old = _codes(election)["v01"]["code"]
    before = election.package().fingerprint
    printed = _run(
        "voters",
        "reissue",
        "--election",
        str(election.root),
        "--voter",
        "v01",
        "--out",
        str(tmp_path / "v01.pdf"),
        *authority_args(tmp_path),
    )
    new = _codes(election)["v01"]["code"]
    assert new != old and election.package().fingerprint != before
    assert "old one no longer works" in printed and election.package().fingerprint in printed
    [(text, scanned)] = _pages(tmp_path / "v01.pdf")
    assert scanned == [new] and "Delegate 1" in text
    _provision(election, tmp_path / "M")
    booth = Station(tmp_path / "booth")
    booth.set_up(tmp_path / "M", inserted_card(load_card_file(tmp_path / "pw-1.card")))
    booth.open_polls("pw-1")
    booth.set_session_active("budget", True, "pw-1")
    refused = booth.authenticate_code(old)
    assert isinstance(refused, CodeRefused) and refused.reason is CodeRefusal.UNKNOWN
    assert booth.authenticate_code(new) == Authenticated("v01")
    booth.close()


def test_after_provisioning_a_code_is_reissued_at_the_booth_not_here(
    election: ElectionDir, tmp_path: Path
) -> None:
    _provision(election, tmp_path / "M")
    package = election.package_path.read_bytes()
    result = runner.invoke(
        admin,
        [
            "voters",
            "reissue",
            "--election",
            str(election.root),
            "--voter",
            "v01",
            "--out",
            str(tmp_path / "x.pdf"),
            *authority_args(tmp_path),
        ],
    )
    assert result.exit_code == 1
    assert "booth-1 already hold this election package" in result.output and "poll worker" in result.output
    assert election.package_path.read_bytes() == package and not (tmp_path / "x.pdf").exists()


def test_an_unknown_voter_is_named_in_the_error(election: ElectionDir, tmp_path: Path) -> None:
    result = runner.invoke(
        admin,
        [
            "voters",
            "notices",
            "--election",
            str(election.root),
            "--voter",
            "v99",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
    )
    assert result.exit_code == 1 and "no voter 'v99'" in result.output
