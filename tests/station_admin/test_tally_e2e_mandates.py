"""A congress record vote weighted per voter, with end-to-end verifiable ballots (docs/e2e-spec.md §5,
§9.1a): each delegate's ballot carries their mandates in its context, station-admin aggregates the
ballots of each weight class and raises the class to its weight, the trustees decrypt only the
totals (and, the session being a record vote, each named ballot), and isoloir-verify checks every
ballot's weight against the roll as amended."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kiosk.ballot.e2e_ballot import new_ballot_nonce
from kiosk.ballot.e2e_layout import BallotContext
from kiosk.ballot.e2e_seal import encrypt_ballot
from kiosk.ballot.sealed_e2e import parse_sealed_e2e
from kiosk.ballot.sealed_file import Refusal, SealedFileError
from station_admin.authority_key import open_authority_key
from tests.ballot.sealed_kit import booth_day
from tests.conference.kit import CONFERENCE_VOTERS, officials_of
from tests.kit import AUTHORITY_PASSPHRASE, SMALL_ELECTION
from tests.station_admin.e2e_kit import E2EKit
from tests.station_admin.weighted_e2e_kit import Counted, ballot_lines, count, election_of, seal_day, verify

MANDATES = {"v01": 5, "v02": 2, "v04": 3}  # the others carry one mandate each


def congress_definition() -> dict[str, Any]:
    """The small election's record vote alone, weighted per voter (each delegate's mandates)."""
    data = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    data["sessions"] = [s for s in data["sessions"] if s["id"] == "roll-call"]
    data["sessions"][0]["weighting"] = "per-voter"
    for voter in data["voters"]:
        voter["sessions"] = [s for s in voter["sessions"] if s == "roll-call"] or ["roll-call"]
        if voter["id"] in MANDATES:
            voter["weight"] = MANDATES[voter["id"]]
    return data


@pytest.fixture(scope="module")
def congress(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    return election_of(congress_definition(), tmp_path_factory.mktemp("congress-e2e"), "congress.json")


@pytest.fixture(scope="module")
def delegations(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    """The congress with delegation 001 (delegates s001-1, 6 mandates, and s001-3; their advisers)."""
    data = congress_definition()
    for voter in json.loads(json.dumps(CONFERENCE_VOTERS)):
        voter["sessions"] = ["roll-call"] if voter["sessions"] else []
        voter["weight"] = 6 if voter["id"] == "s001-1" else 1
        data["voters"].append(voter)
    return election_of(data, tmp_path_factory.mktemp("congress-delegations-e2e"), "congress.json")


def count_day(e2e: E2EKit, root: Path, votes: dict[str, str], amend: tuple[str, ...] = ()) -> Counted:
    """An addendum `amend` may be taken in first; booth-1 casts `votes` in the record vote; the file is
    counted and reported."""
    officials = officials_of(e2e.kit, root)
    sealed = seal_day(e2e, officials, "roll-call", *([amend] if amend else []), votes)
    return count(e2e, officials, sealed, "roll-call", report=True)


def test_a_record_vote_weighted_per_voter_counts_the_mandates_and_its_record_verifies(
    congress: E2EKit, tmp_path: Path
) -> None:
    # by heads 1 for, 3 against; by mandates 5 for, 2 + 3 + 1 = 6 against... and v05's 1 abstains
    votes = {"v01": "yes", "v02": "no", "v03": "no", "v04": "no", "v05": "abstain"}
    day = count_day(congress, tmp_path, votes)
    question = day.session["questions"][0]
    assert [o["votes"] for o in question["options"]] == [5, 6, 1]
    assert day.session["ballots"] == 5 and day.session["weighted_ballots"] == 12
    assert day.session["weights"]["weighting"] == "per-voter"
    entitled = len(congress.kit.definition.voters)
    assert day.session["weights"]["total"] == entitled + sum(MANDATES.values()) - len(MANDATES)
    # The ballots carry their voter's mandates, and only totals and the named ballots were requested.
    assert {b["voter"]: b["weight"] for b in ballot_lines(day.record, "roll-call")} == {
        "v01": 5, "v02": 2, "v03": 1, "v04": 3, "v05": 1}  # fmt: skip
    request = json.loads((day.stick / "request.json").read_text(encoding="utf-8"))
    totals = [c["id"] for c in request["ciphertexts"] if "/recorded/" not in c["id"]]
    assert totals == ["roll-call/0/0/", "roll-call/0/1/", "roll-call/0/2/"]
    tally = json.loads((day.record / "tally" / "roll-call.json").read_text(encoding="utf-8"))
    assert [a["bound"] for a in tally["questions"][0]["aggregates"]] == [12]
    verified = verify(congress, day.record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout

    # Threat: officials (who hold the authority key and publish the record) raise a ballot's weight
    # in the published record, re-index and re-sign it, so that a delegate counts more mandates than
    # the roll gives. The verifier compares each ballot's weight with the roll's: V7 fails.
    lines = (day.record / "ballots" / "roll-call" / "booth-1.jsonl").read_text(encoding="utf-8").splitlines()
    edited = [json.loads(line) for line in lines]
    row = next(r for r in edited[1:] if r["voter"] == "v03")
    row["weight"] = 4
    text = "".join(json.dumps(r, separators=(",", ":"), ensure_ascii=False) + "\n" for r in edited)
    (day.record / "ballots" / "roll-call" / "booth-1.jsonl").write_text(text, encoding="utf-8")
    _resign_record(congress, day.record)
    refused = verify(congress, day.record)
    assert refused.returncode != 0
    v7 = [line for line in refused.stdout.splitlines() if "V7" in line or "weight" in line]
    assert any("(group, weight) multiset differs" in line for line in v7), refused.stdout


def _resign_record(e2e: E2EKit, record: Path) -> None:
    import hashlib

    index = json.loads((record / "record.json").read_text(encoding="utf-8"))
    for entry in index["files"]:
        data = (record / entry["path"]).read_bytes()
        entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
    (record / "record.json").write_text(
        json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    key = open_authority_key(
        e2e.kit.folder.authority_key_path.read_text(encoding="utf-8"), AUTHORITY_PASSPHRASE
    )
    (record / "record.sig").write_bytes(key.sign((record / "record.json").read_bytes()))


def test_a_delegate_added_by_addendum_carries_the_mandates_the_addendum_gives(
    congress: E2EKit, tmp_path: Path
) -> None:
    added = tmp_path / "m01.json"
    added.write_text(json.dumps({"id": "m01", "name": "Congress delegate, 7 mandates", "group": "workers",
                                 "sessions": ["roll-call"], "station": "booth-1", "weight": 7}))  # fmt: skip
    day = count_day(
        congress, tmp_path / "day", {"m01": "no", "v01": "yes"}, amend=("--add-voter", str(added))
    )
    assert [o["votes"] for o in day.session["questions"][0]["options"]] == [5, 7, 0]
    assert {b["voter"]: b["weight"] for b in ballot_lines(day.record, "roll-call")} == {"m01": 7, "v01": 5}
    verified = verify(congress, day.record)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_booth_file_whose_ballot_claims_more_mandates_than_the_roll_gives_is_refused(
    congress: E2EKit,
) -> None:
    # Threat: someone with a booth's disk (its booth key included) replaces a delegate's ballot by one
    # that claims 9 mandates, with valid proofs under that context, and seals the file again.
    kit = congress.kit
    day = booth_day(kit, congress.e2e.election, "booth-1", voters=["v01", "v03"])
    session = kit.definition.session("roll-call")
    forged = next(i for i, b in enumerate(day.ballots) if b.context.voter == "v03")
    context = BallotContext("roll-call", "booth-1", "", 9, "v03")
    day.ballots[forged] = encrypt_ballot(congress.e2e.election, session, context, {"q1": ("yes",)},
                                         new_ballot_nonce())  # fmt: skip
    day.ballots.sort(key=lambda b: bytes(b.code))
    with pytest.raises(SealedFileError) as refused:
        parse_sealed_e2e(day.sealed(), kit.package, congress.e2e.election)
    assert refused.value.refusal is Refusal.INCONSISTENT
    assert "other groups, weights or names than the marked voters" in str(refused.value)


def test_an_adviser_voting_under_a_delegation_casts_the_delegate_s_mandates_end_to_end(
    delegations: E2EKit, tmp_path: Path
) -> None:
    # The ballot is the delegate's vote: it carries s001-1's name and 6 mandates (as the mark the cast
    # sets is s001-1's), so the booth seals its day, the import takes it and the record verifies.
    day = count_day(delegations, tmp_path, {"a001-3": "yes", "v01": "no"},
                    amend=("--delegate", "s001-1:a001-3:roll-call"))  # fmt: skip
    assert [o["votes"] for o in day.session["questions"][0]["options"]] == [6, 5, 0]
    assert {b["voter"]: b["weight"] for b in ballot_lines(day.record, "roll-call")} == {"s001-1": 6, "v01": 5}
    assert [(r["voter"], r.get("cast_by")) for r in day.session["recorded_votes"]] == [
        ("s001-1", "a001-3"), ("v01", None)]  # fmt: skip
    verified = verify(delegations, day.record)
    assert verified.returncode == 0, verified.stdout + verified.stderr
