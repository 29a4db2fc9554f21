"""The poll worker takes in an addendum from the officials' stick: read and shown first (what it
adds, who delegates to whom, whose code changes, who is struck off), accepted only as shown."""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.ballot.addendum import AddendumError
from kiosk.booth.addenda import AddendumPreview, preview_addendum, take_in_addendum
from kiosk.booth.addenda_stick import next_addendum_bytes
from kiosk.booth.station import Station
from kiosk.booth.worker_states import (
    AddendumAccepted,
    AddendumShown,
    Amending,
    Failed,
    Notice,
    Problem,
    WorkerEvent,
    WorkerState,
)
from kiosk.devices.media import Media

log = logging.getLogger(__name__)


class WorkerAddenda:
    """The addendum screen's taps, for WorkerFlow (which provides the station, state and apply)."""

    station: Station
    state: WorkerState
    apply: Callable[[WorkerEvent], bool]

    def preview_addendum(self, media: Media) -> None:
        """Reads the next addendum off the stick and checks it; changes nothing."""
        if not isinstance(self.state, Amending):
            log.warning("poll worker: an addendum check refused on %s", type(self.state).__name__)
            return
        try:
            data = next_addendum_bytes(media, len(self.station.held_addenda()))
            self.apply(AddendumShown(preview_addendum(self.station, data)))
        except AddendumError as exc:
            self._refused(exc)
        except OSError as exc:
            log.warning("poll worker: the stick cannot be read: %s", exc)
            self.apply(Failed(Notice(Problem.ADDENDUM_REFUSED, "malformed")))

    def accept_addendum(self, media: Media) -> None:
        """Takes in the addendum shown, if the stick still holds that one."""
        state = self.state
        if not isinstance(state, Amending) or state.preview is None:
            log.warning("poll worker: an addendum accepted with none shown, on %s", type(state).__name__)
            return
        try:
            data = next_addendum_bytes(media, state.preview.number - 1)
            taken = take_in_addendum(self.station, data, state.preview, state.worker)
        except AddendumError as exc:
            self._refused(exc)
            return
        self.apply(AddendumAccepted(taken.number))

    @property
    def addendum_preview(self) -> AddendumPreview | None:
        return self.state.preview if isinstance(self.state, Amending) else None

    @property
    def addendum_accepted(self) -> int:
        return self.state.accepted if isinstance(self.state, Amending) else 0

    def _refused(self, exc: AddendumError) -> None:
        log.warning("poll worker: addendum refused (%s): %s", exc.reason.value, exc.detail)
        self.apply(Failed(Notice(Problem.ADDENDUM_REFUSED, exc.reason.value, exc.names)))
