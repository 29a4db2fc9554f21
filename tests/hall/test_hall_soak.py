"""A soak of the hall: delegates walking to whichever booth at random, two booths racing on the
same delegates, and each booth's connection to the hall reset at random steps of its casts.
At the end: no double vote, no lost ballot, the hall's marks equal the booths' ballots."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from kiosk.booth.station import CastRefused, Station
from kiosk.simulate import random_selections
from station_admin.hall.serve import serving
from tests.hall.conftest import hall_station, unlocked
from tests.hall.proxy import CuttableProxy
from tests.kit import ElectionKit

ATTEMPTS_PER_BOOTH = 80
CUT_SHARE = 0.1  # at each step of a cast, the chance that the booth's link is reset (or healed)


def walk(
    station: Station, proxy: CuttableProxy, kit: ElectionKit, seed: int, cast: list[tuple[str, str]]
) -> None:
    rng = random.Random(seed)
    pairs = [(v.id, s) for v in kit.definition.voters for s in v.sessions]

    def chaos(_step: str) -> None:
        if rng.random() < CUT_SHARE:
            (proxy.cut.clear if proxy.cut.is_set() else proxy.cut.set)()

    assert station.hall is not None
    station.hall.on_step = chaos
    for _ in range(ATTEMPTS_PER_BOOTH):
        chaos("next voter")  # a link cut stays cut until chaos heals it, also between casts
        voter, session_id = rng.choice(pairs)
        try:
            station.cast(voter, session_id, random_selections(kit.definition.session(session_id), rng))
            cast.append((voter, session_id))
        except CastRefused:
            pass
    station.hall.on_step = lambda _step: None
    proxy.cut.clear()


def test_delegates_walking_between_booths_with_links_reset_at_random_vote_once_and_lose_nothing(
    small_election: ElectionKit, hall_db: str, tmp_path: Path
) -> None:
    with serving(unlocked(small_election), hall_db, "127.0.0.1", 0) as hall:
        proxies = [CuttableProxy(("127.0.0.1", hall.server_address[1])) for _ in range(2)]
        booths = [hall_station(small_election, tmp_path / f"booth-{n}", f"booth-{n}", proxies[n - 1].url)
                  for n in (1, 2)]
        accepted: list[list[tuple[str, str]]] = [[], []]
        walkers = [threading.Thread(target=walk, args=(booths[n], proxies[n], small_election, n, accepted[n]))
                   for n in range(2)]
        for walker in walkers:
            walker.start()
        for walker in walkers:
            walker.join()
        for booth in booths:
            assert booth.hall is not None
            assert booth.hall.settle() == 0
        every = accepted[0] + accepted[1]
        assert len(every) == len(set(every))  # no delegate got two receipts in one session
        held = sorted((s, v) for booth in booths for s, v in booth.box.all_marks())
        assert held == sorted((s, v) for v, s in every)  # every accepted ballot is on its booth
        marks = hall.service.store.marks()
        assert sorted((m.session_id, m.voter_id) for m in marks) == held  # and marked in the hall, once
        assert {m.state for m in marks} <= {"confirmed"}
        for booth in booths:
            assert all(ballots == count for ballots, count in booth.counts().values())
            booth.close()
        for proxy in proxies:
            proxy.close()
        assert len(every) > 15  # the chaos left room for votes
