"""Weighted votes, as the ILC's committees vote: "to achieve equality of strength" each group's
members carry the votes that make the Government, Employer and Worker groups weigh the same, from
the members entitled to vote; recomputed when an addendum changes the composition; applied to the
results, the majority and the quorum, printed on the report. And plain per-voter weights (mandates)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from kiosk.ballot.definition import DefinitionError, parse_definition
from kiosk.ballot.weights import equal_strength
from tests.conference.kit import Officials, officials_of, open_booth
from tests.conference.test_added_vote import tally
from tests.conference.test_delegations import take_in_next
from tests.kit import SMALL_ELECTION, ElectionKit, make_election

# The 2018 Standard-Setting Committee on Violence and Harassment, as first composed (ILC107/PR8B(Rev.)).
COMPOSITION_2018 = {"government": 146, "employers": 185, "workers": 184}
PREFIX = {"government": "g", "employers": "e", "workers": "w"}


def committee_definition() -> dict[str, Any]:
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    data["sessions"] = [s for s in data["sessions"] if s["id"] == "budget"]
    data["sessions"][0]["weighting"] = "by-group"
    data["sessions"][0]["questions"][0]["rule"] = {"majority": "simple", "quorum": {"share": 0.0001}}
    data["voters"] = [
        {"id": f"{PREFIX[group]}{n:03d}", "name": f"{group} member {n}", "group": group,
         "sessions": ["budget"], "station": "booth-1"}
        for group, count in COMPOSITION_2018.items() for n in range(1, count + 1)
    ]
    return data


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    root = tmp_path_factory.mktemp("committee")
    path = root / "committee.json"
    path.write_text(json.dumps(committee_definition()), encoding="utf-8")
    return make_election(path, root)


def test_the_2018_composition_gives_the_smallest_whole_numbers_of_equal_strength() -> None:
    weights = equal_strength(COMPOSITION_2018)
    assert weights == {"government": 17020, "employers": 13432, "workers": 13505}
    assert {n * weights[g] for g, n in COMPOSITION_2018.items()} == {2_484_920}
    assert equal_strength({"government": 72, "employers": 48, "workers": 48}) == {
        "government": 2, "employers": 3, "workers": 3}
    assert equal_strength({"government": 3, "employers": 0, "workers": 2}) == {
        "government": 2, "employers": 0, "workers": 3}


def report_text(officials: Officials, language: str, form: str) -> str:
    """`station-admin report` in that language and form, read back (a PDF through its text layer)."""
    out = officials.root / f"report-{language}.{form}"
    result = officials.admin("report", "--results", str(officials.root / "RESULTS" / "results.json"),
                             "--language", language, "--format", form, "--out", str(out))
    assert result.exit_code == 0, result.output
    if form != "pdf":
        return out.read_text(encoding="utf-8")
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(out))


def vote(officials: Officials, data: Path, before: dict[str, str], strike: str | None = None,
         after: dict[str, str] | None = None) -> dict[str, Any]:
    """booth-1 votes `before`; an addendum strikes a member off (taken in mid-vote); `after` votes;
    polls close, the file is imported and station-admin tallies."""
    booth = open_booth(officials.kit, data)
    for voter, answer in before.items():
        booth.cast(voter, "budget", {"q1": (answer,)})
    if strike is not None:
        assert officials.signed("election", "amend", "--strike", strike).exit_code == 0
        take_in_next(booth, officials.stick())
    for voter, answer in (after or {}).items():
        booth.cast(voter, "budget", {"q1": (answer,)})
    booth.close_polls("pw-1")
    out = officials.root / "OUT"
    out.mkdir()
    sealed = booth.export(out)
    booth.close()
    assert officials.admin("import", str(sealed)).exit_code == 0
    return next(s for s in tally(officials)["sessions"] if s["id"] == "budget")


def test_a_committee_vote_weighted_by_group_counts_votes_of_equal_strength(
    committee: ElectionKit, tmp_path: Path
) -> None:
    officials = officials_of(committee, tmp_path)
    # 4 Government members for, 5 Employer members against: by heads rejected, by votes adopted
    ballots = {**{f"g{n:03d}": "yes" for n in range(1, 5)}, **{f"e{n:03d}": "no" for n in range(1, 6)}}
    budget = vote(officials, tmp_path / "booth", ballots)
    weights = {g["id"]: (g["members"], g["weight"]) for g in budget["weights"]["groups"]}
    assert weights == {"government": (146, 17020), "employers": (185, 13432), "workers": (184, 13505)}
    assert budget["weights"]["as_of_addendum"] == 0 and budget["weights"]["total"] == 3 * 2_484_920
    question = budget["questions"][0]
    assert [o["votes"] for o in question["options"]] == [4 * 17020, 5 * 13432, 0]
    assert [o["votes"] for o in budget["ballot_counts"]["questions"][0]["options"]] == [4, 5, 0]
    assert question["outcome"] == "adopted" and question["votes_cast"] == 4 * 17020 + 5 * 13432
    assert question["quorum"]["base_count"] == 3 * 2_484_920  # the quorum counts votes, not heads
    shown = "Government 146 × 17,020 votes, Employers 185 × 13,432 votes, Workers 184 × 13,505 votes"
    assert shown in " ".join(report_text(officials, "en", "pdf").split())
    site = officials.root / "BOARD"
    results = officials.root / "RESULTS" / "results.json"
    assert officials.admin("publish", "--results", str(results), "--out", str(site)).exit_code == 0
    board = "".join(path.read_text(encoding="utf-8") for path in site.glob("*.html"))
    assert shown in board and f"<td>{4 * 17020}</td>" in board  # the board shows votes, not heads


def test_an_addendum_striking_a_member_mid_vote_recomputes_the_weights(
    committee: ElectionKit, tmp_path: Path
) -> None:
    officials = officials_of(committee, tmp_path)
    before = {**{f"g{n:03d}": "yes" for n in range(1, 5)}, **{f"e{n:03d}": "no" for n in range(1, 4)}}
    after = {"e004": "no", "e005": "no"}
    budget = vote(officials, tmp_path / "booth", before, strike="e185", after=after)
    weights = {g["id"]: (g["members"], g["weight"]) for g in budget["weights"]["groups"]}
    # 146, 184, 184: lcm 13,432, so 92, 73, 73 votes per member
    assert weights == {"government": (146, 92), "employers": (184, 73), "workers": (184, 73)}
    assert budget["weights"]["as_of_addendum"] == 1
    assert [h["as_of_addendum"] for h in budget["weights"]["history"]] == [0, 1]
    question = budget["questions"][0]
    assert [o["votes"] for o in question["options"]][:2] == [4 * 92, 5 * 73]
    assert question["outcome"] == "adopted"
    text = report_text(officials, "fr", "json")
    assert "selon l'addendum 1" in text and "pondération recalculée à l'addendum 0" in text


def test_a_vote_weighted_per_voter_by_addendum_counts_each_delegate_s_mandates(
    officials: Officials, tmp_path: Path
) -> None:
    added = tmp_path / "m01.json"
    added.write_text(json.dumps({"id": "m01", "name": "Congress delegate, 3 mandates", "group": "workers",
                                 "sessions": ["roll-call"], "station": "booth-1", "weight": 3}))
    result = officials.signed("election", "amend", "--add-voter", str(added),
                              "--weighting", "roll-call=per-voter")
    assert result.exit_code == 0, result.output
    booth = open_booth(officials.kit, tmp_path / "booth")
    take_in_next(booth, officials.stick())
    for voter, answer in (("v01", "yes"), ("v02", "no"), ("v03", "no"), ("m01", "yes")):
        booth.cast(voter, "roll-call", {"q1": (answer,)})
    booth.close_polls("pw-1")
    out = tmp_path / "OUT"
    out.mkdir()
    sealed = booth.export(out)
    booth.close()
    assert officials.admin("import", str(sealed)).exit_code == 0
    results = tally(officials)
    roll = next(s for s in results["sessions"] if s["id"] == "roll-call")
    question = roll["questions"][0]
    assert [o["votes"] for o in question["options"]][:2] == [4, 2]  # by heads 2 to 2; by mandates 4 to 2
    assert question["outcome"] == "adopted"
    assert roll["weights"]["weighting"] == "per-voter" and roll["weights"]["as_of_addendum"] == 1
    assert {"session": "roll-call", "weighting": "per-voter"} in results["addenda"][0]["weightings"]


def test_a_weighted_vote_that_cannot_be_counted_so_is_refused_in_the_definition() -> None:
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    data["sessions"][0]["weighting"] = "per-voter"  # a secret ballot names no voter: whose mandates?
    with pytest.raises(DefinitionError, match="weighted per voter must be a record vote"):
        parse_definition(json.dumps(data))
    data["sessions"][0]["weighting"] = "by-group"
    data["voters"][0].pop("group")
    with pytest.raises(DefinitionError, match="v01 belong to no group"):
        parse_definition(json.dumps(data))
