"""The results page for the hall's projector: what the President reads out, in the three languages.

GET /projector is one static page (HTML, CSS and a few lines of script, nothing from elsewhere:
the hall network has no Internet) that asks GET /projector/results.json once a second and redraws
itself, so a vote's count appears on the wall without anyone touching the projector's PC. The JSON
holds only what is public once a vote is counted: each closed vote, how many booths reported, and
its count and outcome per question (station_admin/hall/count.py writes them).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from kiosk.ballot.definition import ElectionDefinition, ListChoice, VotingSession

if TYPE_CHECKING:
    from station_admin.hall.service import HallService

PROJECTOR_PREFIX = "/projector"
RESULTS_PATH = "/projector/results.json"
PAGE_FILE = "projector.html"


def projector_response(service: HallService, path: str) -> tuple[int, str, bytes]:
    route = path.split("?", 1)[0]
    if route in (PROJECTOR_PREFIX, PROJECTOR_PREFIX + "/"):
        page = resources.files("station_admin.hall").joinpath(PAGE_FILE).read_bytes()
        return 200, "text/html; charset=utf-8", page
    if route == RESULTS_PATH:
        body = json.dumps(projector_state(service), ensure_ascii=False).encode()
        return 200, "application/json; charset=utf-8", body
    return 404, "text/plain; charset=utf-8", b"no such page"


def projector_state(service: HallService) -> dict[str, Any]:
    definition = service.package.definition
    booths = sorted(service.store.booths())
    closed = set(service.sessions.closed())
    counted = {sid: (results, provisional) for sid, results, provisional, _at in service.sessions.results()}
    votes = []
    for session in definition.sessions:
        if session.id not in closed and session.id not in counted:
            continue
        status = service.sessions.status(session.id, booths)
        entry: dict[str, Any] = {
            "id": session.id, "title": session.title, "booths": len(status.booths),
            "reported": len(status.reported) + len(status.out_of_service), "state": "collecting",
        }
        if session.id in counted:
            results, provisional = counted[session.id]
            entry.update(state="provisional" if provisional else "counted", ballots=results.get("ballots", 0),
                         questions=_questions(session, results))
        votes.append(entry)
    return {"election": definition.title, "languages": definition.languages, "votes": votes}


def _questions(session: VotingSession, results: dict[str, Any]) -> list[dict[str, Any]]:
    counted = {q["id"]: q for q in results.get("questions", [])}
    out = []
    for q in session.questions:
        items = q.lists if isinstance(q, ListChoice) else q.options
        labels = {item.id: item.label for item in items}
        entry = counted.get(q.id, {})
        out.append({
            "id": q.id, "title": q.title, "outcome": entry.get("outcome", ""), "blank": entry.get("blank", 0),
            "votes_cast": entry.get("votes_cast"), "quorum": entry.get("quorum"),
            "options": [{"id": o["id"], "label": labels.get(o["id"], {}), "votes": o["votes"]}
                        for o in entry.get("options", [])],
        })  # fmt: skip
    return out


def session_titles(definition: ElectionDefinition) -> dict[str, dict[str, str]]:
    return {s.id: s.title for s in definition.sessions}
