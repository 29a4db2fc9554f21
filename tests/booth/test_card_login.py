"""Voters and poll workers log in by card: only a card registered in the signed package counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.package import PackageCard
from kiosk.ballot.signing import new_signing_key, public_hex
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from station_admin.ceremony import register_cards
from station_admin.provisioning import provision_station
from tests.kit import POLL_WORKER, SMALL_ELECTION, make_election

VOTER_KEY = public_hex(new_signing_key())
WORKER_CARD = new_signing_key()
WORKER_KEY = public_hex(WORKER_CARD)
OTHER_BOOTHS_WORKER_KEY = public_hex(new_signing_key())


@pytest.fixture(scope="module")
def carded_booth_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cards")
    election = make_election(SMALL_ELECTION, root)
    register_cards(
        election.folder,
        [
            PackageCard(public_key=VOTER_KEY, holder="v01", role="voter"),
            PackageCard(public_key=WORKER_KEY, holder="pw-1", role="poll_worker"),
            PackageCard(public_key=OTHER_BOOTHS_WORKER_KEY, holder="pw-2", role="poll_worker"),
        ],
    )
    return provision_station(election.folder, "booth-1", root / "carded-media")


@pytest.fixture
def station(carded_booth_media: Path, tmp_path: Path) -> Station:
    station = Station(tmp_path / "data")
    station.set_up(carded_booth_media, CardSigner(WORKER_KEY, WORKER_CARD.sign))
    return station


def test_a_registered_voter_card_lets_its_holder_vote(station: Station) -> None:
    refused = station.authenticate_card(VOTER_KEY)
    assert isinstance(refused, CodeRefused) and refused.reason is CodeRefusal.NOT_OPEN
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    assert station.authenticate_card(VOTER_KEY) == Authenticated("v01")
    station.cast("v01", "budget", {"q1": ("abstain",)})
    for session in ("board", "roll-call"):
        station.set_session_active(session, True, POLL_WORKER)
    station.cast("v01", "board", {"members": (), "lists": ()})
    station.cast("v01", "roll-call", {"q1": ("no",)})
    used = station.authenticate_card(VOTER_KEY)
    assert isinstance(used, CodeRefused) and used.reason is CodeRefusal.USED


def test_an_unregistered_card_or_a_poll_workers_card_is_no_voter_card(station: Station) -> None:
    station.open_polls(POLL_WORKER)
    for key in (public_hex(new_signing_key()), WORKER_KEY):
        outcome = station.authenticate_card(key)
        assert isinstance(outcome, CodeRefused) and outcome.reason is CodeRefusal.UNKNOWN


def test_only_this_booths_poll_workers_log_in(station: Station) -> None:
    assert station.poll_worker_login(WORKER_KEY) == "pw-1"
    assert station.poll_worker_login(OTHER_BOOTHS_WORKER_KEY) is None
    assert station.poll_worker_login(VOTER_KEY) is None
    events = [e.event for e in station.box.audit_entries()]
    assert events.count("poll_worker_login") == 1 and events.count("poll_worker_refused") == 2
