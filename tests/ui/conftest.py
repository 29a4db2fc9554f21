"""A booth with a conference election (a maritime session of 24 questions) for the screens' tests."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.package import PackageCard
from kiosk.ballot.signing import new_signing_key, public_hex
from kiosk.booth.station import CastReceipt, Station
from kiosk.booth.walk import PrintOutcome, Timing
from kiosk.ui.app import BoothUi, build_ui
from station_admin.ceremony import register_cards
from station_admin.provisioning import provision_station
from tests.kit import POLL_WORKER, ROOT, SMALL_ELECTION, ElectionKit, make_election
from tests.ui.taps import MARITIME

SAMPLE = ROOT / "resources" / "elections" / "ilc-2023-plenary.json"

QUESTIONS = 24


def conference_definition(folder: Path) -> Path:
    """The real sample with the small fixture's multiple- and list-choice session added, so every
    question kind is on screen; else the small fixture with a 24-question maritime session."""
    small = json.loads(SMALL_ELECTION.read_text(encoding="utf-8"))
    if SAMPLE.exists():
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        data["sessions"].append(next(s for s in small["sessions"] if s["id"] == "board"))
        for voter in data["voters"]:
            voter["sessions"].append("board")
        path = folder / "conference.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path
    data = small
    answers = [("yes", "Yes", "Oui", "Sí"), ("no", "No", "Non", "No"),
               ("abstain", "Abstain", "Abstention", "Abstención")]
    questions = [
        {"id": f"q{n:02d}", "kind": "single",
         "title": {"en": f"Adopt article {n}?", "fr": f"Adopter l'article {n} ?",
                   "es": f"¿Adoptar el artículo {n}?"},
         "options": [{"id": i, "label": {"en": en, "fr": fr, "es": es}, "role": i}
                     for i, en, fr, es in answers]}
        for n in range(1, QUESTIONS + 1)
    ]
    title = {"en": "Maritime Labour Convention", "fr": "Convention du travail maritime",
             "es": "Convenio sobre el trabajo marítimo"}
    data["sessions"].append({"id": MARITIME, "title": title, "questions": questions})
    for voter in data["voters"]:
        voter["sessions"].append(MARITIME)
    path = folder / "conference.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def conference(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    root = tmp_path_factory.mktemp("conference")
    return make_election(conference_definition(root), root)


PIN = "4321"  # the simulated poll-worker card's
WORKER_CARD_KEY, VOTER_CARD_KEY = new_signing_key(), new_signing_key()  # what the simulated cards hold
WORKER_KEY, VOTER_KEY = public_hex(WORKER_CARD_KEY), public_hex(VOTER_CARD_KEY)
WORKER_SIGNER = CardSigner(WORKER_KEY, WORKER_CARD_KEY.sign)  # that card, PIN typed, certifying a booth key


def booth_of(kit: ElectionKit) -> str:
    """booth-1 where the election has it, else its first booth."""
    ids = [s.id for s in kit.definition.stations]
    return "booth-1" if "booth-1" in ids else ids[0]


def worker_of(kit: ElectionKit) -> str:
    """A poll worker of that booth (the holder of the simulated card)."""
    booth = booth_of(kit)
    return next(w.id for w in kit.definition.poll_workers if booth in w.stations)


def card_voter_of(kit: ElectionKit) -> str:
    """The voter of that booth who holds the simulated voter card."""
    return kit.definition.voters_at(booth_of(kit))[0].id


@pytest.fixture(scope="session")
def carded_media(conference: ElectionKit, conference_booth_template: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The booth's media once a poll-worker and a voter card are registered (after the voters' booth
    is made from the first media, as the new package has a new fingerprint)."""
    register_cards(conference.folder, [
        PackageCard(public_key=WORKER_KEY, holder=worker_of(conference), role="poll_worker"),
        PackageCard(public_key=VOTER_KEY, holder=card_voter_of(conference), role="voter"),
    ])
    media = tmp_path_factory.mktemp("carded") / "MEDIA"
    return provision_station(conference.folder, booth_of(conference), media)


@pytest.fixture(scope="session")
def conference_booth_template(conference: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The booth set up once, polls open, every session active; each test gets a copy of its storage."""
    data = tmp_path_factory.mktemp("booth-template") / "data"
    station = Station(data)
    station.set_up(conference.media[booth_of(conference)], conference.signer(booth_of(conference)))
    station.open_polls(POLL_WORKER)
    for session in conference.definition.sessions:
        station.set_session_active(session.id, True, POLL_WORKER)
    station.close()
    return data


@pytest.fixture
def station(conference_booth_template: Path, tmp_path: Path) -> Iterator[Station]:
    data = tmp_path / "data"
    shutil.copytree(conference_booth_template, data)
    booth = Station(data)
    yield booth
    booth.close()




class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def receipts() -> list[CastReceipt]:
    return []


@pytest.fixture
def ui(
    qapp: QApplication, station: Station, clock: ManualClock, receipts: list[CastReceipt]
) -> Iterator[BoothUi]:
    """The booth's window over a fresh copy of its storage, 1280x800, with a printer that prints."""

    def printer(receipt: CastReceipt) -> PrintOutcome:
        receipts.append(receipt)
        return PrintOutcome.PRINTED

    booth_ui = build_ui(station, printer, Timing(120, 45), "en", dpi=100, clock=clock)
    booth_ui.window.show()
    qapp.processEvents()
    yield booth_ui
    booth_ui.language.release()  # the translator is the application's: leave none behind
    booth_ui.window.close()
    booth_ui.engine.deleteLater()
    qapp.processEvents()
    # Gone now, with its event filters: the next test's key events meet only its own window's.
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
