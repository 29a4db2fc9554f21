"""Both encryptions of one maritime ballot, timed in this one process: Isoloir's HPKE and
Microsoft's ElectionGuard 1.4.0 (exponential ElGamal per option with zero-knowledge proofs).

Runs in the separate peer venv (.venv-peers, Python 3.10): ElectionGuard 1.4.0 pins pydantic 1.9.0,
and Python 3.11's dataclasses refuse its mutable defaults. Reads the ballot from standard input as
JSON (written by bench/peers.py), prints the figures as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # our core, for its HPKE encryption

from electionguard.ballot import PlaintextBallot, PlaintextBallotContest, PlaintextBallotSelection
from electionguard.election import make_ciphertext_election_context
from electionguard.elgamal import elgamal_keypair_random
from electionguard.encrypt import EncryptionDevice
from electionguard.encrypt import encrypt_ballot as eg_encrypt
from electionguard.group import rand_q
from electionguard.manifest import (
    BallotStyle,
    Candidate,
    ElectionType,
    GeopoliticalUnit,
    InternalManifest,
    Manifest,
    ReferendumContestDescription,
    ReportingUnitType,
    SelectionDescription,
    SpecVersion,
    VoteVariationType,
)

from kiosk.ballot.encryption import encrypt_ballot as our_encrypt


def manifest_for(questions: list[dict[str, Any]]) -> Manifest:
    """One referendum contest per question, one selection per option: the same ballot's shape."""
    options = sorted({o for q in questions for o in q["options"]})
    contests = [
        ReferendumContestDescription(
            object_id=q["id"], sequence_order=n, electoral_district_id="conference",
            vote_variation=VoteVariationType.one_of_m, number_elected=1, votes_allowed=1, name=q["id"],
            ballot_selections=[
                SelectionDescription(object_id=f"{q['id']}-{o}", sequence_order=k, candidate_id=o)
                for k, o in enumerate(q["options"])
            ],
        )
        for n, q in enumerate(questions)
    ]
    return Manifest(
        election_scope_id="ilc-2023-maritime", spec_version=SpecVersion.EG0_95, type=ElectionType.special,
        start_date=datetime(2023, 6, 5), end_date=datetime(2023, 6, 16),
        geopolitical_units=[GeopoliticalUnit("conference", "ILC", ReportingUnitType.unknown)],
        parties=[], candidates=[Candidate(o) for o in options], contests=contests,
        ballot_styles=[BallotStyle("maritime", ["conference"])],
    )


def ballot_for(questions: list[dict[str, Any]], answers: dict[str, list[str]]) -> PlaintextBallot:
    contests = [
        PlaintextBallotContest(q["id"], [PlaintextBallotSelection(f"{q['id']}-{o}", 1) for o in chosen])
        for q in questions
        for chosen in [answers[q["id"]]]
    ]
    return PlaintextBallot("ballot-1", "maritime", contests)


def timed(action: Callable[[], object], rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        result = action()
        timings.append((time.perf_counter() - started) * 1000)
        assert result is not None
    return timings


def main() -> None:
    job = json.load(sys.stdin)
    questions, answers = job["questions"], job["answers"]
    plaintext = bytes.fromhex(job["plaintext"])
    key, election, session = job["public_key"], job["election"], job["session"]
    ours = timed(lambda: our_encrypt(key, election, session, plaintext), job["ours"])
    keys = elgamal_keypair_random()
    manifest = manifest_for(questions)
    internal = InternalManifest(manifest)
    context = make_ciphertext_election_context(1, 1, keys.public_key, rand_q(), manifest.crypto_hash())
    seed = EncryptionDevice(1, 1, 1, "booth-1").get_hash()
    ballot = ballot_for(questions, answers)
    theirs = timed(lambda: eg_encrypt(ballot, internal, context, seed), job["theirs"])
    print(json.dumps({"ours_ms": ours, "electionguard_ms": theirs}))


if __name__ == "__main__":
    main()
