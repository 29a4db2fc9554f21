"""The core's ids are distinct types to mypy (kiosk/ballot/ids.py): a call that swaps them, or passes
a public key or a voter where another id is wanted, is refused before it runs (issue 13, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[2]

HEADER = """
from kiosk.ballot.amendments import Amended
from kiosk.ballot.counting import Tally
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.e2e_ballot import ElectionKey
from kiosk.ballot.e2e_layout import BallotContext
from kiosk.ballot.e2e_marks import voter_set_digest
from kiosk.ballot.encryption import encrypt_ballot
from kiosk.ballot.ids import ElectionId, ElectionKeyHex, SessionId, SigningKeyHex, StationId, VoterId
from kiosk.ballot.weights import SessionWeights
from station_admin.hall.close_store import HallSessions

def check(state: Amended, definition: ElectionDefinition, election: ElectionId, hall: HallSessions,
          tally: Tally, weights: SessionWeights, roll: ElectionKey) -> None:
    adviser, session = VoterId("a001"), SessionId("budget")
    key, authority = ElectionKeyHex("ab" * 32), SigningKeyHex("cd" * 32)
    booth = StationId("booth-1")
"""


def mypy_says(tmp_path: Path, body: str) -> tuple[str, int]:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(HEADER + body, encoding="utf-8")
    out, err, status = api.run(["--strict", "--cache-dir", str(ROOT / ".mypy_cache"),
                                "--config-file", str(ROOT / "pyproject.toml"), str(snippet)])
    return out + err, status


def test_ids_passed_in_their_places_are_accepted(tmp_path: Path) -> None:
    said, status = mypy_says(tmp_path, "    state.acting_for(adviser, session)\n"
                                       "    state.sessions_of(definition.voters[0].id)\n"
                                       "    encrypt_ballot(key, election, session, b'')\n"
                                       "    definition.session(session); definition.voter(adviser)\n"
                                       "    definition.voters_at(booth); definition.eligible_count(session)\n"
                                       "    hall.close(session, 'desk')\n"
                                       "    hall.record_out_of_service(session, booth, 'r', 'x')\n"
                                       "    BallotContext(session, booth, 'g', 1, adviser)\n"
                                       "    tally.add(session, {}, 'g', adviser); weights.of_voter(adviser)\n"
                                       "    voter_set_digest(roll, session, booth, [adviser])\n")
    assert status == 0, said


@pytest.mark.parametrize(
    ("mix_up", "wanted"),
    [
        ("    state.acting_for(session, adviser)\n", '"SessionId"; expected "VoterId"'),  # swapped
        ("    state.sessions_of(election)\n", '"ElectionId"; expected "VoterId"'),  # an election for a voter
        ("    state.delegated(ElectionKeyHex('ab' * 32), session)\n", '"ElectionKeyHex"; expected "VoterId"'),
        ("    state.sessions_of(definition.sessions[0].id)\n", '"SessionId"; expected "VoterId"'),
        # a public key where an election id is wanted, and the authority's key for the election's
        ("    encrypt_ballot(key, key, session, b'')\n", '"ElectionKeyHex"; expected "ElectionId"'),
        ("    encrypt_ballot(authority, election, session, b'')\n",
         '"SigningKeyHex"; expected "ElectionKeyHex"'),
        # the definition's look-ups take the id of what they look up, never a bare text or another id
        ("    definition.session(adviser)\n", '"VoterId"; expected "SessionId"'),
        ("    definition.session('budget')\n", '"str"; expected "SessionId"'),
        ("    definition.voter(session)\n", '"SessionId"; expected "VoterId"'),
        ("    definition.voter(definition.voters[0].station)\n", '"StationId"; expected "VoterId"'),
        ("    definition.voters_at(election)\n", '"ElectionId"; expected "StationId"'),
        ("    definition.voters_at(definition.voters[0].id)\n", '"VoterId"; expected "StationId"'),
        ("    definition.eligible_count(booth)\n", '"StationId"; expected "SessionId"'),
        # the hall's record of closed votes: a booth where a vote is wanted, and the other way round
        ("    hall.close(booth, 'desk')\n", '"StationId"; expected "SessionId"'),
        ("    hall.record_out_of_service(booth, session, 'r', 'x')\n", '"StationId"; expected "SessionId"'),
        ("    hall.status(session, definition.voters[0].sessions)\n",
         '"list[SessionId]"; expected "list[StationId]"'),
        # a ballot's context, the count and the weights name a voter by a VoterId: not a bare text
        # (a group's id), a session or a booth
        ("    BallotContext(session, booth, 'g', 1, session)\n", '"SessionId"; expected "VoterId"'),
        ("    BallotContext(session, booth, 'g', 1, 'a001')\n", '"str"; expected "VoterId"'),
        ("    tally.add(session, {}, 'g', booth)\n", '"StationId"; expected "VoterId | None"'),
        ("    tally.add(session, {}, adviser, 'g')\n", '"str"; expected "VoterId | None"'),  # swapped
        ("    tally.add(adviser, {})\n", '"VoterId"; expected "SessionId"'),
        ("    weights.of_voter(definition.voters[0].group or '')\n", '"str"; expected "VoterId"'),
        ("    voter_set_digest(roll, session, booth, definition.voters[0].sessions)\n",
         '"list[SessionId]"; expected "Iterable[VoterId]"'),
    ],
)
def test_mypy_refuses_an_id_of_another_kind(tmp_path: Path, mix_up: str, wanted: str) -> None:
    said, status = mypy_says(tmp_path, mix_up)
    assert status == 1 and "arg-type" in said and wanted in said, said
