"""Any delegate at any booth of the hall, never twice in a session: the mark lives in the hall."""

from __future__ import annotations

import threading

from kiosk.booth.cast import CastRefusal
from kiosk.booth.station import CastRefused, Station
from kiosk.booth.voter_auth import Authenticated, CodeRefusal, CodeRefused
from station_admin.hall.http_server import HallHttpServer
from tests.hall.conftest import BoothMaker
from tests.kit import ElectionKit

ANSWERS = {"q1": ("yes",)}
BOARD = {"members": ("ana",), "lists": ("l1",)}


def login(station: Station, code: str) -> str:
    outcome = station.authenticate_code(code)
    assert isinstance(outcome, Authenticated), outcome
    return outcome.voter_id


def test_a_delegate_of_booth_2_votes_at_booth_1_and_not_again_at_booth_2(
    hall_booth: BoothMaker, small_election: ElectionKit, hall: HallHttpServer
) -> None:
    one, two = hall_booth("booth-1"), hall_booth("booth-2")
    codes = small_election.codes()
    voter = login(one, codes["v25"])  # v25 is on booth-2's roll
    one.cast(voter, "budget", ANSWERS)
    assert one.counts()["budget"] == (1, 1)
    # At booth-2 the budget session shows as voted, and a cast there is refused.
    assert login(two, codes["v25"]) == "v25"
    status = {s.session_id: s.status.value for s in two.sessions_for("v25")}
    assert status["budget"] == "voted"
    try:
        two.cast("v25", "budget", ANSWERS)
        raise AssertionError("a second vote was accepted")
    except CastRefused as exc:
        assert exc.reason is CastRefusal.ALREADY_VOTED
    assert two.counts()["budget"] == (0, 0)
    marks = hall.service.store.marks()
    assert [(m.session_id, m.voter_id, m.station, m.state) for m in marks] == [
        ("budget", "v25", "booth-1", "confirmed")]


def test_a_delegate_who_voted_everywhere_is_refused_at_the_door_of_another_booth(
    hall_booth: BoothMaker, small_election: ElectionKit
) -> None:
    one, two = hall_booth("booth-1"), hall_booth("booth-2")
    voter = login(one, small_election.codes()["v10"])  # v10 votes in budget and board only
    one.cast(voter, "budget", ANSWERS)
    one.cast(voter, "board", BOARD)
    outcome = two.authenticate_code(small_election.codes()["v10"])
    assert outcome == CodeRefused(CodeRefusal.USED)


def test_two_booths_racing_on_one_delegate_record_exactly_one_ballot(
    hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    """Threat: one delegate (or two people sharing a code) casts at two booths at the same moment."""
    booths = [hall_booth("booth-1"), hall_booth("booth-2")]
    for round_ in range(8):
        outcomes = race(booths, f"v{round_ + 1:02d}")
        assert outcomes.count("cast") == 1, outcomes
        assert set(outcomes) - {"cast"} <= {"already_voted", "cast_pending"}, outcomes
    ballots = sum(b.counts()["budget"][0] for b in booths)
    assert ballots == 8 == len(hall.service.store.marks())


def race(booths: list[Station], voter: str) -> list[str]:
    """Each booth casts for the voter at the same moment: what each was told."""
    start, results = threading.Barrier(len(booths)), []

    def cast(station: Station) -> None:
        start.wait()
        try:
            station.cast(voter, "budget", ANSWERS)
            results.append("cast")
        except CastRefused as exc:
            results.append(exc.reason.value)

    threads = [threading.Thread(target=cast, args=(b,)) for b in booths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(results)
