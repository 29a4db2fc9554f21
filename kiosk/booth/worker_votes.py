"""The poll worker closes a vote for good at the booth (in a hall: at every booth, see
kiosk/booth/session_close.py); polls stay open for the next vote. Taps of the worker's Home screen."""

from __future__ import annotations

import logging

from kiosk.ballot.ids import SessionId
from kiosk.booth.polls import TransitionRefused
from kiosk.booth.worker_flow import WorkerFlow
from kiosk.booth.worker_states import Failed, Home, Notice, Problem

log = logging.getLogger(__name__)


def close_vote(flow: WorkerFlow, session_id: SessionId) -> None:
    """Closes the vote, seals its ballots and (in a hall) sends them; a refusal is shown."""
    if not isinstance(flow.state, Home) or flow.worker is None:
        log.warning("poll worker: closing a vote refused outside the Home screen")
        return
    if session_id in flow.station.active_sessions():  # stop it first: two taps, never one by mistake
        log.warning("poll worker: closing an active vote refused; stop it first")
        return
    try:
        flow.station.close_session(session_id, flow.worker)
    except TransitionRefused as exc:
        flow.apply(Failed(Notice(Problem.POLLS_REFUSED, exc.reason.value)))


def vote_rows(flow: WorkerFlow) -> dict[str, str]:
    """session id -> "closed" (its sealed file with the hall, or no hall), "unsent" (sealed, waiting
    for the hall to take it; end-to-end ballots as well) or "" (open)."""
    report = flow.station.sessions.report()
    if flow.station.sessions.hall is None:
        return dict.fromkeys(report.closed, "closed")
    return {s: ("unsent" if s in report.unsent else "closed") for s in report.closed}
