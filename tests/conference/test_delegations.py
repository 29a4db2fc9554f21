"""Delegations of the vote: `station-admin voters delegate`, taken in by the booth from the stick."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.ballot.audit_events import Event
from kiosk.booth.addenda import preview_addendum, take_in_addendum
from kiosk.booth.addenda_stick import next_addendum_bytes
from kiosk.booth.cast import CastRefusal, CastRefused
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated
from tests.conference.kit import Officials, media, open_booth

YES = {"q1": ("yes",)}


def take_in_next(booth: Station, stick: Path) -> None:
    data = next_addendum_bytes(media(stick), len(booth.held_addenda()))
    take_in_addendum(booth, data, preview_addendum(booth, data), "pw-1")


def test_the_adviser_votes_in_the_delegates_place_and_the_delegate_may_not(
    officials: Officials, tmp_path: Path
) -> None:
    booth = open_booth(officials.kit, tmp_path / "booth")
    result = officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3",
                              "--session", "budget")
    assert result.exit_code == 0, result.output
    take_in_next(booth, officials.stick())
    codes = officials.codes()
    adviser = booth.authenticate_code(codes["a001-3"])
    assert adviser == Authenticated("a001-3")
    assert [s.session_id for s in booth.sessions_for("a001-3")] == ["budget"]
    assert "budget" not in [s.session_id for s in booth.sessions_for("s001-1")]
    with pytest.raises(CastRefused) as refused:
        booth.cast("s001-1", "budget", YES)
    assert refused.value.reason is CastRefusal.NOT_ELIGIBLE
    booth.cast("a001-3", "budget", YES)
    assert ("budget", "s001-1") in booth.box.all_marks()  # the vote is the delegate's
    assert booth.sessions_for("a001-3")[0].status.value == "voted"
    with pytest.raises(CastRefused) as twice:
        booth.cast("a001-3", "budget", YES)
    assert twice.value.reason is CastRefusal.ALREADY_VOTED
    booth.cast("s001-1", "board", {"members": ("ana",), "lists": ("l1",)})  # their other votes stay theirs
    booth.close()


def test_a_delegation_reaching_the_booth_after_the_delegate_voted_is_refused_there(
    officials: Officials, tmp_path: Path
) -> None:
    booth = open_booth(officials.kit, tmp_path / "booth")
    booth.cast("s001-1", "budget", YES)
    assert officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3",
                            "--session", "budget").exit_code == 0
    data = next_addendum_bytes(media(officials.stick()), 0)
    preview = preview_addendum(booth, data)
    shown = [(d.delegate, d.adviser, d.voted_first) for d in preview.delegations]
    assert shown == [("s001-1", "a001-3", True)]
    take_in_addendum(booth, data, preview, "pw-1")
    with pytest.raises(CastRefused) as refused:
        booth.cast("a001-3", "budget", YES)
    assert refused.value.reason is CastRefusal.ALREADY_VOTED
    events = [(e.event, e.data) for e in booth.box.audit_entries()]
    assert (Event.DELEGATION_REFUSED.value,
            {"session": "budget", "delegate": "s001-1", "reason": "voted_first"}) in events
    booth.close()


def test_a_revoked_delegation_gives_the_vote_back_to_the_delegate(
    officials: Officials, tmp_path: Path
) -> None:
    booth = open_booth(officials.kit, tmp_path / "booth")
    assert officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3",
                            "--session", "budget").exit_code == 0
    assert officials.signed("voters", "delegate", "--from", "s001-1", "--session", "budget",
                            "--revoke").exit_code == 0
    stick = officials.stick()
    take_in_next(booth, stick)
    take_in_next(booth, stick)
    assert booth.sessions_for("a001-3") == []
    with pytest.raises(CastRefused):
        booth.cast("a001-3", "budget", YES)
    booth.cast("s001-1", "budget", YES)
    booth.close()


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["--from", "s001-1", "--to", "a002-1", "--session", "budget"], "not an adviser of 's001-1'"),
        (["--from", "s001-1", "--to", "a001-5", "--session", "budget"], "not an adviser of 's001-1'"),
        (["--from", "s001-1", "--to", "s001-3", "--session", "budget"], "in their own right"),
        (["--from", "s001-1", "--to", "nobody", "--session", "budget"], "no voter 'nobody'"),
        (["--from", "s001-1", "--to", "a001-3", "--session", "nothing"], "no session 'nothing'"),
        (["--from", "s001-1", "--session", "budget", "--revoke"], "has delegated no vote"),
    ],
)
def test_a_delegation_that_does_not_fit_is_refused_and_nothing_is_signed(
    officials: Officials, args: list[str], why: str
) -> None:
    result = officials.signed("voters", "delegate", *args)
    assert result.exit_code == 1
    assert why in result.output
    addenda = officials.election / "addenda"
    assert not addenda.exists() or not list(addenda.iterdir())


def test_delegating_the_same_vote_twice_is_refused(officials: Officials) -> None:
    args = ["voters", "delegate", "--from", "s001-1", "--to", "a001-3", "--session", "budget"]
    assert officials.signed(*args).exit_code == 0
    again = officials.signed(*args)
    assert again.exit_code == 1 and "already delegated" in again.output


def test_officials_refuse_to_delegate_a_vote_already_imported(officials: Officials, tmp_path: Path) -> None:
    """The Credentials Committee hands in a delegation after the delegate's booth closed that vote
    and its file was imported: the delegate voted, the vote cannot be delegated."""
    booth = open_booth(officials.kit, tmp_path / "booth")
    booth.cast("s001-1", "budget", YES)
    booth.close_polls("pw-1")
    out = tmp_path / "OUT"
    out.mkdir()
    sealed = booth.export(out)
    booth.close()
    assert officials.admin("import", str(sealed)).exit_code == 0
    result = officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3",
                              "--session", "budget")
    assert result.exit_code == 1
    assert "'s001-1' already voted in 'budget'" in result.output
    assert not (officials.election / "addenda").exists()  # nothing signed
    board = officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3", "--session", "board")
    assert board.exit_code == 0, board.output  # a vote not yet cast may still be delegated


def test_an_adviser_added_by_the_credentials_committee_gets_a_code_and_holds_a_delegation(
    officials: Officials, tmp_path: Path
) -> None:
    adviser = {"id": "a001-9", "name": "Government adviser 9, State 001", "group": "government",
               "delegation": "001", "sessions": [], "station": "booth-1", "language": "fr"}
    path = tmp_path / "adviser.json"
    path.write_text(json.dumps(adviser), encoding="utf-8")
    notices = tmp_path / "notices.pdf"
    added = officials.signed("election", "amend", "--add-voter", str(path), "--notices", str(notices),
                             "--delegate", "s001-1:a001-9:budget")
    assert added.exit_code == 1 and "no voter 'a001-9'" in added.output  # not in the same addendum's roll yet
    added = officials.signed("election", "amend", "--add-voter", str(path), "--notices", str(notices))
    assert added.exit_code == 0, added.output
    assert notices.exists() and "a001-9" in officials.codes()
    assert officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-9",
                            "--session", "budget").exit_code == 0
    booth = open_booth(officials.kit, tmp_path / "booth")
    stick = officials.stick()
    take_in_next(booth, stick)
    take_in_next(booth, stick)
    assert booth.authenticate_code(officials.codes()["a001-9"]) == Authenticated("a001-9")
    booth.cast("a001-9", "budget", YES)
    assert ("budget", "s001-1") in booth.box.all_marks()
    booth.close()
