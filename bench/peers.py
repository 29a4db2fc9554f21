"""Peer: the same maritime ballot (24 questions) encrypted by Isoloir and by Microsoft's
ElectionGuard 1.4.0 from PyPI (exponential ElGamal per option, with the zero-knowledge proofs that
make its ballots verifiable), in one run, and the ratios. Isoloir's side twice: its end-to-end
ballot (ristretto255, one ciphertext and 0-or-1 proof per option, one proof per question: the like
of ElectionGuard's, timed in this process) and the HPKE ballot of elections without trustees' key
ceremony (timed in the peer's process beside ElectionGuard).

ElectionGuard lives in its own venv (.venv-peers, made by `make bench-peers`), because it pins
pydantic 1.9.0 (we use 2.x) and does not import on Python 3.11 (its dataclasses have mutable
defaults, which 3.11 refuses), so it runs on Python 3.10.

Run alone: .venv/bin/python bench/peers.py   (the figures are the JSON object on the last line)
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from support.election import ROOT, SESSION, make_bench_election, report

from kiosk.ballot.selections import encode_ballot
from kiosk.simulate import random_selections

PEER_PYTHON = ROOT / ".venv-peers" / "bin" / "python"
PEER_SIDE = Path(__file__).with_name("peer") / "electionguard_side.py"
OURS_ROUNDS = 2000
OURS_E2E_ROUNDS = 50  # ~40 ms each on a quiet machine
THEIRS_ROUNDS = 5  # a few seconds each: enough for a stable median


def ours_e2e_ms(answers: dict[str, tuple[str, ...]]) -> list[float]:
    """Encrypt and prove the maritime ballot end to end (prepare + seal), wall time, in milliseconds."""
    from e2e import CONTEXT, DEFINITION, ELECTION  # bench/e2e.py's election: the sample, 3 trustees

    from kiosk.ballot.e2e_ballot import new_ballot_nonce
    from kiosk.ballot.e2e_seal import encrypt_ballot

    session = DEFINITION.session(SESSION)
    timings = []
    for _ in range(OURS_E2E_ROUNDS):
        started = time.perf_counter()
        encrypt_ballot(ELECTION, session, CONTEXT, answers, new_ballot_nonce())
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def job() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-peers-") as tmp:
        election = make_bench_election(Path(tmp), booths=1, voters_per_booth=1, provision=False)
    definition = election.package.definition
    session = definition.session(SESSION)
    answers = random_selections(session, random.Random(3))
    voter = definition.voters[0].id
    return {
        "election": definition.id,
        "session": SESSION,
        "public_key": election.package.body.election_public_key,
        "plaintext": encode_ballot(definition, session, answers, voter).hex(),
        "questions": [{"id": q.id, "options": q.choices} for q in session.questions],
        "answers": {q: list(a) for q, a in answers.items()},
        "ours": OURS_ROUNDS,
        "theirs": THEIRS_ROUNDS,
    }


def main() -> None:
    ballot = job()
    answers = {q: tuple(a) for q, a in ballot["answers"].items()}  # type: ignore[attr-defined]
    ours_e2e = statistics.median(ours_e2e_ms(answers))
    if not PEER_PYTHON.exists():
        print(f"no peer venv at {PEER_PYTHON}: `make bench-peers` makes it, with Python 3.10 (ElectionGuard"
              " 1.4.0 pins pydantic 1.9.0 and its dataclasses do not import on Python 3.11)")
        report({"bench": "peers", "peer": "electionguard 1.4.0", "available": False,
                "ours_e2e_p50_ms": round(ours_e2e, 1),
                "reason": "no .venv-peers: it needs python3.10 on the PATH"})
        return
    done = subprocess.run(
        [str(PEER_PYTHON), str(PEER_SIDE)], input=json.dumps(ballot), capture_output=True, text=True
    )
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        sys.exit(done.returncode)
    timings = json.loads(done.stdout.splitlines()[-1])
    ours = statistics.median(timings["ours_ms"])
    theirs = statistics.median(timings["electionguard_ms"])
    report({
        "bench": "peers",
        "peer": "electionguard 1.4.0",
        "questions": len(ballot["questions"]),  # type: ignore[arg-type]
        "ours_e2e_p50_ms": round(ours_e2e, 1),  # encrypt and prove, end to end: the like of theirs
        "electionguard_p50_ms": round(theirs, 1),
        "ratio_e2e": round(theirs / ours_e2e, 1),  # how many times slower ElectionGuard's is
        "ours_hpke_p50_ms": round(ours, 3),  # no proofs: not comparable, shown for the record
        "ratio_hpke": round(theirs / ours),
    })


if __name__ == "__main__":
    main()
