"""Set-up trusts one election authority, and one stick sets up one booth (issue 12, findings 5, 7).

Threat (finding 5): someone who hands a poll worker a stick of their own making (their own authority
key and election key, a package otherwise like the genuine one): the booth would encrypt every
ballot to a key a stranger can decrypt alone. Threat (finding 7, the booth's part): a second machine
set up from the stick that already set up booth-1, so two booths take booth-1's voting codes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.ballot.package import PACKAGE_FILE
from kiosk.booth.authority_pin import TRUSTED_AUTHORITY_FILE, AuthorityRefused
from kiosk.booth.booth_key import BOOTH_KEY_FILE
from kiosk.booth.polls import PollsState
from kiosk.booth.station import Station
from kiosk.booth.worker_card import SimWorkerCard
from kiosk.booth.worker_flow import Problem, WorkerFlow, WorkerScreen
from kiosk.devices.sim_media import SimMedia
from tests.kit import SMALL_ELECTION, ElectionKit, make_election


@pytest.fixture(scope="module")
def stranger(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    """The same election made again by someone else: another authority, another election key."""
    return make_election(SMALL_ELECTION, tmp_path_factory.mktemp("stranger"))


def _nothing_set_up(station: Station) -> None:
    assert station.state is PollsState.NOT_SET_UP and station.package is None
    assert not (station.data_dir / PACKAGE_FILE).exists() and not (station.data_dir / BOOTH_KEY_FILE).exists()


def test_a_package_of_another_authority_is_refused_by_a_booth_pinned_in_booth_toml(
    small_election: ElectionKit, stranger: ElectionKit, tmp_path: Path
) -> None:
    pinned = small_election.package.body.authority_public_key
    station = Station(tmp_path / "data", authority=pinned.upper())  # as typed in booth.toml
    with pytest.raises(AuthorityRefused, match=r"trusts only authority .* \(booth.toml\)"):
        station.set_up(stranger.media["booth-1"], stranger.signer("booth-1"))
    _nothing_set_up(station)
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    assert station.state is PollsState.READY
    station.close()


def test_without_a_pin_the_first_set_up_s_authority_is_the_only_one_trusted_after(
    small_election: ElectionKit, stranger: ElectionKit, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    station = Station(data)
    station.set_up(small_election.media["booth-1"], small_election.signer("booth-1"))
    station.close()
    assert (data / TRUSTED_AUTHORITY_FILE).exists()
    # A technician resets the booth's storage but not the whole folder, and a stranger's stick comes.
    for path in data.iterdir():
        if path.name != TRUSTED_AUTHORITY_FILE:
            path.unlink()
    station = Station(data)
    with pytest.raises(AuthorityRefused, match="first set-up"):
        station.set_up(stranger.media["booth-1"], stranger.signer("booth-1"))
    _nothing_set_up(station)
    station.close()


def _flow_with_card(kit: ElectionKit, data: Path, authority: str | None = None) -> WorkerFlow:
    card = kit.cards["pw-1"]
    flow = WorkerFlow(Station(data, authority=authority), booth_id="booth-1")
    flow.card_inserted(SimWorkerCard(card.pin, card.public_key().hex(), card.key))
    flow.enter_pin(card.pin)
    assert flow.screen is WorkerScreen.SETUP
    return flow


def test_the_poll_worker_is_told_the_package_comes_from_another_authority(
    small_election: ElectionKit, stranger: ElectionKit, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    shutil.copytree(stranger.media["booth-1"], stick)
    pinned = small_election.package.body.authority_public_key
    flow = _flow_with_card(stranger, tmp_path / "data", pinned)
    flow.preview_setup(SimMedia(stick))
    assert flow.problem is Problem.PACKAGE_REFUSED and flow.reason == "authority_refused"
    assert flow.preview is None
    _nothing_set_up(flow.station)
    flow.station.close()


def test_a_stick_that_already_set_up_a_booth_sets_up_no_second_one(
    small_election: ElectionKit, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    shutil.copytree(small_election.media["booth-1"], stick)
    first = _flow_with_card(small_election, tmp_path / "first")
    first.preview_setup(SimMedia(stick))
    first.confirm_setup(SimMedia(stick))
    assert first.station.state is PollsState.READY and first.screen is WorkerScreen.HOME
    second = _flow_with_card(small_election, tmp_path / "second")
    second.preview_setup(SimMedia(stick))
    assert second.problem is Problem.PACKAGE_REFUSED and second.reason == "stick_used"
    second.confirm_setup(SimMedia(stick))
    _nothing_set_up(second.station)
    first.station.close()
    second.station.close()
