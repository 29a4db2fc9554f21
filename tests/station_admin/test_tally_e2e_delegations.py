"""A record vote of end-to-end ballots with delegations of the vote: an adviser's ballot is published as
"a001-3 for s001-1", as with HPKE ballots, though the ballot itself carries the delegate's name (its
labels are the marked voter's, docs/e2e-spec.md §5); a delegation refused at the booth because the
delegate voted first publishes the delegate alone. In results.json, the report (its data and the PDF
read back) and the public board."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from kiosk.booth.cast import CastRefusal, CastRefused
from tests.conference.kit import CONFERENCE_VOTERS, Officials, officials_of, open_booth
from tests.conference.test_delegations import take_in_next
from tests.kit import SMALL_ELECTION
from tests.station_admin.e2e_kit import E2EKit
from tests.station_admin.weighted_e2e_kit import admin, count, election_of, verify

DEPUTY = "Government delegate 1, State 001 (a001-3 for s001-1)"
IN_PERSON = "Employers' delegate, State 001"  # their delegation to a001-5 came after they voted


def record_vote_definition() -> dict[str, Any]:
    """The small election's record vote alone, with delegation 001 (delegates s001-1 and s001-3, and
    their advisers a001-3 and a001-5, who vote in no session of their own)."""
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    data["sessions"] = [s for s in data["sessions"] if s["id"] == "roll-call"]
    for voter in data["voters"]:
        voter["sessions"] = ["roll-call"]
    for voter in json.loads(json.dumps(CONFERENCE_VOTERS)):
        voter["sessions"] = ["roll-call"] if voter["sessions"] else []
        data["voters"].append(voter)
    return data


@pytest.fixture(scope="module")
def conference(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    root = tmp_path_factory.mktemp("delegations-e2e")
    return election_of(record_vote_definition(), root, "record-vote.json")


@dataclass(frozen=True)
class Published:
    results: dict[str, Any]  # results.json
    report: dict[str, Any]  # the report's data (`report --format json`)
    pdf: str  # the PDF report's text, read back, its whitespace folded
    board: str  # the public board's index.html
    record: Path


def vote_with_delegations(officials: Officials, booth_data: Path) -> Path:
    """s001-3 votes, then one addendum delegates s001-1's vote to a001-3 and s001-3's to a001-5: the
    booth refuses the second (s001-3 voted first); a001-3 votes in s001-1's place. The sealed file."""
    booth = open_booth(officials.kit, booth_data)
    assert booth.e2e
    booth.cast("s001-3", "roll-call", {"q1": ("abstain",)})
    amended = officials.signed("election", "amend", "--delegate", "s001-1:a001-3:roll-call",
                               "--delegate", "s001-3:a001-5:roll-call")  # fmt: skip
    assert amended.exit_code == 0, amended.output
    take_in_next(booth, officials.stick())
    with pytest.raises(CastRefused) as refused:
        booth.cast("a001-5", "roll-call", {"q1": ("yes",)})
    assert refused.value.reason is CastRefusal.ALREADY_VOTED
    with pytest.raises(CastRefused) as delegated:
        booth.cast("s001-1", "roll-call", {"q1": ("yes",)})
    assert delegated.value.reason is CastRefusal.NOT_ELIGIBLE
    booth.cast("a001-3", "roll-call", {"q1": ("no",)})
    booth.cast("v01", "roll-call", {"q1": ("yes",)})
    booth.close_polls("pw-1")
    out = officials.root / "OUT"
    out.mkdir()
    sealed = booth.export(out)
    booth.close()
    return sealed


def publish(e2e: E2EKit, officials: Officials, sealed: Path) -> Published:
    """Import, aggregate, trustees 1 and 3 decrypt, tally, report, record and board, as officials do."""
    root, election = officials.root, officials.election
    counted = count(e2e, officials, sealed, "roll-call", report=True)
    results = root / "RESULTS" / "results.json"
    admin("report", "--election", election, "--results", results, "--format", "json",
          "--out", root / "report.json")  # fmt: skip
    admin("publish", "--election", election, "--results", results, "--out", root / "SITE")
    pages = pdfium.PdfDocument(root / "RESULTS" / "report.pdf")
    pdf = " ".join(page.get_textpage().get_text_range() for page in pages)
    return Published(
        json.loads(results.read_text(encoding="utf-8")),
        json.loads((root / "report.json").read_text(encoding="utf-8")),
        " ".join(pdf.split()),
        (root / "SITE" / "index.html").read_text(encoding="utf-8"),
        counted.record,
    )


@pytest.fixture(scope="module")
def published(conference: E2EKit, tmp_path_factory: pytest.TempPathFactory) -> Published:
    officials = officials_of(conference.kit, tmp_path_factory.mktemp("day"))
    return publish(conference, officials, vote_with_delegations(officials, officials.root / "booth"))


def test_an_e2e_record_vote_publishes_the_adviser_for_the_delegate_and_a_refused_delegation_alone(
    published: Published,
) -> None:
    roll_call = next(s for s in published.results["sessions"] if s["id"] == "roll-call")
    rows = {r["voter"]: (r.get("cast_by"), r["answers"]["q1"]) for r in roll_call["recorded_votes"]}
    assert rows == {"s001-1": ("a001-3", ["no"]), "s001-3": (None, ["abstain"]), "v01": (None, ["yes"])}
    assert published.results["delegations"] == [
        {"session": "roll-call", "delegate": "s001-1", "adviser": "a001-3", "addendum": 1, "status": "used"},
        {"session": "roll-call", "delegate": "s001-3", "adviser": "a001-5", "addendum": 1,
         "status": "voted_first"},
    ]  # fmt: skip


def test_the_report_names_the_adviser_for_the_delegate_and_the_delegate_who_voted_first_alone(
    published: Published,
) -> None:
    session = next(s for s in published.report["sessions"] if s["id"] == "roll-call")
    assert [name for name, _answer in session["recorded"]] == [DEPUTY, IN_PERSON, "Delegate 1"]
    assert DEPUTY in published.pdf
    assert "a001-5 for s001-3" not in published.pdf
    assert "a001-3 votes for s001-1 in Record vote — Addendum 1, used" in published.pdf
    refused = "a001-5 votes for s001-3 in Record vote — Addendum 1, refused: the delegate had voted"
    assert refused in published.pdf


def test_the_public_board_names_the_adviser_for_the_delegate(published: Published) -> None:
    roll = published.board[published.board.index("Record vote</h3>"):]
    roll = roll[: roll.index("</section>")]
    assert DEPUTY in roll
    assert "a001-5" not in roll and "Employers&#x27; delegate, State 001</td>" in roll


def test_the_record_of_a_day_with_delegations_verifies(conference: E2EKit, published: Published) -> None:
    verified = verify(conference, published.record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout
