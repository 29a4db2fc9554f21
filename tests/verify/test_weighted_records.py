"""The committed records of a vote weighted by group (vectors/records/weighted, made by
scripts/make_vectors.py --records): the good one, whose weights come from a composition changed by
an addendum, passes every check; each broken one fails V9, naming what differs.

Threat: officials (or a trustee with them) who publish a count of votes that the composition does
not give — a group's weight raised, a ballot counted in another group's class, a total decrypted
without its weights (a count of heads passed off as votes), an addendum altered after it was signed —
and a verifier that vouches for it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isoloir_verify.executors import Serial
from isoloir_verify.runner import verify

WEIGHTED = Path(__file__).resolve().parents[2] / "vectors" / "records" / "weighted"
AUTHORITY = bytes.fromhex(json.loads((WEIGHTED / "authority.json").read_text())["public_key"])
BAD = sorted(p for p in WEIGHTED.glob("bad-weighted-*") if p.is_dir())
FAULTS = {
    "bad-weighted-weight-altered": "not equality of strength",
    "bad-weighted-wrong-class": "not the aggregate of that group's ballots",
    "bad-weighted-unweighted-total": "not ∏ C_g^(w_g)",
    "bad-weighted-addendum-forged": "not signed by the election's authority",
}


def test_the_good_weighted_record_passes_every_check() -> None:
    record = WEIGHTED / "good-weighted"
    report = verify(record, Serial(), AUTHORITY)
    failed = {c: r.failures for c, r in report.results.items() if not r.ok}
    assert not failed, failed
    tally = json.loads((record / "tally" / "budget.json").read_text())
    assert tally["weights"]["as_of_addendum"] == 1  # the composition an addendum changed
    assert [a["group"] for a in tally["questions"][0]["aggregates"]] == [""]


def test_every_weighted_fault_has_its_broken_record() -> None:
    assert sorted(p.name for p in BAD) == sorted(FAULTS)


@pytest.mark.parametrize("record", BAD, ids=lambda p: p.name)
def test_a_broken_weighted_record_fails_v9_naming_its_fault(record: Path) -> None:
    expected = json.loads((record / "expected.json").read_text())["fails"]
    result = verify(record, Serial(), AUTHORITY).results[expected]
    assert not result.ok, f"{record.name} passed {expected}"
    assert any(FAULTS[record.name] in f for f in result.failures), result.failures


MANDATES = WEIGHTED.parent / "mandates"
MANDATES_AUTHORITY = bytes.fromhex(json.loads((MANDATES / "authority.json").read_text())["public_key"])


def test_the_good_record_weighted_per_voter_passes_every_check() -> None:
    # Its record vote is weighted per voter: each ballot's context carries its delegate's mandates
    # (spec §5), 1 to 4 here, and the one decrypted total per option is ∏_w C_w^w.
    record = MANDATES / "good-mandates"
    report = verify(record, Serial(), MANDATES_AUTHORITY)
    failed = {c: r.failures for c, r in report.results.items() if not r.ok}
    assert not failed, failed
    weights = {
        json.loads(line)["weight"]
        for path in (record / "ballots" / "roll-call").glob("*.jsonl")
        for line in path.read_text().splitlines()[1:]
    }
    assert len(weights) > 1 and max(weights) > 1


def test_a_ballot_claiming_mandates_the_roll_does_not_give_fails_v7() -> None:
    # Threat: officials publishing a record in which a delegate's ballot claims more mandates than the
    # roll gives (re-signed with the authority key they hold), and a verifier that counts them.
    record = MANDATES / "bad-mandates-weight-lied"
    expected = json.loads((record / "expected.json").read_text())["fails"]
    assert expected == "V7"
    result = verify(record, Serial(), MANDATES_AUTHORITY).results["V7"]
    assert any("(group, weight) multiset differs from the marked voters'" in f for f in result.failures)
    assert sorted(p.name for p in MANDATES.glob("bad-mandates-*")) == ["bad-mandates-weight-lied"]
