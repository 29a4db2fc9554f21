"""`kiosk simulate` at an end-to-end booth: verifiable ballots, a checked one among them, and a
version-2 sealed file whose every ballot verifies and whose checked slips open to their codes."""

from __future__ import annotations

import io
from pathlib import Path

from kiosk.ballot.e2e_ballot import verify_ballot
from kiosk.ballot.e2e_receipt import parse_checked
from kiosk.ballot.e2e_slip_check import SlipVerdict, check_slip
from kiosk.ballot.sealed_e2e import read_sealed_e2e
from kiosk.simulate import CHECKED_SLIPS, simulate
from tests.kit import ElectionKit


def test_a_simulated_day_casts_verifiable_ballots_and_checks_one(
    e2e_election: ElectionKit, tmp_path: Path
) -> None:
    result = simulate(e2e_election.media["booth-1"], tmp_path / "booth", 6, 3, tmp_path / "OUT",
                      e2e_election.cards["pw-1"], progress=io.StringIO())  # fmt: skip
    package, election = e2e_election.folder.package(), e2e_election.folder.package().election_key
    assert election is not None
    sealed = read_sealed_e2e(result.sealed_file, package, election)
    for session in result.counts["sessions"]:
        ballots = sealed.ballots.get(session["id"], ())
        assert len(ballots) == session["ballots"]
        definition = e2e_election.definition.session(session["id"])
        assert all(verify_ballot(election, definition, b) is None for b in ballots)
    assert result.checked and sum(len(c) for c in sealed.checked.values()) == len(result.checked)
    lines = (tmp_path / "OUT" / CHECKED_SLIPS).read_text(encoding="utf-8").splitlines()
    assert lines == result.checked
    for qr in lines:
        assert check_slip(election, e2e_election.definition, parse_checked(qr)).verdict is SlipVerdict.MATCH
