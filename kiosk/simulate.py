"""`kiosk simulate`: a whole polling day without a screen, through the real booth services.

A simulated poll worker sets the booth up from the provisioning media with a simulated poll-worker
card registered in the package (`station-admin cards simulate`), opens the polls, activates
every session and hands each simulated voter a code (read from the officials' codes file, or
reissued at the booth as a poll worker would); each voter casts random valid ballots; the poll
worker closes the polls and exports the sealed file. The counts of what was cast are returned in
the documented results shape, for comparison with the tally.

A conference day (`--addenda STICK --addenda-after N`): after N voters the poll worker takes in
every addendum on the officials' stick, each checked and accepted as at the booth's screen, and
opens the votes they add; the other voters (advisers holding a delegation among them) vote then.
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from kiosk.ballot.addendum import AddendumError, AddendumRefusal
from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.counting import Tally, vote_counts
from kiosk.ballot.definition import ListChoice, MultipleChoice, SingleChoice, VotingSession
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.booth.addenda import preview_addendum, take_in_addendum
from kiosk.booth.addenda_stick import next_addendum_bytes
from kiosk.booth.station import Mode, SessionStatus, Station
from kiosk.booth.voter_auth import Authenticated
from kiosk.devices.card_login import sign_with_card
from kiosk.devices.mounted_media import FolderMedia
from kiosk.devices.sim_card import SimCard, SimCardReader

SIMULATED_POLL_WORKER = "simulated-poll-worker"
BLANK_SHARE = 0.05  # how often a simulated voter leaves a question blank where that is allowed
# How often a voter at an end-to-end booth checks (challenges) a ballot before casting; the first voter
# always checks once, so every simulated day has a checked ballot for the verifier and the board.
CHECK_SHARE = 0.02
CHECKED_SLIPS = "checked-slips.txt"  # beside the sealed file: one checked slip's QR text a line


@dataclass(frozen=True)
class SimulationResult:
    counts: dict[str, Any]
    sealed_file: Path
    voters: int
    checked: list[str] = field(default_factory=list)  # the QR text of each checked ballot's slip


def random_selections(session: VotingSession, rng: random.Random) -> dict[str, tuple[str, ...]]:
    selections: dict[str, tuple[str, ...]] = {}
    for question in session.questions:
        if question.allow_blank and rng.random() < BLANK_SHARE:
            selections[question.id] = ()
        elif isinstance(question, MultipleChoice):
            size = rng.randint(max(question.min, 1), question.max)
            selections[question.id] = tuple(rng.sample(question.choices, size))
        else:
            assert isinstance(question, SingleChoice | ListChoice)
            selections[question.id] = (rng.choice(question.choices),)
    return selections


def read_codes(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["voter_id"]: row["code"] for row in csv.DictReader(handle)}


def inserted_card(card: SimCard) -> CardSigner:
    """The simulated card in a simulated reader, its PIN verified as the poll worker would type it."""
    reader = SimCardReader()
    reader.insert(card)
    session = reader.open()
    session.verify_user_pin(card.pin)
    return CardSigner(session.auth_public_key().hex(), lambda message: sign_with_card(session, message))


def simulate(
    media: Path,
    data: Path,
    voters: int,
    seed: int,
    export: Path,
    card: SimCard,
    mode: Mode = "official",
    codes_file: Path | None = None,
    progress: TextIO = sys.stderr,
    addenda: Path | None = None,
    addenda_after: int = 0,
) -> SimulationResult:
    rng = random.Random(seed)
    station = Station(data)
    try:
        station.set_up(media, inserted_card(card), mode)
        station.open_polls(SIMULATED_POLL_WORKER)
        for session in station.election.sessions:
            station.set_session_active(session.id, True, SIMULATED_POLL_WORKER)
        roll = station.election.voters_at(station.station_id)
        chosen = rng.sample(roll, min(voters, len(roll)))
        if voters > len(roll):
            print(f"booth {station.station_id} has {len(roll)} voters; all of them vote", file=progress)
        codes = read_codes(codes_file) if codes_file else {}
        cast: list[tuple[SessionId, dict[str, tuple[str, ...]]]] = []
        checked: list[str] = []
        queue, number = [v.id for v in chosen], 0
        waiting: list[VoterId] = []
        while queue or addenda is not None:
            if addenda is not None and (number == addenda_after or not queue):
                print(f"taking in addenda: {take_in_all(station, addenda)}", file=progress)
                queue, waiting, addenda = [*queue, *waiting], [], None
                continue
            voter_id = queue.pop(0)
            if not any(s.status is SessionStatus.OPEN for s in station.sessions_for(voter_id)):
                waiting.append(voter_id)  # an adviser before their delegation, or a vote delegated away
                continue
            number += 1
            code = codes.get(voter_id) or station.reissue_code(voter_id, SIMULATED_POLL_WORKER)
            outcome = station.authenticate_code(code)
            if not isinstance(outcome, Authenticated):
                raise RuntimeError(f"voter {voter_id} was refused: {outcome.reason}")
            for entry in station.sessions_for(voter_id):
                if entry.status is SessionStatus.OPEN:
                    session = station.election.session(entry.session_id)
                    selections = random_selections(session, rng)
                    if station.e2e and (number == 1 or rng.random() < CHECK_SHARE):
                        checked.append(_check_once(station, voter_id, session, rng))
                    station.cast(voter_id, session.id, selections)
                    cast.append((session.id, selections))
            if number % 100 == 0:
                print(f"{number} voters have voted", file=progress)
        station.close_polls(SIMULATED_POLL_WORKER)
        export.mkdir(parents=True, exist_ok=True)
        sealed = station.export(export)
        if checked:
            (export / CHECKED_SLIPS).write_text("".join(f"{qr}\n" for qr in checked), encoding="utf-8")
            print(f"{len(checked)} ballots checked (never counted): {export / CHECKED_SLIPS}", file=progress)
        tally = Tally(station.election)  # as amended: the votes added count too
        tally.add_all(cast)
        return SimulationResult(vote_counts(tally.as_results()), sealed, number, checked)
    finally:
        station.close()


def take_in_all(station: Station, stick: Path) -> list[int]:
    """Every addendum on the stick, in order, as a poll worker takes them in; the votes they add are
    opened. Stops when the stick holds nothing new; any other refusal is raised (AddendumError)."""
    taken = []
    while True:
        try:
            data = next_addendum_bytes(FolderMedia(stick), len(station.held_addenda()))
        except AddendumError as exc:
            if exc.reason in (AddendumRefusal.NO_ADDENDUM, AddendumRefusal.REPEATED):
                break
            raise
        before = {s.id for s in station.election.sessions}
        taken.append(take_in_addendum(station, data, preview_addendum(station, data),
                                      SIMULATED_POLL_WORKER).number)
        for session in station.election.sessions:
            if session.id not in before:
                station.set_session_active(session.id, True, SIMULATED_POLL_WORKER)
    return taken


def _check_once(station: Station, voter_id: VoterId, session: VotingSession, rng: random.Random) -> str:
    """Seal a ballot of other random choices and check it, as a voter testing the booth does."""
    prepared = station.prepare_ballot(voter_id, session.id)
    sealed = station.seal(prepared, voter_id, random_selections(session, rng))
    return station.check_sealed(sealed).qr
