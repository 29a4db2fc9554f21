"""The voter's walk at an end-to-end booth: Seal prints the code first, then Cast or Check; a printer
fault or a power cut between Seal and Cast never loses an accepted ballot nor counts an unconfirmed one."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ballot.audit import verify_chain
from kiosk.booth.cast import CastReceipt
from kiosk.booth.e2e_cast import CheckReceipt, SealedCode
from kiosk.booth.station import Station
from kiosk.booth.walk import Printout, PrintOutcome, Screen, Walk, WalkError
from tests.kit import POLL_WORKER, ElectionKit


class Paper:
    """A printer that keeps what it printed, and can run out of paper."""

    def __init__(self) -> None:
        self.printed: list[Printout] = []
        self.out = False

    def __call__(self, printout: Printout) -> PrintOutcome:
        if self.out:
            return PrintOutcome.PAPER_OUT
        self.printed.append(printout)
        return PrintOutcome.PRINTED


def _walk_to_review(station: Station, kit: ElectionKit, paper: Paper, index: int = 0) -> Walk:
    walk = Walk(station, paper)
    voter = [v for v in kit.definition.voters if v.station == "booth-1"][index]
    walk.start_code_entry()
    walk.enter_code(kit.codes()[voter.id])
    walk.open_session("budget")
    walk.choose("yes")
    walk.continue_()
    assert walk.screen is Screen.REVIEW
    return walk


def _events(station: Station) -> list[str]:
    return [e.event for e in station.box.audit_entries()]


def test_seal_prints_the_code_before_asking_then_cast_prints_the_signed_receipt(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    paper = Paper()
    walk = _walk_to_review(e2e_booth, e2e_election, paper)
    with pytest.raises(WalkError):
        walk.submit()  # an end-to-end booth has no unsealed submit
    walk.seal()
    assert walk.screen is Screen.CAST_OR_CHECK
    assert paper.printed == [SealedCode("budget", walk.sealed_code)]  # on paper before the question
    assert e2e_booth.counts()["budget"] == (0, 0)
    walk.cast_sealed()
    assert walk.screen is Screen.CAST_DONE and walk.print_status is PrintOutcome.PRINTED
    receipt = paper.printed[-1]
    assert isinstance(receipt, CastReceipt) and receipt.tracking_code == paper.printed[0].tracking_code
    assert "&sig=" in receipt.qr
    assert e2e_booth.counts()["budget"] == (1, 1)


def test_a_check_is_never_counted_and_she_votes_again_with_a_new_ballot(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    paper = Paper()
    walk = _walk_to_review(e2e_booth, e2e_election, paper)
    walk.seal()
    first = walk.sealed_code
    walk.check_sealed()
    assert walk.screen is Screen.CHECK_DONE and walk.checks_left == 2
    slip = paper.printed[-1]
    assert isinstance(slip, CheckReceipt) and slip.selections == {"q1": ("yes",)}
    assert e2e_booth.counts()["budget"] == (0, 0) and len(e2e_booth.box.all_checked()) == 1
    walk.continue_()
    assert walk.screen is Screen.REVIEW and walk.selections == {"q1": ("yes",)}
    walk.seal()
    assert walk.sealed_code != first
    walk.cast_sealed()
    assert e2e_booth.counts()["budget"] == (1, 1)
    assert [c for c, _, _ in e2e_booth.box.all_ballots()] != [c for c, _, _ in e2e_booth.box.all_checked()]


def test_no_paper_at_seal_means_no_ballot_and_she_seals_again_once_it_is_fixed(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    paper = Paper()
    walk = _walk_to_review(e2e_booth, e2e_election, paper)
    paper.out = True
    walk.seal()
    assert walk.screen is Screen.SEAL_FAILED and walk.print_status is PrintOutcome.PAPER_OUT
    with pytest.raises(WalkError):
        walk.cast_sealed()  # nothing sealed, nothing to cast
    assert e2e_booth.counts()["budget"] == (0, 0) and _events(e2e_booth)[-1] == "ballot_abandoned"
    paper.out = False
    walk.back()
    walk.seal()
    walk.cast_sealed()
    assert e2e_booth.counts()["budget"] == (1, 1)


def test_no_paper_after_cast_keeps_the_ballot_and_says_so(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    paper = Paper()
    walk = _walk_to_review(e2e_booth, e2e_election, paper)
    walk.seal()
    paper.out = True
    walk.cast_sealed()
    assert walk.screen is Screen.CAST_DONE and walk.print_status is PrintOutcome.PAPER_OUT
    assert e2e_booth.counts()["budget"] == (1, 1)  # accepted: the reprint is the poll worker's
    assert walk.last_receipt is not None and walk.last_receipt.qr


def test_no_paper_for_the_check_slip_still_never_counts_it(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    paper = Paper()
    walk = _walk_to_review(e2e_booth, e2e_election, paper)
    walk.seal()
    paper.out = True
    walk.check_sealed()
    assert walk.screen is Screen.CHECK_DONE and walk.print_status is PrintOutcome.PAPER_OUT
    assert e2e_booth.counts()["budget"] == (0, 0)


def test_walking_away_from_a_sealed_ballot_abandons_it(e2e_booth: Station, e2e_election: ElectionKit) -> None:
    paper = Paper()
    walk = _walk_to_review(e2e_booth, e2e_election, paper)
    walk.seal()
    walk.log_out()
    assert e2e_booth.counts()["budget"] == (0, 0) and _events(e2e_booth)[-1] == "ballot_abandoned"
    walk = _walk_to_review(e2e_booth, e2e_election, paper)  # she comes back and votes
    walk.seal()
    walk.cast_sealed()
    assert e2e_booth.counts()["budget"] == (1, 1)


BOOTH = r"""
import csv, sys
from pathlib import Path
from kiosk.booth.station import Station
data, codes_file, index = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
with codes_file.open() as handle:
    row = [r for r in csv.DictReader(handle) if r["station"] == "booth-1"][index]
station = Station(data)
station.authenticate_code(row["code"])
sealed = station.seal(station.prepare_ballot(row["voter_id"], "budget"), row["voter_id"], {"q1": ("no",)})
print("SEALED", sealed.ballot.code.hex(), flush=True)
if sys.stdin.readline().strip() == "cast":
    station.cast_sealed(sealed)
    print("ACK", flush=True)
sys.stdin.readline()  # the power cut comes while it waits
"""


def _booth_until_cut(data: Path, kit: ElectionKit, index: int, voter_taps: str | None) -> tuple[str, bool]:
    """A booth process that seals a ballot; the voter taps Cast (or not); the power is cut (SIGKILL)
    after the sealed code is printed or after the cast was confirmed. Returns (code, confirmed)."""
    child = subprocess.Popen(
        [sys.executable, "-c", BOOTH, str(data), str(kit.folder.codes_path), str(index)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    kind, code = child.stdout.readline().split()
    assert kind == "SEALED"
    confirmed = False
    if voter_taps is not None:
        child.stdin.write(voter_taps + "\n")
        child.stdin.flush()
        confirmed = child.stdout.readline().strip() == "ACK"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    return code, confirmed


def test_a_power_cut_between_seal_and_cast_neither_loses_nor_counts_a_ballot(
    e2e_election: ElectionKit, tmp_path: Path
) -> None:
    """Threat: the booth loses power (or crashes) after printing a ballot's code. A ballot she never
    confirmed must not count; one she saw confirmed must survive; the voter may vote again if it
    did not."""
    data = tmp_path / "booth"
    station = Station(data)
    station.set_up(e2e_election.media["booth-1"], e2e_election.signer("booth-1"))
    station.open_polls(POLL_WORKER)
    station.set_session_active("budget", True, POLL_WORKER)
    station.close()
    unconfirmed, _ = _booth_until_cut(data, e2e_election, 0, None)  # cut while she reads Cast/Check
    confirmed_code, confirmed = _booth_until_cut(data, e2e_election, 1, "cast")  # cut after "cast"
    assert confirmed
    station = Station(data)
    try:
        codes = [c for c, _, _ in station.box.all_ballots()]
        assert codes == [confirmed_code] and unconfirmed not in codes
        assert station.counts()["budget"] == (1, 1)
        verify_chain(station.box.audit_entries())
        voter = next(v for v in e2e_election.definition.voters if v.station == "booth-1").id
        station.authenticate_code(e2e_election.codes()[voter])
        station.cast(voter, "budget", {"q1": ("yes",)})  # her ballot was never accepted: she votes
        assert station.counts()["budget"] == (2, 2)
    finally:
        station.close()
