"""The ballot box: a cast is ballot, mark and audit event together, or nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.ballot.audit import AuditChainError, verify_chain
from kiosk.ballot.ballot_box import AlreadyVoted, BallotBox, StorageError
from kiosk.ballot.times import parse_iso

NOW = "2026-06-12T09:00:00Z"


@pytest.fixture
def box(tmp_path: Path) -> BallotBox:
    return BallotBox(tmp_path / "box.sqlite", lambda: parse_iso(NOW))


def test_a_cast_that_fails_half_way_leaves_nothing(box: BallotBox, monkeypatch: pytest.MonkeyPatch) -> None:
    with box.transaction() as c:
        box.store_ballot(c, "s1", "v1", b"first", "AAAA-AAAA-AAAA")

    def broken_disk(*_: Any, **__: Any) -> str:
        raise StorageError("disk I/O error")

    monkeypatch.setattr(box, "append_audit", broken_disk)
    with pytest.raises(StorageError), box.transaction() as c:
        box.store_ballot(c, "s1", "v2", b"second", "BBBB-BBBB-BBBB")
    assert box.counts() == {"s1": (1, 1)}
    assert [code for code, _, _ in box.all_ballots()] == ["AAAA-AAAA-AAAA"]


def test_a_second_ballot_for_the_same_mark_is_refused_whole(box: BallotBox) -> None:
    with box.transaction() as c:
        box.store_ballot(c, "s1", "v1", b"first", "AAAA-AAAA-AAAA")
    with pytest.raises(AlreadyVoted), box.transaction() as c:
        box.store_ballot(c, "s1", "v1", b"again", "CCCC-CCCC-CCCC")
    assert box.counts() == {"s1": (1, 1)}
    assert len(box.audit_entries()) == 1


def test_the_audit_chain_shows_any_change(box: BallotBox) -> None:
    for session in ("s1", "s2", "s3"):
        with box.transaction() as c:
            box.store_ballot(c, session, "v1", session.encode(), f"{session.upper()}AA-AAAA-AAAA")
    entries = box.audit_entries()
    assert verify_chain(entries) == box.audit_head()
    changed = [
        entries[0],
        replace(entries[1], data={"session": "s9"}),
        entries[2],
    ]
    with pytest.raises(AuditChainError, match="entry 2 was changed"):
        verify_chain(changed)
    with pytest.raises(AuditChainError, match="entry 2 is missing"):
        verify_chain([entries[0], entries[2]])
