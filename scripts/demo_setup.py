"""Prepares the demo booth: a sample conference election, booth-1 provisioned, set up and open.

Run by scripts/demo.sh; prints a few voting codes to try at the booth.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

from kiosk.ballot.definition import load_definition
from kiosk.ballot.package import PackageCard
from kiosk.booth.station import Station
from kiosk.devices.sim_card import SimCard, write_card_file
from kiosk.simulate import inserted_card
from station_admin.ceremony import create_election, register_cards
from station_admin.provisioning import provision_station

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "elections" / "ilc-2023-plenary.json"
FALLBACK = ROOT / "tests" / "fixtures" / "small-election.json"
STATION = "booth-1"
POLL_WORKER = "demo-poll-worker"
DEMO_PASSPHRASES = ["demo trustee one", "demo trustee two", "demo trustee three"]
DEMO_AUTHORITY_PASSPHRASE = "demo authority passphrase"  # a demo's; a real one is typed, never stored
DEMO_PIN = "1234"
TOUR = "tour"  # scripts/demo.sh writes the screens there without a display
CODES_SHOWN = 6  # enough to try a few voters, short enough to read on a console


def main(out: Path) -> None:
    definition_path = SAMPLE if SAMPLE.exists() else FALLBACK
    definition = load_definition(definition_path)
    if out.exists():  # a new demo election each run; the screens an earlier run drew stay
        for child in out.iterdir():
            if child.name != TOUR:
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    created = create_election(
        definition, 3, 2, DEMO_PASSPHRASES, out / "ELECTION", authority_passphrase=DEMO_AUTHORITY_PASSPHRASE
    )
    # The simulated poll-worker card (a real card never gives its key out), registered by the authority.
    card = SimCard(pin=DEMO_PIN)
    worker = next((w.id for w in definition.poll_workers if STATION in w.stations), POLL_WORKER)
    register_cards(created.folder, [PackageCard(public_key=card.public_key().hex(), holder=worker,
                                                   role="poll_worker")])
    write_card_file(out / "demo-worker-card.json", card, worker)
    media = provision_station(created.folder, STATION, out / "MEDIA")
    station = Station(out / STATION)
    station.set_up(media, inserted_card(card), "test")  # the card certifies the demo booth's own key
    station.open_polls(POLL_WORKER)
    for session in definition.sessions:
        station.set_session_active(session.id, True, POLL_WORKER)
    station.close()
    (out / "booth.toml").write_text(
        f'station = "{STATION}"\nstation_data = "{out / STATION}"\n\n[devices]\nprinter = "sim"\n'
        'paper_mm = 80\ncard_reader = "sim"\n'
        f'media = "{out / "MEDIA"}"\nscanner = "wedge"\n\n[ui]\ninactivity_warning_seconds = 120\n'
        'inactivity_countdown_seconds = 45\nlanguage = "en"\n',
        encoding="utf-8",
    )
    print(f"Demo election: {definition.title['en']} ({definition_path.name}), booth {STATION}, polls open.")
    print("Voting codes to try (type them on the booth's keypad):")
    with created.folder.codes_path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["station"] == STATION][:CODES_SHOWN]
    for row in rows:
        print(f"  {row['name']:<24} {row['code']}")
    print(f"Poll worker: press F9 at the booth to insert the simulated poll-worker card, PIN {DEMO_PIN};")
    print("F10 removes it.")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
