"""Peer: the same maritime ballot (24 questions) encrypted by Isoloir (HPKE to the election key)
and by Microsoft's ElectionGuard 1.4.0 from PyPI (exponential ElGamal per option, with the
zero-knowledge proofs that make its ballots verifiable), both timed in one process, and the ratio.

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
from pathlib import Path

from support.election import ROOT, SESSION, make_bench_election, report

from kiosk.ballot.selections import encode_ballot
from kiosk.simulate import random_selections

PEER_PYTHON = ROOT / ".venv-peers" / "bin" / "python"
PEER_SIDE = Path(__file__).with_name("peer") / "electionguard_side.py"
OURS_ROUNDS = 2000
THEIRS_ROUNDS = 5  # a few seconds each: enough for a stable median


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
    if not PEER_PYTHON.exists():
        print(f"no peer venv at {PEER_PYTHON}: `make bench-peers` makes it, with Python 3.10 (ElectionGuard"
              " 1.4.0 pins pydantic 1.9.0 and its dataclasses do not import on Python 3.11)")
        report({"bench": "peers", "peer": "electionguard 1.4.0", "available": False,
                "reason": "no .venv-peers: it needs python3.10 on the PATH"})
        return
    ballot = job()
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
        "ours_p50_ms": round(ours, 3),
        "electionguard_p50_ms": round(theirs, 1),
        "ratio": round(theirs / ours),
    })


if __name__ == "__main__":
    main()
