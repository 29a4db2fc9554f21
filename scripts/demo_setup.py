"""Prepares the demo booth: a sample conference election, booth-1 provisioned, set up and open.

The demo election has its trustees' key ceremony (three trustees, any two decrypt, run here in one
process with demo passphrases, where real trustees each run `station-admin trustee` on their own
laptop), so the booth seals, casts and checks end-to-end ballots as a real election's booth does.
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
from station_admin import trustee
from station_admin.ceremony import create_election, register_cards
from station_admin.e2e_election import install_e2e
from station_admin.election_e2e_key import add_election_key
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


def trustees_ceremony(definition: Path, root: Path) -> Path:
    """The dealer-free ceremony's three rounds for the demo's trustees; the ceremony.json they agree on.
    Each trustee's key file (their share, sealed under their demo passphrase) stays under root."""
    n, k = len(DEMO_PASSPHRASES), 2
    sticks = root / "sticks"
    keys = [root / f"trustee-{i}" / "trustee.key" for i in range(1, n + 1)]
    for i, (key, passphrase) in enumerate(zip(keys, DEMO_PASSPHRASES, strict=True), start=1):
        seat = trustee.Seat(n, k, i, f"Demo trustee {i}")
        trustee.keygen(definition, seat, key, sticks / "round1", passphrase)
    for key, passphrase in zip(keys, DEMO_PASSPHRASES, strict=True):
        trustee.shares(key, [sticks / "round1"], sticks / "round2", passphrase)
    for i, (key, passphrase) in enumerate(zip(keys, DEMO_PASSPHRASES, strict=True), start=1):
        done = trustee.finish(key, [sticks / "round1", sticks / "round2"], sticks / f"round3-{i}", passphrase)
        if done.ceremony is None:
            raise SystemExit(f"the demo's key ceremony failed: {done.complaints}")
    return sticks / "round3-1" / "ceremony.json"


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
    ceremony = trustees_ceremony(definition_path, out / "TRUSTEES")
    add_election_key(created.folder, definition_path, ceremony)  # the package re-signed with the key
    install_e2e(created.folder, ceremony, definition_path)  # so the demo folder imports and tallies /2
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
    print("End-to-end ballots: the trustees' key (2 of 3); after Seal, Cast or Check a ballot.")
    print("Voting codes to try (type them on the booth's keypad):")
    with created.folder.codes_path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["station"] == STATION][:CODES_SHOWN]
    for row in rows:
        print(f"  {row['name']:<24} {row['code']}")
    print(f"Poll worker: press F9 at the booth to insert the simulated poll-worker card, PIN {DEMO_PIN};")
    print("F10 removes it.")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
