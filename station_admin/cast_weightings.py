"""The tally's check that every ballot is counted under the weighting it was cast under.

A vote's weighting (none, by group, per voter) is declared before it opens. Officials cannot sign an
addendum that changes it once votes cast in it are imported (station_admin/addenda.py), and a booth
refuses to take one in once it holds ballots of that vote (kiosk/booth/addenda.py). Booths are
offline, though: one may have cast ballots of the vote before the addendum was issued, then refused
it, while another booth took it in and cast more under the new weighting; or a booth whose software
does not refuse took it in after its voters had voted. Each booth's sealed audit log says, in order,
when it took in each addendum and in which vote each ballot was cast, so the count can see under
which weighting every ballot was cast, and refuses to weigh any of them otherwise (WeightsError).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Engine

from kiosk.ballot.addendum import Addendum
from kiosk.ballot.audit_events import Event
from kiosk.ballot.definition import ElectionDefinition, Weighting
from kiosk.ballot.ids import SessionId
from kiosk.ballot.weights import weighting_at
from station_admin.addenda_results import audit_logs
from station_admin.weights import WeightsError


def check_cast_weightings(
    engine: Engine, election_id: str, base: ElectionDefinition, addenda: list[Addendum]
) -> None:
    """Refuses a count in which a booth cast ballots of a vote under another weighting than the one
    the count gives it (officials' addenda, all of them)."""
    steps = weighting_at(base, addenda)
    final = steps[-1]
    for (station, session), kinds in sorted(_cast_under(engine, election_id, steps).items()):
        now = final[session]
        if set(kinds) != {now}:
            under = ", ".join(f"{n} under {kind.value!r}" for kind, n in sorted(kinds.items()))
            raise WeightsError(
                f"session {session!r}: booth {station!r} cast ballot(s) {under}, and the count would weigh "
                f"every one as {now.value!r} (addendum {_changed_at(steps, session)} changed it): votes "
                "already cast cannot be counted under another weighting than they were cast under. "
                "Nothing was counted; the vote must be held again, as a vote added by addendum"
            )


def _cast_under(
    engine: Engine, election_id: str, steps: list[dict[SessionId, Weighting]]
) -> dict[tuple[str, SessionId], Counter[Weighting]]:
    """(booth, vote) -> how many ballots it cast under each weighting, from its audit log."""
    cast: dict[tuple[str, SessionId], Counter[Weighting]] = defaultdict(Counter)
    for station, entries in audit_logs(engine, election_id):
        held = 0
        for entry in entries:
            if entry["event"] == Event.ADDENDUM_TAKEN_IN:
                held = min(int(entry["data"]["number"]), len(steps) - 1)  # the import checked them
            elif entry["event"] == Event.BALLOT_CAST:
                session = SessionId(str(entry["data"]["session"]))
                kind = steps[held].get(session)
                if kind is not None and session in steps[-1]:
                    cast[(station, session)][kind] += 1
    return cast


def _changed_at(steps: list[dict[SessionId, Weighting]], session: SessionId) -> int:
    """The addendum that last changed the vote's weighting."""
    changed = [n for n in range(1, len(steps)) if session in steps[n - 1]
               and steps[n - 1][session] is not steps[n][session]]
    return changed[-1] if changed else 0
