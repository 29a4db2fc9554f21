"""An adviser logs in with no delegation: told so, not told that they "already voted"."""

from __future__ import annotations

from pathlib import Path

from kiosk.ballot.audit_events import Event
from kiosk.ballot.package import PackageCard
from kiosk.ballot.signing import new_signing_key, public_hex
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from station_admin.ceremony import register_cards
from station_admin.election_dir import ElectionDir
from station_admin.provisioning import provision_station
from tests.conference.kit import Officials, open_booth
from tests.conference.test_delegations import take_in_next
from tests.kit import AUTHORITY_PASSPHRASE


def test_an_adviser_with_no_delegation_is_told_so_by_code_then_let_in_once_delegated(
    officials: Officials, tmp_path: Path
) -> None:
    booth = open_booth(officials.kit, tmp_path / "booth")
    code = officials.codes()["a001-3"]
    refused = booth.authenticate_code(code)
    assert refused == CodeRefused(CodeRefusal.NO_DELEGATION)
    reasons = [e.data.get("reason") for e in booth.box.audit_entries() if e.event == Event.CODE_REFUSED.value]
    assert reasons == [CodeRefusal.NO_DELEGATION.value]
    assert officials.signed("voters", "delegate", "--from", "s001-1", "--to", "a001-3",
                            "--session", "budget").exit_code == 0
    take_in_next(booth, officials.stick())
    assert booth.authenticate_code(code) == Authenticated("a001-3")
    booth.cast("a001-3", "budget", {"q1": ("yes",)})
    # once the delegated vote is cast, the adviser has voted in all they may: "used" is now true
    assert booth.authenticate_code(code) == CodeRefused(CodeRefusal.USED)
    booth.close()


def test_an_adviser_card_with_no_delegation_is_told_so(officials: Officials, tmp_path: Path) -> None:
    key = public_hex(new_signing_key())
    folder = ElectionDir(officials.election, unlock=lambda: AUTHORITY_PASSPHRASE)
    register_cards(folder, [PackageCard(public_key=key, holder="a001-5", role="voter")])
    booth = Station(tmp_path / "booth")
    booth.set_up(provision_station(folder, "booth-1", tmp_path / "MEDIA"), officials.kit.signer("booth-1"))
    booth.open_polls("pw-1")
    booth.set_session_active("budget", True, "pw-1")
    assert booth.authenticate_card(key) == CodeRefused(CodeRefusal.NO_DELEGATION)
    # a delegate whose votes are all cast is still told "used", as before
    booth.cast("s001-3", "budget", {"q1": ("no",)})
    booth.set_session_active("board", True, "pw-1")
    booth.set_session_active("roll-call", True, "pw-1")
    booth.cast("s001-3", "board", {"members": (), "lists": ()})
    booth.cast("s001-3", "roll-call", {"q1": ("no",)})
    assert booth.authenticate_code(officials.codes()["s001-3"]) == CodeRefused(CodeRefusal.USED)
    booth.close()
