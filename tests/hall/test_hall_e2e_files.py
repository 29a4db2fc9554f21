"""End-to-end session files at the hall: when a vote closes, a booth of end-to-end ballots seals that
session alone (sealed file /2 with its `session`) and sends it over its signed mutual-TLS channel;
the hall keeps it only after the import's own checks (every proof, no α repeated, marks = the
booth's confirmed marks). The day's stick then finds exactly what the hall holds (issue 15)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.e2e_ballot import EncryptedBallot
from kiosk.ballot.e2e_marks import voter_set_digest
from kiosk.ballot.e2e_record import ballot_from_json, checked_from_json
from kiosk.ballot.sealed_e2e import BoothSeal, build_sealed_e2e_bytes, parse_sealed_e2e
from kiosk.booth.session_close import SendOutcome, SessionCloseTransport
from kiosk.booth.station import Station
from kiosk.booth.worker_flow import WorkerFlow
from kiosk.booth.worker_states import Home
from kiosk.booth.worker_votes import close_vote, vote_rows
from station_admin.cli import main as admin
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.serve import serving
from tests.ballot.sealed_kit import members, resign, rezip
from tests.hall.conftest import hall_station, unlocked
from tests.kit import POLL_WORKER, ElectionKit
from tests.station_admin.forged_ballots import forge_question

ANSWERS = {"q1": ("yes",)}
AT_BOOTH = {"booth-1": ["v01", "v02", "v25"], "booth-2": ["v26", "v03"]}  # delegates of either roll


@pytest.fixture
def e2e_hall(e2e_election: ElectionKit, hall_db: str) -> Iterator[HallHttpServer]:
    with serving(unlocked(e2e_election), hall_db, "127.0.0.1", 0) as server:
        yield server


@pytest.fixture
def booths(
    e2e_election: ElectionKit, e2e_hall: HallHttpServer, tmp_path: Path
) -> Iterator[dict[str, Station]]:
    made = {s: hall_station(e2e_election, tmp_path / s, s, e2e_hall.url) for s in AT_BOOTH}
    for station, voters in AT_BOOTH.items():
        for voter in voters:
            made[station].cast(voter, "budget", ANSWERS)
    yield made
    for station in made.values():
        station.close()


def _session_file(
    booth: Station, session_id: str, edit: Callable[[list[EncryptedBallot]], list[EncryptedBallot]]
) -> tuple[str, bytes]:
    """The booth's session file of a closed vote, its ballots changed by `edit`, signed again with the
    booth's own key: what whoever holds the booth's disk can send on its channel."""
    snap = booth.sessions.snapshot(session_id)
    station, definition = snap.station, snap.package.definition
    ballots = [ballot_from_json(json.loads(line), s, station) for _, s, line in snap.ballots]
    checked = [
        checked_from_json(json.loads(line), definition.session(s), station) for _, s, line in snap.checked
    ]
    election = snap.package.election_key
    assert election is not None
    seal = BoothSeal(snap.package, election, snap.certificate, snap.booth_key, snap.mode, snap.opened_at,
                     snap.closed_at, snap.addenda, session_id)  # fmt: skip
    closing = next(i for i, e in enumerate(snap.audit) if e.event == "session_closed")
    data = build_sealed_e2e_bytes(seal, edit(ballots), checked, snap.marks, snap.audit[: closing + 1])
    return f"{station}-forged.isoloir", data


def _closed_quietly(hall: HallHttpServer, booth: Station, session_id: str) -> SessionCloseTransport:
    """The vote closed at the desk and at this booth, which may not send its own file; its channel."""
    hall.service.sessions.close(session_id, "the desk")
    transport = booth.sessions.hall
    assert transport is not None
    booth.sessions.hall = None
    booth.close_session(session_id, POLL_WORKER)
    return transport


def test_each_e2e_booth_sends_its_closed_votes_session_file_and_the_stick_finds_the_same(
    e2e_election: ElectionKit,
    e2e_hall: HallHttpServer,
    booths: dict[str, Station],
    tmp_path: Path,
    hall_db: str,
) -> None:
    flow = WorkerFlow(booths["booth-1"])
    flow.state = Home(POLL_WORKER)
    flow.set_session("budget", False)
    close_vote(flow, "budget")
    assert vote_rows(flow) == {"budget": "closed"}  # sent and taken: no "stick" state left
    assert booths["booth-2"].hall_connected()  # hears of the close at its next call, and sends
    files = {f.station: f for f in e2e_hall.service.sessions.files("budget")}
    assert {s: f.ballots for s, f in files.items()} == {"booth-1": 3, "booth-2": 2}
    package = e2e_election.folder.package()
    assert package.election_key is not None
    sealed = parse_sealed_e2e(files["booth-2"].data, package, package.election_key)
    assert sealed.manifest.session == "budget" and [s.session for s in sealed.manifest.sessions] == ["budget"]
    assert sorted(v for _, v in sealed.marks) == ["v03", "v26"] and sealed.manifest.roll == "hall"
    assert booths["booth-1"].sessions.report().unsent == []
    root = str(e2e_election.folder.root)
    counted = CliRunner().invoke(admin, ["hall", "tally", "budget", "--election", root, "--db", hall_db])
    assert counted.exit_code == 2 and "counted from the trustees' answers: give --request" in counted.output
    # The day's sticks: the same ballots and marks as the hall holds, and the desk says so.
    sticks = []
    for station, booth in booths.items():
        booth.close_polls(POLL_WORKER)
        (tmp_path / f"STICK-{station}").mkdir()
        sticks.append(booth.export(tmp_path / f"STICK-{station}"))
    result = CliRunner().invoke(admin, ["hall", "check-stick", "--election", str(e2e_election.folder.root),
                                        "--db", hall_db, *map(str, sticks)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "booth-1, budget: the same 3 ballot(s) and marks as the hall" in result.output
    assert "booth-2, budget: the same 2 ballot(s) and marks as the hall" in result.output


def test_a_session_file_with_a_forged_proof_is_refused_and_the_genuine_one_then_kept(
    e2e_hall: HallHttpServer, booths: dict[str, Station]
) -> None:
    # Threat: whoever holds booth-2's disk sends, signed with its key on its TLS channel, the vote's
    # file with one ballot's 0/1 proof changed (a ballot that may encrypt 2): the hall must refuse it.
    booth = booths["booth-2"]
    transport = _closed_quietly(e2e_hall, booth, "budget")

    name, data = _session_file(booth, "budget", _swap_proofs)
    outcome, reason = transport.send_session_file("budget", name, data)
    assert outcome is SendOutcome.REFUSED and "proof" in reason, reason
    assert e2e_hall.service.sessions.files("budget") == []
    booth.sessions.hall = transport
    assert booth.hall_connected()  # the booth's own file then goes, and is kept
    assert [f.station for f in e2e_hall.service.sessions.files("budget")] == ["booth-2"]


def _swap_proofs(ballots: list[EncryptedBallot]) -> list[EncryptedBallot]:
    """The first question's first two option proofs swapped: each still well formed, neither holds."""
    first = ballots[0]
    question = first.questions[0]
    proofs = list(question.option_proofs)
    proofs[0], proofs[1] = proofs[1], proofs[0]
    questions = (dataclasses.replace(question, option_proofs=tuple(proofs)), *first.questions[1:])
    return [dataclasses.replace(first, questions=questions), *ballots[1:]]


def test_a_ciphertext_copied_from_another_booths_session_file_is_refused_naming_it(
    e2e_election: ElectionKit, e2e_hall: HallHttpServer, booths: dict[str, Station]
) -> None:
    # Threat: booth-2's software knows the nonces of one of booth-1's ballots (one corrupted build on
    # both) and re-proves its ciphertexts under booth-2's context: every proof and code holds, so
    # only the repeated α shows the copy, a vote counted twice. The hall keeps booth-1's file alone.
    session = e2e_election.definition.session("budget")
    size = len(session.questions[0].choices)
    election = e2e_election.folder.package().election_key
    assert election is not None

    def copy(ballots: list[EncryptedBallot]) -> list[EncryptedBallot]:
        forged = forge_question(election, session, ballots[0], 0, [1] + [0] * (size - 1), claimed=1)
        return [forged, *ballots[1:]]

    transports = {s: _closed_quietly(e2e_hall, b, "budget") for s, b in booths.items()}
    for station in ("booth-1", "booth-2"):
        name, data = _session_file(booths[station], "budget", copy)
        outcome, reason = transports[station].send_session_file("budget", name, data)
        if station == "booth-1":
            assert outcome is SendOutcome.STORED, reason
    assert outcome is SendOutcome.REFUSED, reason
    assert "repeats a ciphertext" in reason and "booth 'booth-1'" in reason, reason
    assert [f.station for f in e2e_hall.service.sessions.files("budget")] == ["booth-1"]


def test_a_session_file_listing_a_voter_it_holds_no_mark_for_is_refused(
    e2e_hall: HallHttpServer, booths: dict[str, Station]
) -> None:
    # Threat: whoever holds booth-2's disk signs a manifest whose voter list names a delegate who
    # never voted there (so the record would count a vote for an absent delegate): refused.
    booth = booths["booth-2"]
    transport = _closed_quietly(e2e_hall, booth, "budget")
    name, data = _session_file(booth, "budget", lambda ballots: ballots)
    contents = members(data)
    manifest = json.loads(contents["manifest.json"])
    election = booth.election_package().election_key
    assert election is not None
    listed = ["v03", "v26", "v30"]  # v30 never voted at booth-2 (nor anywhere)
    manifest["sessions"][0]["voters"] = b64encode(voter_set_digest(election, "budget", "booth-2", listed))
    contents["manifest.json"] = json.dumps(manifest).encode()
    _, booth_key = booth.booth_key()
    outcome, reason = transport.send_session_file("budget", name, rezip(resign(contents, booth_key)))
    assert outcome is SendOutcome.REFUSED and "not the sealed voter list" in reason, reason
    assert e2e_hall.service.sessions.files("budget") == []
