"""Poll-worker mode for the screens: WorkerFlow's state as properties, taps as slots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.ballot.codes import format_code
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.booth.addenda import WeightingShown
from kiosk.booth.worker_flow import SimWorkerCard, WorkerCard, WorkerFlow, WorkerScreen
from kiosk.booth.worker_votes import close_vote, vote_rows
from kiosk.devices.media import Media
from kiosk.ui.language import Language

PIN_MAX_DIGITS = 8  # card PINs are 4 to 8 digits
SEARCH_MAX = 40
TICK_MS = 1000
# each language's thousands separator (French: a narrow no-break space), for weights of five digits
THOUSANDS = {"en": ",", "fr": "\u202f", "es": "."}
# (device, status, detail), e.g. ("printer", "paper_out", ""), ("storage", "ok", "5120") in free MB,
# ("clock", "ok", "2026-11-23 09:30 UTC"): what the poll worker checks before and during the day.
Health = Callable[[], list[tuple[str, str, str]]]


class WorkerModel(QObject):
    changed = Signal()
    left = Signal()  # back to the voters' Welcome
    entered = Signal()  # a poll-worker card: any voter's walk ends first
    lockCleared = Signal()  # the voters' keypad works again at once

    def __init__(self, flow: WorkerFlow, language: Language, media: Media,
                 health: Health, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow, self.language, self.media, self.health = flow, language, media, health
        self._pin = ""
        self._search = ""
        language.changed.connect(self.changed)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        if self.flow.idle_too_long():
            self.leave()
        elif self.flow.tick() or self.flow.shown_code:
            self.changed.emit()

    def touched(self) -> None:
        self.flow.touched()

    def _do(self, action: Callable[[], object]) -> None:
        action()
        self.changed.emit()

    # --- the card --------------------------------------------------------------------------------
    def card_inserted(self, card: WorkerCard) -> None:
        self._pin, self._search = "", ""
        self.entered.emit()
        self._do(lambda: self.flow.card_inserted(card))

    def card_removed(self) -> None:
        if self.flow.active:
            self.leave()

    @Slot()
    def leave(self) -> None:
        self._pin, self._search = "", ""
        self.flow.leave()
        self.left.emit()
        self.changed.emit()

    @Slot(str)
    def pinKey(self, digit: str) -> None:
        if digit.isdigit() and len(self._pin) < PIN_MAX_DIGITS:
            self._pin += digit
            self.changed.emit()

    @Slot()
    def pinDelete(self) -> None:
        self._pin = self._pin[:-1]
        self.changed.emit()

    @Slot()
    def pinSubmit(self) -> None:
        pin, self._pin = self._pin, ""
        self._do(lambda: self.flow.enter_pin(pin))

    @Slot(str)
    def go(self, screen: str) -> None:
        self._do(lambda: self.flow.go(WorkerScreen(screen)))

    # --- the day ---------------------------------------------------------------------------------
    @Slot()
    def openPolls(self) -> None:
        self._do(self.flow.open_polls)

    @Slot()
    def pause(self) -> None:
        self._do(self.flow.pause)

    @Slot()
    def resume(self) -> None:
        self._do(self.flow.resume)

    @Slot(str, bool)
    def setSession(self, session_id: str, active: bool) -> None:
        self._do(lambda: self.flow.set_session(SessionId(session_id), active))

    @Slot(str)
    def closeSession(self, session_id: str) -> None:
        self._do(lambda: close_vote(self.flow, SessionId(session_id)))

    @Slot()
    def reprintLast(self) -> None:
        self._do(self.flow.reprint_last)

    @Slot()
    def clearLock(self) -> None:
        self._do(self.flow.clear_lock)
        self.lockCleared.emit()

    @Slot(str)
    def searchKey(self, key: str) -> None:
        if len(self._search) < SEARCH_MAX:
            self._search += key
            self.changed.emit()

    @Slot()
    def searchDelete(self) -> None:
        self._search = self._search[:-1]
        self.changed.emit()

    @Slot(str)
    def reissue(self, voter_id: str) -> None:
        self._search = ""
        self._do(lambda: self.flow.reissue(VoterId(voter_id)))

    @Slot()
    def printSlip(self) -> None:
        self._do(self.flow.print_slip)

    @Slot()
    def confirmClose(self) -> None:
        self._do(self.flow.confirm_close)

    @Slot()
    def exportSealed(self) -> None:
        self._do(lambda: self.flow.export(self.media))

    @Slot()
    def exportAudit(self) -> None:
        self._do(lambda: self.flow.export_audit(self.media))

    @Slot()
    def previewSetup(self) -> None:
        self._do(lambda: self.flow.preview_setup(self.media))

    @Slot()
    def confirmSetup(self) -> None:
        self._do(lambda: self.flow.confirm_setup(self.media))

    @Slot()
    def confirmTestSetup(self) -> None:
        """A rehearsal: the booth runs in test mode, said on every screen and slip, never counted."""
        self._do(lambda: self.flow.confirm_setup(self.media, "test"))

    @Slot()
    def previewAddendum(self) -> None:
        self._do(lambda: self.flow.preview_addendum(self.media))

    @Slot()
    def acceptAddendum(self) -> None:
        self._do(lambda: self.flow.accept_addendum(self.media))

    # --- what the screens show -------------------------------------------------------------------
    def _addendum(self) -> list[dict[str, str]]:
        """What the addendum shown changes, one row per change: the screen words each kind."""
        p = self.flow.addendum_preview
        if p is None:
            return []
        election, text = self.flow.station.election, self.language.text
        names: dict[str, str] = {v.id: f"{v.name} ({v.id})" for v in election.voters}
        titles: dict[str, str] = {s.id: text(s.title) for s in election.sessions}
        titles |= {i: text(t) for i, t in p.sessions}
        rows = [{"kind": "session", "a": text(t), "b": i, "c": ""} for i, t in p.sessions]
        for d in p.delegations:
            kind = "voted_first" if d.voted_first else "delegation"
            rows.append({"kind": kind, "a": names.get(d.adviser, d.adviser),
                         "b": names.get(d.delegate, d.delegate), "c": titles.get(d.session, d.session)})
        rows += [{"kind": "revoked", "a": names.get(d, d), "b": titles.get(s, s), "c": ""}
                 for d, s in p.revocations]
        people = (("voter", p.voters_added), ("code", p.codes_reissued), ("struck", p.struck))
        rows += [{"kind": kind, "a": name, "b": "", "c": ""} for kind, shown in people for name in shown]
        return rows + self._weightings(p.weightings, titles)

    def _weightings(self, shown: list[WeightingShown], titles: dict[str, str]) -> list[dict[str, str]]:
        """A vote whose weighting changes, then each group's members and votes (the weights it gives)."""
        text, number = self.language.text, self._number
        groups = {g.id: text(g.name) for g in self.flow.station.election.groups}
        rows = []
        for w in shown:
            rows.append({"kind": f"weighting_{w.weighting.value}", "a": titles.get(w.session, w.session),
                         "b": "", "c": ""})
            rows += [{"kind": "weight", "a": groups.get(g.group, g.group), "b": number(g.members),
                      "c": number(g.weight)} for g in w.groups]
        return rows

    def _number(self, value: int) -> str:
        """17,020 / 17 020 / 17.020: a weight read at a glance, in the poll worker's language."""
        separator = THOUSANDS.get(self.language.code(), ",")
        return f"{value:,}".replace(",", separator)

    def _sessions(self) -> list[dict[str, Any]]:
        station = self.flow.station
        if station.package is None:
            return []
        active, counts, closed = set(station.active_sessions()), station.counts(), vote_rows(self.flow)
        return [{"id": s.id, "title": self.language.text(s.title), "active": s.id in active,
                 "ballots": counts[s.id][0], "closed": closed.get(s.id, "")}
                for s in station.election.sessions]

    def _pin_status(self) -> str:
        result = self.flow.pin_result
        return result.status.value if result else ""

    def _preview(self) -> dict[str, str]:
        p = self.flow.preview
        if p is None:
            return {}
        return {"title": self.language.text(p.title), "fingerprint": p.fingerprint, "station": p.station}

    def _results(self) -> list[dict[str, str]]:
        return [{"id": i, "name": n} for i, n in self.flow.find_voters(self._search)] if self._search else []

    active = Property(bool, lambda self: self.flow.active, notify=changed)
    screen = Property(str, lambda self: self.flow.screen.value, notify=changed)
    worker = Property(str, lambda self: self.flow.worker or "", notify=changed)
    pinDots = Property(str, lambda self: "●" * len(self._pin), notify=changed)
    pinStatus = Property(str, _pin_status, notify=changed)
    triesLeft = Property(int, lambda self: self.flow.pin_result.tries_left if self.flow.pin_result else 0,
                         notify=changed)
    reason = Property(str, lambda self: self.flow.reason, notify=changed)
    reasonArgs = Property(list, lambda self: self.flow.reason_args, notify=changed)
    problem = Property(str, lambda self: str(self.flow.problem or ""), notify=changed)
    polls = Property(str, lambda self: self.flow.polls.value, notify=changed)
    testMode = Property(bool, lambda self: self.flow.station.mode == "test", notify=changed)
    sessions = Property(list, _sessions, notify=changed)
    report = Property(list, lambda self: self.flow.report, notify=changed)
    reportStatus = Property(str, lambda self: str(self.flow.report_status or ""), notify=changed)
    closeConfirmations = Property(int, lambda self: self.flow.close_confirmations, notify=changed)
    shownCode = Property(str, lambda self: format_code(self.flow.shown_code) if self.flow.shown_code else "",
                         notify=changed)
    slipPrinted = Property(bool, lambda self: self.flow.slip_printed, notify=changed)
    shownFor = Property(str, lambda self: self.flow.shown_for, notify=changed)
    codeSeconds = Property(int, lambda self: self.flow.code_seconds_left(), notify=changed)
    reprint = Property(str, lambda self: str(self.flow.reprint or ""), notify=changed)
    copiesWritten = Property(int, lambda self: self.flow.copies_written, notify=changed)
    preview = Property(dict, _preview, notify=changed)
    search = Property(str, lambda self: self._search, notify=changed)
    addendumNumber = Property(int, lambda self: p.number if (p := self.flow.addendum_preview) else 0,
                              notify=changed)
    addendum = Property(list, _addendum, notify=changed)
    addendumAccepted = Property(int, lambda self: self.flow.addendum_accepted, notify=changed)
    addendaHeld = Property(int, lambda self: len(self.flow.station.held_addenda())
                           if self.flow.station.package is not None else 0, notify=changed)
    results = Property(list, _results, notify=changed)
    audit = Property(list, lambda self: [{"time": t, "event": e, "data": d} for t, e, d in self.flow.audit()]
                     if self.flow.worker else [], notify=changed)
    devices = Property(list, lambda self: [{"name": n, "status": s, "detail": d}
                                           for n, s, d in self.health()], notify=changed)
    locked = Property(bool, lambda self: self.flow.station.package is not None
                      and self.flow.station.lock_state().locks > 0, notify=changed)


__all__ = ["SimWorkerCard", "WorkerModel"]
