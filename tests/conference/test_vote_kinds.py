"""The three kinds of vote, published as the ILC publishes them: a show of hands gives the counts
per group (Government, Employers, Workers) always and no one's vote; a record vote each delegate's
vote by name (an adviser's as "a001-3 for s001-1"); a secret ballot numbers only, and per group only
above the secrecy floor. In results.json, the PDF report (rendered and read back) and the public board."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from tests.conference.kit import Officials, open_booth
from tests.conference.test_added_vote import add_the_vote, tally
from tests.conference.test_delegations import take_in_next

SCREENS = Path(__file__).resolve().parents[2] / "build" / "screens"
# v01..v12: 6 Government, 3 Employers, 3 Workers; below the secrecy floor of 10 in every group.
SHOW = {f"v{n:02d}": ("yes" if n <= 8 else "no") for n in range(1, 13)}


@pytest.fixture
def day(officials: Officials) -> dict[str, Any]:
    """A show of hands added to the day, s001-1's record vote delegated to a001-3; voted at booth-1."""
    add_the_vote(officials)  # amendment-7, a show of hands
    assert officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3",
                            "--session", "roll-call").exit_code == 0
    stick = officials.stick()
    booth = open_booth(officials.kit, officials.root / "booth")
    take_in_next(booth, stick)
    take_in_next(booth, stick)
    booth.set_session_active("amendment-7", True, "pw-1")
    for voter, answer in SHOW.items():
        booth.cast(voter, "amendment-7", {"q1": (answer,)})
        booth.cast(voter, "budget", {"q1": (answer,)})
    booth.cast("v01", "roll-call", {"q1": ("yes",)})
    booth.cast("v02", "roll-call", {"q1": ("no",)})
    booth.cast("a001-3", "roll-call", {"q1": ("no",)})  # in s001-1's place
    booth.close_polls("pw-1")
    out = officials.root / "OUT"
    out.mkdir()
    sealed = booth.export(out)
    booth.close()
    assert officials.admin("import", str(sealed)).exit_code == 0
    return tally(officials)


def session(results: dict[str, Any], session_id: str) -> dict[str, Any]:
    return next(s for s in results["sessions"] if s["id"] == session_id)


def test_a_show_of_hands_publishes_its_counts_per_group_and_no_one_s_vote(day: dict[str, Any]) -> None:
    show = session(day, "amendment-7")
    assert show["kind"] == "show-of-hands"
    assert "recorded_votes" not in show and "groups_withheld" not in show
    counts = {g["id"]: [o["votes"] for o in g["questions"][0]["options"]] for g in show["groups"]}
    assert counts == {"government": [4, 2], "employers": [2, 1], "workers": [2, 1]}


def test_a_secret_ballot_publishes_numbers_only_below_the_floor(day: dict[str, Any]) -> None:
    secret = session(day, "budget")
    assert secret["kind"] == "secret"
    assert "groups" not in secret and "groups_withheld" in secret and "recorded_votes" not in secret


def test_a_record_vote_names_each_voter_and_the_adviser_for_the_delegate(day: dict[str, Any]) -> None:
    recorded = session(day, "roll-call")
    assert recorded["kind"] == "recorded"
    rows = {r["voter"]: (r.get("cast_by"), r["answers"]["q1"]) for r in recorded["recorded_votes"]}
    assert rows == {"v01": (None, ["yes"]), "v02": (None, ["no"]), "s001-1": ("a001-3", ["no"])}
    assert day["delegations"] == [{"session": "roll-call", "delegate": "s001-1", "adviser": "a001-3",
                                   "addendum": 2, "status": "used"}]


def test_the_pdf_report_and_the_public_board_follow_the_kind(
    day: dict[str, Any], officials: Officials
) -> None:
    results = officials.root / "RESULTS" / "results.json"
    pdf = officials.root / "report.pdf"
    assert officials.admin("report", "--results", str(results), "--out", str(pdf)).exit_code == 0
    document = pdfium.PdfDocument(pdf)
    text = ""
    SCREENS.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(document):
        text += page.get_textpage().get_text_range() + "\n"
        page.render(scale=1.5).to_pil().save(SCREENS / f"report-vote-kinds-{number + 1}.png")
    flat = " ".join(text.split())
    assert "Kind of vote: Show of hands" in flat and "Kind of vote: Secret ballot" in flat
    assert "Kind of vote: Record vote" in flat
    assert "Government delegate 1, State 001 (a001-3 for s001-1)" in flat
    assert "Addendum 1" in flat and "vote added: Amendment 7" in flat
    assert "a001-3 votes for s001-1 in Record vote — Addendum 2, used" in flat
    site = officials.root / "SITE"
    assert officials.admin("publish", "--results", str(results), "--out", str(site)).exit_code == 0
    page = (site / "index.html").read_text(encoding="utf-8")
    show = page[page.index("Amendment 7</h3>"):]
    show = show[: show.index("</section>")]
    assert show.count('<tr class="group">') == 3 and 'class="recorded"' not in show
    roll = page[page.index("Record vote</h3>"):]
    assert "Government delegate 1, State 001 (a001-3 for s001-1)" in roll[: roll.index("</section>")]
