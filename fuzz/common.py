"""What the fuzz harnesses share: a small genuine election, seed files, and the atheris run.

Each harness calls one reader of hostile input with the fuzzer's bytes. A reader may refuse with its
own clear error; any other exception is a crash that atheris reports with the input that caused it.
Genuine files are the seeds, so coverage starts from inputs that get past the first checks.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402 (after the path: tests.kit lives beside kiosk, not installed)

from kiosk.ballot.ids import SessionId, StationId, VoterId  # noqa: E402
from kiosk.booth.station import Station  # noqa: E402
from tests.kit import POLL_WORKER, SMALL_ELECTION, ElectionKit, make_election  # noqa: E402

_WORK = Path(tempfile.mkdtemp(prefix="isoloir-fuzz-"))


def small_election() -> ElectionKit:
    return make_election(SMALL_ELECTION, _WORK / "election")


def genuine_sealed_file(kit: ElectionKit) -> bytes:
    station = Station(_WORK / "booth")
    station.set_up(kit.media[StationId("booth-1")], kit.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active(SessionId("budget"), True, POLL_WORKER)
    for voter in (VoterId("v01"), VoterId("v02")):
        station.cast(voter, SessionId("budget"), {"q1": ("yes",)})
    station.close_polls(POLL_WORKER)
    _, data = station.sealed_bytes()
    station.close()
    return data


def run(target: Callable[[bytes], None], seeds: list[bytes]) -> None:
    """Fuzzes target, starting from the seeds (written to a corpus folder atheris reads)."""
    corpus = _WORK / "corpus"
    corpus.mkdir(exist_ok=True)
    for number, seed in enumerate(seeds):
        (corpus / f"seed-{number}").write_bytes(seed)
    atheris.instrument_all()  # coverage of every loaded function: what guides the fuzzer
    atheris.Setup([*sys.argv, str(corpus)], target)
    atheris.Fuzz()
