"""The poll-worker screens for `kiosk tour`: a day on a scratch copy of a booth, from set-up to export."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.booth.station import Station
from kiosk.booth.walk import PrintOutcome
from kiosk.booth.worker_flow import SimWorkerCard
from kiosk.devices.printer import Printable
from kiosk.devices.sim_card import SimCard, load_card_file
from kiosk.devices.sim_media import SimMedia
from kiosk.ui.app import BoothUi, WorkerSetup, build_ui


@dataclass(frozen=True)
class WorkerTour:
    """Provisioning media with a registered poll-worker card, and that simulated card."""

    media: Path
    card: SimCard

    @property
    def pin(self) -> str:
        return self.card.pin

    @staticmethod
    def from_card_file(media: Path, card_file: Path) -> WorkerTour:
        return WorkerTour(media, load_card_file(card_file))


def _printed(_document: Printable) -> PrintOutcome:
    return PrintOutcome.PRINTED


def _devices() -> list[tuple[str, str, str]]:
    return [("printer", "paper_out", ""), ("card_reader", "ok", ""), ("storage", "ok", "5120"),
            ("clock", "ok", "2026-11-23 09:30 UTC")]


def build_worker_ui(tour: WorkerTour, scratch: Path, language: str) -> tuple[BoothUi, Station]:
    """A booth not yet set up, over a scratch folder, with a copy of the media as its USB stick."""
    stick = scratch / "stick"
    shutil.copytree(tour.media, stick)
    station = Station(scratch / "data")
    setup = WorkerSetup(station, SimMedia(stick), _printed, _devices)
    return build_ui(station, language=language, worker_setup=setup), station


def walk_worker_screens(ui: BoothUi, tour: WorkerTour) -> Iterator[str]:
    worker = ui.worker
    assert worker is not None
    worker.card_inserted(SimWorkerCard(tour.pin, tour.card.public_key().hex(), tour.card.key))
    yield "31-worker-pin"
    for digit in "0" * len(tour.pin):
        worker.pinKey(digit)
    worker.pinSubmit()
    yield "32-worker-pin-wrong"
    for digit in tour.pin:
        worker.pinKey(digit)
    worker.pinSubmit()
    yield "33-worker-setup"
    worker.previewSetup()
    yield "34-worker-setup-checked"
    worker.confirmSetup()
    worker.openPolls()
    station = worker.flow.station
    for session in station.election.sessions[:1]:
        worker.setSession(session.id, True)
    worker.reprintLast()
    yield "35-worker-day"
    first = station.election.sessions[0].id
    worker.setSession(first, False)
    yield "35-worker-vote-stopped"  # stopped: the worker may now close it for good
    worker.closeSession(first)
    yield "35-worker-vote-closed"
    worker.go("reissue")
    voter = station.election.voters_at(station.station_id)[0]
    for key in voter.id:
        worker.searchKey(key)
    yield "36-worker-find-voter"
    worker.reissue(voter.id)
    yield "37-worker-code-shown"
    worker.go("home")  # each of the day's screens is reached from home, as the poll worker does
    worker.go("audit")
    yield "38-worker-audit"
    worker.go("home")
    worker.go("addendum")
    yield "38-worker-addendum"
    worker.go("home")
    worker.go("close")
    yield "39-worker-close"
    worker.confirmClose()
    yield "40-worker-close-again"
    worker.confirmClose()
    yield "41-worker-closed"
    worker.exportSealed()
    yield "42-worker-exported"
    worker.leave()


def scratch_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="isoloir-tour-"))
