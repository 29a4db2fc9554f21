"""After a close, nothing on the booth's disk links a voter to a ballot (issue 12, finding 6).

Threat: someone who copies the booth's data folder after polls close (a technician collecting the
machine, a thief, a curious official) and later learns the trustees' decryption of single ballots or
reads a voter's receipt, diffing the SQLite WAL's frames commit by commit to pair each new ballot
with the voter mark committed beside it.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.booth.station import Station
from tests.booth.wal_forensics import linked_ballots
from tests.kit import POLL_WORKER, ElectionKit


def _cast_everyone(booth: Station, election: ElectionKit, session: str = "budget") -> dict[str, str]:
    """tracking code -> voter, the truth the attacker tries to recover."""
    truth = {}
    codes = election.codes()
    for voter in election.definition.voters_at(booth.station_id):
        booth.authenticate_code(codes[voter.id])
        truth[booth.cast(voter.id, session, {"q1": ("yes",)}).tracking_code] = voter.id
    return truth


def test_the_wal_diffing_attack_links_voters_while_polls_are_open_as_the_readme_warns(
    booth: Station, small_election: ElectionKit
) -> None:
    # The attack's own check: on a running booth it works (the residual risk the README names).
    truth = _cast_everyone(booth, small_election)
    links = linked_ballots(booth.data_dir)
    assert len(links) >= len(truth) - 1 and all(truth[code] == voter for code, voter in links.items())


def test_the_wal_diffing_attack_finds_no_link_after_polls_close(
    booth: Station, small_election: ElectionKit, tmp_path: Path
) -> None:
    truth = _cast_everyone(booth, small_election)
    booth.close_polls(POLL_WORKER)
    booth.export(tmp_path)  # the booth goes on running after the close: its files stay clean
    assert linked_ballots(booth.data_dir) == {}
    wal = booth.data_dir / "ballot-box.sqlite-wal"
    assert not wal.exists() or all(code.encode() not in wal.read_bytes() for code in truth)
    assert booth.counts()["budget"] == (len(truth), len(truth))  # and nothing was lost


def test_the_wal_diffing_attack_finds_no_link_once_a_session_closes_while_polls_stay_open(
    booth: Station, small_election: ElectionKit
) -> None:
    truth = _cast_everyone(booth, small_election, "budget")
    booth.set_session_active("budget", False, POLL_WORKER)  # the chair closes this vote
    assert not set(linked_ballots(booth.data_dir)) & set(truth)
    assert booth.counts()["budget"] == (len(truth), len(truth))
