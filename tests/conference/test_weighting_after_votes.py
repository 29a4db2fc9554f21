"""A vote's weighting changed by an addendum after votes were cast in it (issue 17): a congress whose
record vote counts each delegate's mandates, and officials who then sign an addendum counting it by
heads. Votes cast under the mandates would be counted otherwise than they were cast, so: the desk
refuses to sign it once it has imported votes of that session; a booth holding ballots of it refuses
to take it in (the poll worker is told which vote and why, the audit log keeps it); and, booths
being offline, the tally refuses a count in which a booth cast ballots under another weighting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.ballot.addendum import AddendumError, AddendumRefusal
from kiosk.ballot.audit_events import Event
from kiosk.ballot.definition import Weighting
from kiosk.booth.addenda import preview_addendum, take_in_addendum
from kiosk.booth.addenda_stick import next_addendum_bytes
from kiosk.booth.station import Station
from tests.conference.kit import Officials, media, open_booth
from tests.conference.test_delegations import take_in_next
from tests.kit import share_args

YES, NO = {"q1": ("yes",)}, {"q1": ("no",)}


def weigh_by_mandates(officials: Officials) -> None:
    """Addendum 1, before the vote opens: the record vote counts mandates; m01 (3 mandates) joins."""
    added = officials.root / "m01.json"
    added.write_text(json.dumps({"id": "m01", "name": "Congress delegate, 3 mandates", "group": "workers",
                                 "sessions": ["roll-call"], "station": "booth-1", "weight": 3}))  # fmt: skip
    result = officials.signed("election", "amend", "--add-voter", str(added),
                              "--weighting", "roll-call=per-voter")
    assert result.exit_code == 0, result.output


def booth_under_mandates(officials: Officials, data: Path) -> Station:
    """booth-1, polls open, addendum 1 taken in: the record vote counts mandates."""
    weigh_by_mandates(officials)
    booth = open_booth(officials.kit, data)
    take_in_next(booth, officials.stick())
    return booth


def by_heads(officials: Officials) -> None:
    """Addendum 2, signed at a desk that has imported no vote of roll-call: it cannot know."""
    result = officials.signed("election", "amend", "--weighting", "roll-call=none")
    assert result.exit_code == 0, result.output


def seal(booth: Station, out: Path, worker: str = "pw-1") -> Path:
    booth.close_polls(worker)
    out.mkdir()
    sealed = booth.export(out)
    booth.close()
    return sealed


def signed_addenda(officials: Officials) -> list[str]:
    return sorted(p.name for p in (officials.election / "addenda").iterdir())


def test_officials_refuse_to_weigh_otherwise_a_vote_whose_votes_they_imported(
    officials: Officials, tmp_path: Path
) -> None:
    booth = booth_under_mandates(officials, tmp_path / "booth")
    booth.cast("m01", "roll-call", YES)
    booth.cast("v01", "roll-call", NO)
    assert officials.admin("import", str(seal(booth, tmp_path / "OUT"))).exit_code == 0
    refused = officials.signed("election", "amend", "--weighting", "roll-call=none")
    assert refused.exit_code == 1
    assert ("2 vote(s) were already cast in session 'roll-call' (imported) under its weighting 'per-voter': "
            "an addendum cannot count them as 'none'") in refused.output  # fmt: skip
    assert "nothing was signed" in refused.output
    assert signed_addenda(officials) == ["addendum-0001.json"]
    budget = officials.signed("election", "amend", "--weighting", "budget=by-group")
    assert budget.exit_code == 0, budget.output  # a vote no one has voted in may still be weighted


def test_a_booth_holding_votes_of_the_session_refuses_the_addendum_and_logs_why(
    officials: Officials, tmp_path: Path
) -> None:
    booth = booth_under_mandates(officials, tmp_path / "booth")
    booth.cast("m01", "roll-call", YES)
    by_heads(officials)
    data = next_addendum_bytes(media(officials.stick("STICK-2")), 1)
    with pytest.raises(AddendumError) as refused:
        preview_addendum(booth, data)
    assert refused.value.reason is AddendumRefusal.VOTES_CAST
    assert refused.value.names == ("roll-call", "2")  # what the poll worker's screen names
    assert "1 vote(s) were already cast in session 'roll-call' at this booth" in refused.value.detail
    assert len(booth.held_addenda()) == 1
    assert booth.election.session("roll-call").weighting is Weighting.PER_VOTER
    events = [(e.event, e.data) for e in booth.box.audit_entries()]
    assert (Event.ADDENDUM_REFUSED.value, {"reason": "votes_cast"}) in events
    refusal = {"number": 2, "session": "roll-call", "reason": "votes_cast"}
    assert (Event.WEIGHTING_REFUSED.value, refusal) in events
    booth.cast("v01", "roll-call", NO)  # the vote goes on, under the mandates it opened with
    booth.close()


def test_a_vote_cast_after_the_poll_worker_read_the_addendum_keeps_it_out(
    officials: Officials, tmp_path: Path
) -> None:
    booth = booth_under_mandates(officials, tmp_path / "booth")
    by_heads(officials)
    data = next_addendum_bytes(media(officials.stick("STICK-2")), 1)
    preview = preview_addendum(booth, data)  # no vote yet: shown, as any change of weighting is
    assert [(w.session, w.weighting) for w in preview.weightings] == [("roll-call", Weighting.NONE)]
    booth.cast("m01", "roll-call", YES)
    with pytest.raises(AddendumError) as refused:
        take_in_addendum(booth, data, preview, "pw-1")
    assert refused.value.reason is AddendumRefusal.VOTES_CAST
    assert len(booth.held_addenda()) == 1
    booth.close()


def test_the_tally_refuses_a_count_whose_ballots_were_cast_under_two_weightings(
    officials: Officials, tmp_path: Path
) -> None:
    """booth-1 holds votes cast under the mandates and refuses addendum 2; booth-2, where no one had
    voted yet, takes it in and its delegates vote by heads. Both files are sound and import; the
    count cannot weigh booth-1's ballots as it would booth-2's."""
    weigh_by_mandates(officials)
    one = open_booth(officials.kit, tmp_path / "one")
    two = open_booth(officials.kit, tmp_path / "two", "booth-2", "pw-2")
    stick = officials.stick()
    take_in_next(one, stick)
    take_in_next(two, stick)
    one.cast("m01", "roll-call", YES)
    one.cast("v01", "roll-call", NO)
    by_heads(officials)
    stick = officials.stick("STICK-2")
    with pytest.raises(AddendumError):
        take_in_next(one, stick)
    take_in_next(two, stick)
    two.cast("v26", "roll-call", NO)
    for booth, out, worker in ((one, "OUT-1", "pw-1"), (two, "OUT-2", "pw-2")):
        imported = officials.admin("import", str(seal(booth, tmp_path / out, worker)))
        assert imported.exit_code == 0, imported.output
    shares = {n: officials.election / "trustees" / f"{n}.share" for n in (1, 2)}
    out = tmp_path / "RESULTS"
    counted = officials.admin("tally", *share_args(shares, tmp_path / "secrets"), "--out", str(out))
    assert counted.exit_code == 1
    assert ("session 'roll-call': booth 'booth-1' cast ballot(s) 2 under 'per-voter', and the count would "
            "weigh every one as 'none' (addendum 2 changed it)") in counted.output  # fmt: skip
    assert "votes already cast cannot be counted under another weighting" in counted.output
    assert not (out / "results.json").exists()
