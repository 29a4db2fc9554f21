"""A vote of end-to-end ballots counted at the hall (issue 15): `hall aggregate` gives the trustees the
closed vote's sums from the files the hall holds, each present trustee answers with the existing
`trustee decrypt --ballots` (recomputing the sums first), and `hall tally` checks every answer's
proof, combines k of n, counts, decides and puts the count on the projector page: the same count as
the off-hall tally of the same booths' sticks. Real booths, the real hall, real trustees' keys."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.crypto.decryption_messages import PartialFile, _signed_bytes
from kiosk.ballot.crypto.group import GENERATOR, Point
from kiosk.ballot.crypto.trustee_vault import ShareFile, open_share
from kiosk.ballot.crypto.wire import b64decode
from kiosk.booth.station import Station
from station_admin.cli import main as admin
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.serve import serving
from station_admin.trustee_files import key_file
from tests.conference.test_weighted_votes import committee_definition
from tests.hall.conftest import hall_station, unlocked
from tests.kit import POLL_WORKER, SMALL_ELECTION, authority_args
from tests.station_admin.e2e_kit import TRUSTEE_PASSPHRASE, E2EKit
from tests.station_admin.weighted_e2e_kit import make_e2e_booth_election

VERIFY = str(Path(sys.executable).parent / "isoloir-verify")
YES, NO, ABSTAIN = {"q1": ("yes",)}, {"q1": ("no",)}, {"q1": ("abstain",)}
# Delegates of either booth's roll at either booth (booth-1's roll is v01–v20, booth-2's v21–v40).
AT_BOOTH = {"booth-1": [("v01", YES), ("v02", YES), ("v25", NO)],
            "booth-2": [("v26", YES), ("v03", ABSTAIN), ("v04", NO), ("v27", YES)]}  # fmt: skip


@pytest.fixture(scope="module")
def trustees(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    """The small election, three trustees (k = 2) who ran the real ceremony, its key in the package."""
    return make_e2e_booth_election(SMALL_ELECTION, tmp_path_factory.mktemp("hall-e2e-count"))


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    """A committee vote weighted by group (equality of strength), its trustees, its key in the package."""
    root = tmp_path_factory.mktemp("hall-e2e-committee")
    path = root / "committee.json"
    path.write_text(json.dumps(committee_definition()), encoding="utf-8")
    return make_e2e_booth_election(path, root)


@dataclass
class Day:
    kit: E2EKit
    hall: HallHttpServer
    db: str
    booths: dict[str, Station]
    root: Path

    def desk(self, *args: str | Path) -> Result:
        election = ["--election", str(self.kit.kit.folder.root), "--db", self.db]
        return CliRunner().invoke(admin, ["hall", args[0], *election, *map(str, args[1:])])

    def aggregate(self, vote: str = "budget", out: str = "STICK") -> Path:
        done = self.desk("aggregate", vote, "--out", self.root / out)
        assert done.exit_code == 0, done.output
        return self.root / out

    def decrypt(self, trustee: int, stick: Path) -> Path:
        """Trustee ℓ on their own laptop: the sums recomputed from the stick's ballots, then answered."""
        laptop = self.root / f"laptop-{trustee}"
        done = CliRunner().invoke(admin, [
            "trustee", "decrypt", "--key", str(self.kit.key(trustee)), "--ceremony", str(self.kit.ceremony),
            "--request", str(stick / "request.json"), "--ballots", str(stick), "--out", str(laptop),
            "--passphrase-file", str(self.kit.passphrase_file)])  # fmt: skip
        assert done.exit_code == 0, done.output
        return self.root / f"laptop-{trustee}" / f"partial-{trustee}.json"

    def tally(self, stick: Path, *partials: Path, vote: str = "budget", out: str = "HALL") -> Result:
        given = [a for p in partials for a in ("--partial", p)]
        return self.desk("tally", vote, "--request", stick / "request.json", *given,
                         "--out", self.root / out)  # fmt: skip

    def projector(self) -> dict[str, Any]:
        assert self.hall.projector is not None
        with urllib.request.urlopen(f"{self.hall.projector.url}/projector/results.json", timeout=10) as r:
            state: dict[str, Any] = json.load(r)
        return state


@pytest.fixture
def day(trustees: E2EKit, hall_db: str, tmp_path: Path) -> Iterator[Day]:
    """Both booths of the hall took their delegates' ballots for `budget`; the vote is still open."""
    with serving(unlocked(trustees.kit), hall_db, "127.0.0.1", 0) as hall:
        booths = {s: hall_station(trustees.kit, tmp_path / s, s, hall.url) for s in AT_BOOTH}
        try:
            for station, cast in AT_BOOTH.items():
                for voter, answers in cast:
                    booths[station].cast(voter, "budget", answers)
            yield Day(trustees, hall, hall_db, booths, tmp_path)
        finally:
            for booth in booths.values():
                booth.close()


def _closed(day: Day, *reporting: str, vote: str = "budget") -> None:
    """The desk closes the vote; the named booths hear of it, seal their file and send it."""
    assert day.desk("close", vote).exit_code == 0
    for station in reporting:
        assert day.booths[station].hall_connected()
    reported = {f.station for f in day.hall.service.sessions.files(vote)}
    assert reported == set(reporting)


def _votes(entry: dict[str, Any]) -> dict[str, int]:
    return {o["id"]: o["votes"] for o in entry["questions"][0]["options"]}


def _imported_sticks(day: Day) -> list[str]:
    """The booths' day sticks imported at a desk of their own, as after a polling day: its options."""
    sticks = []
    for station, booth in day.booths.items():
        booth.close_polls(POLL_WORKER)
        (day.root / f"STICK-{station}").mkdir()
        sticks.append(str(booth.export(day.root / f"STICK-{station}")))
    election = ["--election", str(day.kit.kit.folder.root), "--db", f"sqlite:///{day.root / 'desk.sqlite'}"]
    done = CliRunner().invoke(admin, ["import", *election, *sticks])
    assert done.exit_code == 0, done.output
    return election


def _tallied_off_hall(day: Day) -> dict[str, Any]:
    """The booths' day sticks imported and tallied at a desk of their own, as after a polling day."""
    election = _imported_sticks(day)
    stick = day.root / "DESK-STICK"
    done = CliRunner().invoke(admin, ["aggregate", *election, "--out", str(stick)])
    assert done.exit_code == 0, done.output
    partials = [day.decrypt(t, stick) for t in (2, 3)]  # any k of the n: other trustees than the hall's
    given = [a for p in partials for a in ("--partial", str(p))]
    done = CliRunner().invoke(admin, ["tally", *election, "--request", str(stick / "request.json"), *given,
                                      "--out", str(day.root / "DESK")])  # fmt: skip
    assert done.exit_code == 0, done.output
    results = json.loads((day.root / "DESK" / "results.json").read_text())
    return next(s for s in results["sessions"] if s["id"] == "budget")


def test_the_hall_counts_an_e2e_vote_as_the_off_hall_tally_counts_the_same_sticks(day: Day) -> None:
    _closed(day, "booth-1", "booth-2")
    stick = day.aggregate()
    counted = day.tally(stick, day.decrypt(1, stick), day.decrypt(3, stick))
    assert counted.exit_code == 0, counted.output
    assert "7 ballots counted from 2 booth(s)" in counted.output
    (at_hall,) = json.loads((day.root / "HALL" / "results.json").read_text())["sessions"]
    assert _votes(at_hall) == {"yes": 4, "no": 2, "abstain": 1}
    assert (day.root / "HALL" / "e2e" / "tally" / "budget.json").exists()  # what the record publishes
    (shown,) = day.projector()["votes"]
    assert shown["state"] == "counted" and shown["ballots"] == 7  # final, never "provisional"
    assert {o["id"]: o["votes"] for o in shown["questions"][0]["options"]} == _votes(at_hall)
    assert at_hall == _tallied_off_hall(day)


def test_one_trustee_alone_cannot_count_the_vote_and_nothing_is_written(day: Day) -> None:
    # Threat: one trustee (or whoever holds one trustee's laptop) tries to have the vote counted, or
    # learn any sum, without a second trustee: k − 1 answers are refused before anything is decrypted.
    _closed(day, "booth-1", "booth-2")
    stick = day.aggregate()
    alone = day.tally(stick, day.decrypt(1, stick))
    assert alone.exit_code == 1 and "1 trustee(s) cannot decrypt: the threshold is 2" in alone.output
    assert not (day.root / "HALL").exists()
    assert day.hall.service.sessions.results() == []
    assert day.projector()["votes"][0]["state"] == "collecting"


def test_a_partial_decryption_with_a_wrong_proof_is_refused_naming_its_trustee(day: Day) -> None:
    # Threat: trustee 3's laptop runs altered software that shifts one sum (M·G: one more vote for
    # "yes"), signed with trustee 3's own identity key so the signature holds: only the proof shows
    # it. The count is refused, trustee 3 named, and nothing reaches the projector or results.json.
    _closed(day, "booth-1", "booth-2")
    stick = day.aggregate()
    honest = day.decrypt(3, stick)
    forged = _shifted(honest, day.kit.key(3))
    refused = day.tally(stick, day.decrypt(1, stick), forged)
    assert refused.exit_code == 1
    assert "trustee 3's partial decryption of budget/0/0/" in refused.output, refused.output
    assert "fails its proof" in refused.output
    assert not (day.root / "HALL").exists() and day.hall.service.sessions.results() == []


def _shifted(partial: Path, key: Path) -> Path:
    """The trustee's answer with its first share M changed to M·G, signed again with its own key."""
    share = key_file(key)
    assert isinstance(share, ShareFile)
    identity = Ed25519PrivateKey.from_private_bytes(open_share(share, TRUSTEE_PASSPHRASE)[32:])
    answer = PartialFile.model_validate(json.loads(partial.read_text()))
    first = answer.partials[0]
    moved = (Point.decode(first.M) * GENERATOR).encode()
    entries = [first.model_copy(update={"M": moved}), *answer.partials[1:]]
    answer = answer.model_copy(update={"partials": entries})
    answer = answer.model_copy(update={"signature": identity.sign(_signed_bytes(answer))})
    out = partial.with_name("partial-3-forged.json")
    out.write_text(json.dumps(answer.model_dump(mode="json"), indent=1) + "\n")
    assert b64decode(json.loads(out.read_text())["partials"][0]["M"]) == moved
    return out


def test_a_vote_a_booth_has_not_reported_is_neither_aggregated_nor_counted_naming_the_booth(
    day: Day,
) -> None:
    # Threat (or mishap): the desk counts before booth-2's file reached the hall, and the result
    # read out would leave out its delegates' votes: refused, naming the booth and what to do.
    _closed(day, "booth-1")
    early = day.desk("aggregate", "budget", "--out", day.root / "STICK")
    assert early.exit_code == 1 and "booth(s) booth-2 have not sent their session file" in early.output
    assert "hall out-of-service" in early.output and not (day.root / "STICK").exists()
    assert day.booths["booth-2"].hall_connected()  # it sends; then the count goes ahead
    stick = day.aggregate()
    assert day.tally(stick, day.decrypt(1, stick), day.decrypt(2, stick)).exit_code == 0


def test_a_file_that_reached_the_hall_after_the_aggregate_stops_the_count_until_aggregated_again(
    day: Day,
) -> None:
    # Mishap: booth-2 was recorded out of service, the sums went to the trustees, then booth-2 came
    # back and sent its file. `hall tally` counts from the sums `hall aggregate` kept at the hall: it
    # must not read out a result that leaves booth-2's delegates out, nor one of other sums than the
    # trustees decrypted.
    _closed(day, "booth-1")
    out = day.desk("out-of-service", "booth-2", "--session", "budget", "--reason", "frozen", "--by", "A. Li")
    assert out.exit_code == 0, out.output
    status = day.desk("status", "budget")
    assert "ready to count (station-admin hall aggregate budget --out DIR" in status.output, status.output
    stick = day.aggregate()
    early = [day.decrypt(1, stick), day.decrypt(3, stick)]
    assert day.booths["booth-2"].hall_connected()  # back: its file reaches the hall after the aggregate
    refused = day.tally(stick, *early)
    assert refused.exit_code == 1
    assert "booth booth-2's session file of 'budget' reached the hall after" in refused.output, refused.output
    assert "Run `station-admin hall aggregate budget --out DIR` again" in refused.output
    assert not (day.root / "HALL").exists() and day.hall.service.sessions.results() == []
    old = stick / "request.json"
    (day.root / "old-request.json").write_bytes(old.read_bytes())
    stick = day.aggregate()  # the sums again, booth-2's ballots in them
    stale = day.desk("tally", "budget", "--request", day.root / "old-request.json",
                     *[a for p in early for a in ("--partial", p)], "--out", day.root / "HALL")  # fmt: skip
    assert stale.exit_code == 1 and "this request is not the sums of the ballots counted" in stale.output
    assert "run `station-admin hall aggregate budget --out DIR` again" in stale.output, stale.output
    other = day.tally(stick, *early)  # answers made for the first sums, given with the new request
    assert other.exit_code == 1 and "trustee 1 answered another request" in other.output, other.output
    assert day.hall.service.sessions.results() == []
    counted = day.tally(stick, day.decrypt(1, stick), day.decrypt(3, stick))
    assert counted.exit_code == 0, counted.output
    (at_hall,) = json.loads((day.root / "HALL" / "results.json").read_text())["sessions"]
    assert _votes(at_hall) == {"yes": 4, "no": 2, "abstain": 1}


def test_a_count_before_any_aggregate_names_the_command_to_type(day: Day) -> None:
    _closed(day, "booth-1", "booth-2")
    (day.root / "request.json").write_text("{}")
    given = ["--request", day.root / "request.json", "--partial", day.root / "request.json"]
    refused = day.desk("tally", "budget", *given, "--out", day.root / "HALL")
    assert refused.exit_code == 1
    assert ("no `station-admin hall aggregate` of 'budget' was made at this hall: run "
            "`station-admin hall aggregate budget --out DIR`") in refused.output, refused.output  # fmt: skip


def test_the_hall_weighs_an_e2e_vote_weighted_by_group_as_the_off_hall_tally_does(
    committee: E2EKit, hall_db: str, tmp_path: Path
) -> None:
    with serving(unlocked(committee.kit), hall_db, "127.0.0.1", 0) as hall:
        booth = hall_station(committee.kit, tmp_path / "booth-1", "booth-1", hall.url)
        try:
            for n in range(1, 5):  # 4 Government members for: 4 x 17,020 votes
                booth.cast(f"g{n:03d}", "budget", YES)
            for n in range(1, 6):  # 5 Employer members against: 5 x 13,432 votes
                booth.cast(f"e{n:03d}", "budget", NO)
            day = Day(committee, hall, hall_db, {"booth-1": booth}, tmp_path)
            _closed(day, "booth-1")
            stick = day.aggregate()
            counted = day.tally(stick, day.decrypt(1, stick), day.decrypt(3, stick))
            assert counted.exit_code == 0, counted.output
            (at_hall,) = json.loads((tmp_path / "HALL" / "results.json").read_text())["sessions"]
            assert _votes(at_hall)["yes"] == 4 * 17_020 and _votes(at_hall)["no"] == 5 * 13_432
            assert at_hall["weights"]["weighting"] == "by-group" and at_hall["ballots"] == 9
            assert at_hall == _tallied_off_hall(day)
        finally:
            booth.close()


def test_a_hall_days_record_made_from_the_halls_count_passes_isoloir_verify(day: Day) -> None:
    # After the day: the booths' sticks imported at the desk (the ballots the record publishes) and
    # the hall's own count of the vote (its e2e/ folder: the sums and every trustee's proof).
    _closed(day, "booth-1", "booth-2")
    stick = day.aggregate()
    assert day.tally(stick, day.decrypt(1, stick), day.decrypt(3, stick)).exit_code == 0
    election = _imported_sticks(day)
    record = day.root / "RECORD"
    done = CliRunner().invoke(admin, ["record", *election, "--results", str(day.root / "HALL"),
                                      "--out", str(record), *authority_args(day.root)])  # fmt: skip
    assert done.exit_code == 0, done.output
    key = day.kit.kit.package.body.authority_public_key
    verified = subprocess.run([VERIFY, str(record), "--authority-key", key],
                              capture_output=True, text=True, timeout=600)  # fmt: skip
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout


def _recorded(day: Day, *results: str) -> Result:
    election = ["--election", str(day.kit.kit.folder.root), "--db", f"sqlite:///{day.root / 'desk.sqlite'}"]
    given = [a for r in results for a in ("--results", str(day.root / r))]
    return CliRunner().invoke(admin, ["record", *election, *given, "--out", str(day.root / "RECORD"),
                                      *authority_args(day.root)])  # fmt: skip


def _two_votes_counted_at_the_hall(day: Day) -> None:
    """`budget` and then the named vote `roll-call`, each closed, aggregated, answered by two trustees
    and counted at the hall into its own folder; then the booths' day sticks imported at the desk."""
    for station, voter, answers in (("booth-1", "v01", NO), ("booth-2", "v26", YES), ("booth-2", "v03", YES)):
        day.booths[station].cast(voter, "roll-call", answers)
    for vote in ("budget", "roll-call"):
        _closed(day, "booth-1", "booth-2", vote=vote)
        stick = day.aggregate(vote, f"STICK-{vote}")
        partials = [day.decrypt(t, stick) for t in (1, 3)]
        assert day.tally(stick, *partials, vote=vote, out=f"HALL-{vote}").exit_code == 0
    _imported_sticks(day)


def test_a_day_of_two_votes_counted_at_the_hall_is_recorded_from_both_folders_and_verifies(day: Day) -> None:
    _two_votes_counted_at_the_hall(day)
    done = _recorded(day, "HALL-roll-call", "HALL-budget")  # in any order: the record lists the manifest's
    assert done.exit_code == 0, done.output
    record = day.root / "RECORD"
    listed = json.loads((record / "results.json").read_text())["sessions"]
    assert [s["id"] for s in listed] == ["budget", "board", "roll-call"]
    assert [s["ballots"] for s in listed] == [7, 0, 3]
    assert _votes(listed[2]) == {"yes": 2, "no": 1, "abstain": 0}
    assert (record / "tally" / "budget.json").exists() and (record / "tally" / "roll-call.json").exists()
    assert (record / "recorded" / "roll-call.jsonl").exists()  # the named votes, from roll-call's folder
    key = day.kit.kit.package.body.authority_public_key
    verified = subprocess.run([VERIFY, str(record), "--authority-key", key],
                              capture_output=True, text=True, timeout=600)  # fmt: skip
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout


def test_a_record_refuses_a_vote_given_twice_or_a_vote_with_ballots_left_out(day: Day) -> None:
    _two_votes_counted_at_the_hall(day)
    twice = _recorded(day, "HALL-budget", "HALL-roll-call", "HALL-budget")
    assert twice.exit_code != 0 and "both count session 'budget'" in twice.output, twice.output
    left_out = _recorded(day, "HALL-budget")
    assert left_out.exit_code != 0, left_out.output
    assert "roll-call have ballots but no --results folder counts them" in left_out.output
    assert not (day.root / "RECORD").exists()  # nothing half-written to publish
