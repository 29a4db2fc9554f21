"""The hall demo's steps (scripts/demo-hall.sh runs them around `station-admin hall serve`).

  demo_hall.py prepare OUT         a sample conference election, booth-1 and booth-2 provisioned,
                                   a simulated poll-worker card each, the passphrase files
  demo_hall.py booths OUT URL      both booths set up, joined to the hall at URL, polls open
  demo_hall.py walk OUT URL DB     headless: delegates vote at both booths (any delegate at any
                                   booth), the desk closes a vote, the booths send it, it is counted
With DEMO_E2E=1 (`make demo-hall E2E=1`) the ballots are end-to-end ones: three trustees run the
key ceremony at prepare, and the walk's vote is counted from two trustees' partial decryptions
(`hall aggregate`, `trustee decrypt --ballots`, `hall tally --request --partial`).
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.ballot.definition import load_definition
from kiosk.ballot.package import PackageCard
from kiosk.booth.station import Station
from kiosk.devices.sim_card import SimCard, load_card_file, write_card_file
from kiosk.hall.session_calls import join_hall
from kiosk.simulate import inserted_card, random_selections
from station_admin import trustee
from station_admin.ceremony import create_election, register_cards
from station_admin.e2e_election import install_e2e
from station_admin.election_dir import ElectionDir
from station_admin.election_e2e_key import add_election_key
from station_admin.hall import local_postgres
from station_admin.provisioning import provision_station

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "elections" / "ilc-2023-plenary.json"
BOOTHS = ("booth-1", "booth-2")
DEMO_PASSPHRASES = ["demo trustee one", "demo trustee two", "demo trustee three"]
DEMO_AUTHORITY_PASSPHRASE = "demo authority passphrase"  # a demo's; a real one is typed, never stored
DEMO_PIN = "1234"
VOTE_CLOSED = "osh"  # the vote the walk closes and counts (two questions, every delegate)
VOTERS_WALKING = 24  # enough for counts per group on the projector, quick to cast
ADMIN = Path(sys.executable).parent / "station-admin"
E2E = os.environ.get("DEMO_E2E", "") not in ("", "0")


def prepare(out: Path) -> None:
    if out.exists():
        for child in out.iterdir():
            if child.name not in ("tour", "screens"):
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    out.mkdir(parents=True, exist_ok=True)
    definition = load_definition(SAMPLE)
    created = create_election(definition, 3, 2, DEMO_PASSPHRASES, out / "ELECTION",
                              authority_passphrase=DEMO_AUTHORITY_PASSPHRASE)
    cards = []
    for booth in BOOTHS:
        worker = next(w.id for w in definition.poll_workers if booth in w.stations)
        card = SimCard(pin=DEMO_PIN)
        cards.append(PackageCard(public_key=card.public_key().hex(), holder=worker, role="poll_worker"))
        write_card_file(out / f"{booth}-worker-card.json", card, worker)
    register_cards(created.folder, cards)
    if E2E:
        ceremony = _trustees_ceremony(out)
        add_election_key(created.folder, SAMPLE, ceremony)
        install_e2e(created.folder, ceremony, SAMPLE)
    for booth in BOOTHS:
        provision_station(created.folder, booth, out / f"MEDIA-{booth}")
    (out / "authority.pass").write_text(DEMO_AUTHORITY_PASSPHRASE + "\n", encoding="utf-8")
    for i, passphrase in enumerate(DEMO_PASSPHRASES, 1):
        (out / f"trustee-{i}.pass").write_text(passphrase + "\n", encoding="utf-8")


def _trustee_key(out: Path, i: int) -> Path:
    return out / f"trustee-{i}" / "trustee.key"


def _trustees_ceremony(out: Path) -> Path:
    """The three trustees' key ceremony (k = 2), as `station-admin trustee keygen, shares, finish`:
    each trustee's share sealed under its passphrase in out/trustee-i/; the ceremony record."""
    sticks, seats = out / "TRUSTEES", range(1, len(DEMO_PASSPHRASES) + 1)
    for i in seats:
        seat = trustee.Seat(len(DEMO_PASSPHRASES), 2, i, f"Demo trustee {i}")
        trustee.keygen(SAMPLE, seat, _trustee_key(out, i), sticks / "round1", DEMO_PASSPHRASES[i - 1])
    for i in seats:
        trustee.shares(_trustee_key(out, i), [sticks / "round1"], sticks / "round2", DEMO_PASSPHRASES[i - 1])
    for i in seats:
        done = trustee.finish(_trustee_key(out, i), [sticks / "round1", sticks / "round2"],
                              sticks / f"round3-{i}", DEMO_PASSPHRASES[i - 1])  # fmt: skip
        assert done.ceremony is not None, done.complaints
    return sticks / "round3-1" / "ceremony.json"


def booths(out: Path, url: str) -> None:
    definition = load_definition(SAMPLE)
    for booth in BOOTHS:
        station = Station(out / booth)
        join_hall(station, url)
        card = load_card_file(out / f"{booth}-worker-card.json")
        station.set_up(out / f"MEDIA-{booth}", inserted_card(card), "test")
        worker = next(w.id for w in definition.poll_workers if booth in w.stations)
        station.open_polls(worker)
        for session in definition.sessions:
            station.set_session_active(session.id, True, worker)
        station.close()
        (out / f"{booth}.toml").write_text(
            f'station = "{booth}"\nstation_data = "{out / booth}"\n\n[devices]\nprinter = "sim"\n'
            f'paper_mm = 80\ncard_reader = "sim"\nmedia = "{out / f"MEDIA-{booth}"}"\nscanner = "wedge"\n\n'
            f'[ui]\nlanguage = "en"\n\n[hall]\nurl = "{url}"\n', encoding="utf-8")
        shutil.copy(out / f"{booth}-worker-card.json", out / "demo-worker-card.json")
    with (out / "ELECTION" / "codes" / "voter-codes.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:6]
    print("Any delegate votes at either booth; voting codes to try:")
    for row in rows:
        print(f"  {row['name']:<24} {row['code']}")
    print(f"Poll worker: F9 inserts the simulated card (PIN {DEMO_PIN}), F10 removes it.")


def walk(out: Path, url: str, db_folder: Path) -> None:
    """Delegates walk to either booth; the desk closes the vote; the booths send it; it is counted."""
    rng = random.Random(15)
    stations = [Station(out / booth) for booth in BOOTHS]
    for station in stations:
        join_hall(station, url, confirm_after_receipt=True)  # as the kiosk does (kiosk/app.py)
    election = stations[0].election
    session = election.session(VOTE_CLOSED)
    voters = [v for v in election.voters if VOTE_CLOSED in v.sessions][:VOTERS_WALKING]
    for voter in voters:
        rng.choice(stations).cast(voter.id, VOTE_CLOSED, random_selections(session, rng))
    election_dir = str(out / "ELECTION")
    desk = ["--election", election_dir, "--db", local_postgres.url_of(db_folder)]
    subprocess.run([str(ADMIN), "hall", "close", VOTE_CLOSED, *desk], check=True)
    for station in stations:
        station.hall_connected()  # as device health does: each booth hears of the close and sends
        station.close()
    subprocess.run([str(ADMIN), "hall", "status", VOTE_CLOSED, *desk], check=True)
    if E2E:
        answers = _trustees_decrypt(out, desk)
    else:
        folder = ElectionDir(out / "ELECTION")
        answers = []
        for i in (1, 3):
            answers += ["--share", str(folder.share_path(i)),
                        "--trustee-passphrase-file", str(out / f"trustee-{i}.pass")]  # fmt: skip
    subprocess.run([str(ADMIN), "hall", "tally", VOTE_CLOSED, *desk, *answers,
                    "--mode", "test", "--out", str(out / "RESULTS")], check=True)


def _trustees_decrypt(out: Path, desk: list[str]) -> list[str]:
    """The desk's request on a stick; trustees 1 and 3 each answer it (recomputing the sums first)."""
    stick = out / "TRUSTEES-STICK"
    subprocess.run([str(ADMIN), "hall", "aggregate", VOTE_CLOSED, *desk, "--mode", "test",
                    "--out", str(stick)], check=True)  # fmt: skip
    answers = []
    for i in (1, 3):
        subprocess.run([str(ADMIN), "trustee", "decrypt", "--key", str(_trustee_key(out, i)),
                        "--ceremony", str(out / "ELECTION" / "e2e" / "ceremony.json"),
                        "--request", str(stick / "request.json"), "--ballots", str(stick),
                        "--out", str(out / f"trustee-{i}"),
                        "--passphrase-file", str(out / f"trustee-{i}.pass")], check=True)  # fmt: skip
        answers += ["--partial", str(out / f"trustee-{i}" / f"partial-{i}.json")]
    return ["--request", str(stick / "request.json"), *answers]


if __name__ == "__main__":
    step, target = sys.argv[1], Path(sys.argv[2])
    if step == "prepare":
        prepare(target)
    elif step == "booths":
        booths(target, sys.argv[3])
    else:
        walk(target, sys.argv[3], Path(sys.argv[4]))
