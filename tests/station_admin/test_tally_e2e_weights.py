"""A committee vote weighted by group, with end-to-end verifiable ballots (docs/e2e-spec.md §9.1a):
the booth seals, station-admin imports and aggregates each group's class, the trustees decrypt only
∏_g C_g^(w_g), and isoloir-verify recomputes the weights from the roll and the addenda in the record.
The 2018 Standard-Setting Committee on Violence and Harassment's first composition (146, 185, 184
members) gives 17,020, 13,432 and 13,505 votes; an addendum striking a member mid-vote gives 92, 73, 73."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conference.kit import officials_of
from tests.conference.test_weighted_votes import committee_definition
from tests.station_admin.e2e_kit import E2EKit
from tests.station_admin.weighted_e2e_kit import Counted, Step, count, decrypt, election_of, seal_day, verify


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    return election_of(committee_definition(), tmp_path_factory.mktemp("committee-e2e"), "committee.json")


@pytest.fixture(scope="module")
def unweighted_committee(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    data = committee_definition()
    del data["sessions"][0]["weighting"]
    return election_of(data, tmp_path_factory.mktemp("committee-e2e-unweighted"), "committee.json")


def vote_and_count(e2e: E2EKit, root: Path, before: dict[str, str], strike: str | None = None,
                   after: dict[str, str] | None = None, first: tuple[str, ...] = ()) -> Counted:
    """An addendum `first` may be taken in before the vote; booth-1 votes `before`; an addendum may
    strike a member off (taken in mid-vote); `after` votes; the file is counted."""
    officials = officials_of(e2e.kit, root)
    firsts: list[Step] = [first] if first else []
    strikes: list[Step] = [("--strike", strike)] if strike is not None else []
    sealed = seal_day(e2e, officials, "budget", *firsts, before, *strikes, after or {})
    return count(e2e, officials, sealed, "budget")


def test_the_2018_committee_is_counted_end_to_end_in_votes_of_equal_strength(
    committee: E2EKit, tmp_path: Path
) -> None:
    # 4 Government members for, 5 Employer members against: by heads rejected, by votes adopted
    ballots = {**{f"g{n:03d}": "yes" for n in range(1, 5)}, **{f"e{n:03d}": "no" for n in range(1, 6)}}
    counted = vote_and_count(committee, tmp_path, ballots)
    budget = counted.session
    weights = {g["id"]: (g["members"], g["weight"]) for g in budget["weights"]["groups"]}
    assert weights == {"government": (146, 17020), "employers": (185, 13432), "workers": (184, 13505)}
    question = budget["questions"][0]
    assert [o["votes"] for o in question["options"]] == [4 * 17020, 5 * 13432, 0]
    assert question["outcome"] == "adopted" and question["quorum"]["base_count"] == 3 * 2_484_920
    assert "groups" not in budget and "weighted totals" in budget["groups_withheld"]
    # Only the weighted totals were asked of the trustees: no group's class was decrypted apart.
    request = json.loads((counted.stick / "request.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in request["ciphertexts"]] == ["budget/0/0/", "budget/0/1/", "budget/0/2/"]
    tally = json.loads((counted.record / "tally" / "budget.json").read_text(encoding="utf-8"))
    assert [a["group"] for a in tally["questions"][0]["aggregates"]] == [""]
    assert {c["group"]: c["weight"] for c in tally["questions"][0]["classes"]} == {
        "employers": 13432, "government": 17020}  # fmt: skip
    verified = verify(committee, counted.record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout


def test_a_member_struck_off_mid_vote_changes_the_weights_and_the_verifier_recomputes_them(
    committee: E2EKit, tmp_path: Path
) -> None:
    before = {**{f"g{n:03d}": "yes" for n in range(1, 5)}, **{f"e{n:03d}": "no" for n in range(1, 4)}}
    counted = vote_and_count(committee, tmp_path, before, strike="e185", after={"e004": "no", "e005": "no"})
    budget = counted.session
    weights = {g["id"]: (g["members"], g["weight"]) for g in budget["weights"]["groups"]}
    assert weights == {"government": (146, 92), "employers": (184, 73), "workers": (184, 73)}
    assert [h["as_of_addendum"] for h in budget["weights"]["history"]] == [0, 1]
    assert [o["votes"] for o in budget["questions"][0]["options"]][:2] == [4 * 92, 5 * 73]
    assert (counted.record / "addenda" / "addendum-0001.json").exists()
    verified = verify(committee, counted.record)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_trustee_refuses_a_request_weighted_otherwise_than_the_composition(
    committee: E2EKit, tmp_path: Path
) -> None:
    # Threat: whoever runs the tally drops the addendum beside the ballots (or forges one), so that
    # the trustees decrypt totals under weights the Credentials Committee's composition does not give.
    ballots = {"g001": "yes", "e001": "no"}
    counted = vote_and_count(committee, tmp_path / "day", ballots, strike="e185")
    addendum = counted.stick / "addenda" / "addendum-0001.json"
    addendum.write_text(addendum.read_text(encoding="utf-8").replace("e185", "e184"), encoding="utf-8")
    refused = decrypt(committee, counted.stick, 2, tmp_path / "t2", request=counted.stick / "request.json")
    assert "not signed by this election's authority" in refused.output
    addendum.unlink()  # without it the weights are the package's 17,020 / 13,432 / 13,505
    refused = decrypt(committee, counted.stick, 2, tmp_path / "t2", request=counted.stick / "request.json")
    assert "something other than the sums of these ballots" in refused.output
    assert not (tmp_path / "t2" / "partial-2.json").exists()


def test_a_vote_weighted_by_group_by_addendum_before_it_opens_is_counted_end_to_end(
    unweighted_committee: E2EKit, tmp_path: Path
) -> None:
    # The officials declare the vote weighted by group before it opens: the booth takes the addendum
    # in (the package's trustees' key still holds: it was made for the definition as first signed).
    ballots = {"g001": "yes", "e001": "no", "w001": "no"}
    declared = ("--weighting", "budget=by-group")
    counted = vote_and_count(unweighted_committee, tmp_path, ballots, first=declared)
    options = [o["votes"] for o in counted.session["questions"][0]["options"]]
    assert options == [17020, 13432 + 13505, 0]
    verified = verify(unweighted_committee, counted.record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
