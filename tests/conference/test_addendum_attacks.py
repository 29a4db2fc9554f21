"""Attacks on addenda by someone holding the officials' stick on its way to a booth: each refused
with its reason, and nothing changed at the booth (the addenda held, the codes, who may vote)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kiosk.ballot.addendum import ADDENDUM_DOMAIN, AddendumError, AddendumRefusal, addendum_name
from kiosk.ballot.audit_events import Event
from kiosk.ballot.signing import new_signing_key, sign_json
from kiosk.booth.addenda import preview_addendum, take_in_addendum
from kiosk.booth.addenda_stick import next_addendum_bytes
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated
from station_admin.election_dir import ElectionDir
from tests.conference.kit import Officials, media, open_booth
from tests.conference.test_delegations import take_in_next
from tests.kit import AUTHORITY_PASSPHRASE


def three_addenda(officials: Officials) -> Path:
    """1: s001-1 delegates the budget vote to a001-3; 2: v05's code is reissued; 3: v06 is struck off."""
    for args in (["voters", "delegate", "--from", "s001-1", "--to", "a001-3", "--session", "budget"],
                 ["election", "amend", "--reissue", "v05"],
                 ["election", "amend", "--strike", "v06"]):
        result = officials.signed(*args)
        assert result.exit_code == 0, result.output
    return officials.stick()


def refused(booth: Station, stick: Path) -> AddendumRefusal:
    """The booth's answer to the stick, and a check that nothing changed."""
    held = len(booth.held_addenda())
    before = [e.event for e in booth.box.audit_entries()]
    with pytest.raises(AddendumError) as error:
        data = next_addendum_bytes(media(stick), held)
        take_in_addendum(booth, data, preview_addendum(booth, data), "pw-1")
    assert len(booth.held_addenda()) == held
    after = [e.event for e in booth.box.audit_entries()]
    assert Event.ADDENDUM_TAKEN_IN.value not in after[len(before):]
    assert after[-1] == Event.ADDENDUM_REFUSED.value or after == before  # logged where it was read
    return error.value.reason


def test_an_addendum_forged_on_the_stick_is_refused(officials: Officials, tmp_path: Path) -> None:
    """Threat: whoever holds the stick edits addendum 1 to hand s001-1's vote to another adviser."""
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    path = stick / addendum_name(1)
    signed = json.loads(path.read_text(encoding="utf-8"))
    signed["body"]["delegations"][0]["adviser"] = "a002-1"
    path.write_text(json.dumps(signed), encoding="utf-8")
    assert refused(booth, stick) is AddendumRefusal.NOT_SIGNED
    assert booth.sessions_for("a002-1") == []


def test_an_addendum_signed_with_a_key_of_ones_own_is_refused(
    officials: Officials, tmp_path: Path
) -> None:
    """Threat: the stick holder signs an addendum of their own making with a key they made."""
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    path = stick / addendum_name(1)
    signed = json.loads(path.read_text(encoding="utf-8"))
    signed["body"]["struck"] = ["v01"]
    signed["signature"] = sign_json(new_signing_key(), "isoloir election addendum", signed["body"])
    path.write_text(json.dumps(signed), encoding="utf-8")
    assert refused(booth, stick) is AddendumRefusal.NOT_SIGNED


def test_a_replayed_addendum_is_refused(officials: Officials, tmp_path: Path) -> None:
    """Threat: the stick holder brings back addendum 1 (say, a delegation since revoked) to a booth
    that already took it in, hoping to apply it again."""
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    take_in_next(booth, stick)
    first = stick / addendum_name(1)
    replay = tmp_path / "REPLAY"
    replay.mkdir()
    shutil.copy(first, replay / addendum_name(2))  # under the next name, too
    assert refused(booth, replay) is AddendumRefusal.REPEATED
    only_first = tmp_path / "ONLY-FIRST"
    only_first.mkdir()
    shutil.copy(first, only_first / addendum_name(1))
    assert refused(booth, only_first) is AddendumRefusal.REPEATED


def test_addenda_out_of_order_are_refused(officials: Officials, tmp_path: Path) -> None:
    """Threat: the stick holder swaps addenda 1 and 3, so that v06 is struck off before the
    delegation reaches the booth (or any other order that serves them)."""
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    (stick / addendum_name(1)).rename(stick / "swap")
    (stick / addendum_name(3)).rename(stick / addendum_name(1))
    (stick / "swap").rename(stick / addendum_name(3))
    assert refused(booth, stick) is AddendumRefusal.SKIPPED
    assert booth.authenticate_code(officials.kit.codes()["v06"]) == Authenticated("v06")


def test_a_skipped_addendum_is_refused(officials: Officials, tmp_path: Path) -> None:
    """Threat: the stick holder removes addendum 2 (v05's reissued code: the old one keeps working)."""
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    take_in_next(booth, stick)
    (stick / addendum_name(2)).unlink()
    assert refused(booth, stick) is AddendumRefusal.SKIPPED
    assert len(booth.held_addenda()) == 1


def test_another_packages_addendum_is_refused(officials: Officials, tmp_path: Path) -> None:
    """Threat: an addendum the authority genuinely signed for another package of this election (a
    rehearsal's, or one signed again after a card was registered), brought to this election's booth."""
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    path = stick / addendum_name(1)
    signed = json.loads(path.read_text(encoding="utf-8"))
    signed["body"]["election_fingerprint"] = "AAAA-AAAA-AAAA-AAAA"
    authority = ElectionDir(officials.election, unlock=lambda: AUTHORITY_PASSPHRASE).authority_key()
    signed["signature"] = sign_json(authority, ADDENDUM_DOMAIN, signed["body"])
    path.write_text(json.dumps(signed), encoding="utf-8")
    assert refused(booth, stick) is AddendumRefusal.OTHER_ELECTION


def test_an_addendum_that_does_not_fit_is_refused_even_if_signed(
    officials: Officials, tmp_path: Path
) -> None:
    """Threat: a genuine signature over a delegation to another delegation's adviser (the authority
    key used outside station-admin, which would have refused it)."""
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    path = stick / addendum_name(1)
    signed = json.loads(path.read_text(encoding="utf-8"))
    signed["body"]["delegations"][0]["adviser"] = "a002-1"
    authority = ElectionDir(officials.election, unlock=lambda: AUTHORITY_PASSPHRASE).authority_key()
    signed["signature"] = sign_json(authority, ADDENDUM_DOMAIN, signed["body"])
    path.write_text(json.dumps(signed), encoding="utf-8")
    assert refused(booth, stick) is AddendumRefusal.DOES_NOT_FIT


def test_the_three_addenda_taken_in_in_order_change_what_they_say(
    officials: Officials, tmp_path: Path
) -> None:
    stick = three_addenda(officials)
    booth = open_booth(officials.kit, tmp_path / "booth")
    old = officials.kit.codes()
    for _ in range(3):
        take_in_next(booth, stick)
    assert refused(booth, stick) is AddendumRefusal.REPEATED  # nothing new on the stick
    assert booth.authenticate_code(old["v05"]) != Authenticated("v05")  # the old code stopped
    assert booth.authenticate_code(officials.codes()["v05"]) == Authenticated("v05")
    assert booth.authenticate_code(old["v06"]) != Authenticated("v06")  # struck off
    assert [s.session_id for s in booth.sessions_for("a001-3")] == ["budget"]
