"""Cards at the booth: the reader's events, brought to the screens' thread, and what each card opens.

A voter's card logs the voter in (the card signs a fresh challenge, the station checks its key is a
voter's of this booth); a poll worker's card opens poll-worker mode and asks for its PIN; pulling a
card out ends what it opened. A card whose key the package does not know is refused like an unknown
code. Before the booth is set up there is no package: only a poll worker can set it up, so any card
is asked for its PIN (and must then be a registered poll worker's once the package is in).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.ballot.package import PackageCard
from kiosk.booth.station import Station
from kiosk.booth.voter_auth import AuthOutcome, CodeRefusal, CodeRefused
from kiosk.booth.walk import Screen
from kiosk.devices.card_login import log_in
from kiosk.devices.cards import (
    CardEvent,
    CardEventKind,
    CardGone,
    CardReader,
    CardSession,
    RegisteredCard,
    Role,
)
from kiosk.devices.openpgp import CardProtocolError
from kiosk.ui.app import BoothUi
from kiosk.ui.worker_card import ReaderWorkerCard

log = logging.getLogger(__name__)


class CardDoor(QObject):
    # The reader's watcher runs in its own thread; a queued signal hands each event to the screens'.
    arrived = Signal(str)

    def __init__(self, reader: CardReader, station: Station, ui: BoothUi) -> None:
        super().__init__(ui.window)
        self.reader, self.station = reader, station
        self.walk, self.code, self.worker = ui.walk, ui.code, ui.worker
        self.session: CardSession | None = None
        self.arrived.connect(self._on_event)

    def listen(self, event: CardEvent) -> None:
        """The reader's listener: any thread."""
        self.arrived.emit(event.kind.value)

    @Slot(str)
    def _on_event(self, kind: str) -> None:
        if kind == CardEventKind.INSERTED:
            self._inserted()
        elif kind in (CardEventKind.REMOVED, CardEventKind.READER_REMOVED):
            self._removed()

    def _inserted(self) -> None:
        try:
            self.session = self.reader.open()
            key = self.session.auth_public_key().hex()
        except (CardGone, CardProtocolError) as exc:
            log.info("card: unreadable (%s)", exc)
            return
        entry = self.station.registered_card(key) if self.station.package is not None else None
        if self.station.package is None or (entry is not None and entry.role == "poll_worker"):
            if self.worker is not None:
                self.worker.card_inserted(ReaderWorkerCard(self.session))
            return
        if self.walk.walk.screen not in (Screen.WELCOME, Screen.CODE_ENTRY):
            return  # a voter is already in; a second card changes nothing
        outcome = self._voter_login(key, entry)
        self.walk.authenticated(outcome)
        if isinstance(outcome, CodeRefused):
            self.code.card_refused(outcome)

    def _voter_login(self, key: str, entry: PackageCard | None) -> AuthOutcome:
        assert self.session is not None
        if entry is None or entry.role != "voter":
            return self.station.authenticate_card(key)  # refused as unknown, and logged
        card = RegisteredCard(public_key=key, holder=entry.holder, role=Role.VOTER)
        if not log_in(self.session, [card]).ok:  # the card could not prove it holds the key
            return CodeRefused(CodeRefusal.UNKNOWN)
        return self.station.authenticate_card(key)

    def _removed(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        if self.worker is not None and self.worker.flow.active:
            self.worker.card_removed()
        self.walk.card_removed()
