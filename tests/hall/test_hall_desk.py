"""The officials' desk during a hall day: close a vote, see which booths reported, record a booth
out of service, count the vote alone, and see it on the projector page (issue 15)."""

from __future__ import annotations

import dataclasses
import json
import urllib.request
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from kiosk.ballot.sealed_file import parse_sealed_bytes
from kiosk.booth.sealing import seal
from kiosk.booth.station import Station
from station_admin.cli import main
from station_admin.hall.close_store import SessionFile
from station_admin.hall.http_server import HallHttpServer
from station_admin.importer import import_file
from station_admin.tally_db import open_db
from tests.hall.conftest import BoothMaker
from tests.kit import PASSPHRASES, POLL_WORKER, ElectionKit, passphrase_file

YES, NO = {"q1": ("yes",)}, {"q1": ("no",)}


def desk(kit: ElectionKit, hall_db: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["hall", *args, "--election", str(kit.folder.root), "--db", hall_db])


def tally_args(kit: ElectionKit, tmp_path: Path) -> list[str]:
    args: list[str] = []
    for trustee in (1, 3):
        args += ["--share", str(kit.folder.share_path(trustee)), "--trustee-passphrase-file",
                 str(passphrase_file(tmp_path / "pp", f"t{trustee}", PASSPHRASES[trustee - 1]))]
    return args


def projector(hall: HallHttpServer) -> dict[str, Any]:
    assert hall.projector is not None  # serving() starts the projector's own listener
    with urllib.request.urlopen(f"{hall.projector.url}/projector/results.json", timeout=5) as answer:
        return dict(json.load(answer))


def test_the_desk_closes_a_vote_counts_it_alone_and_the_projector_shows_it(
    hall_booth: BoothMaker, small_election: ElectionKit, hall: HallHttpServer, hall_db: str, tmp_path: Path
) -> None:
    one, two = hall_booth("booth-1"), hall_booth("booth-2")
    for voter in ("v01", "v02", "v25"):
        one.cast(voter, "budget", YES)
    two.cast("v26", "budget", NO)
    two.cast("v03", "roll-call", YES)  # another vote, still open: not counted with this one
    closed = desk(small_election, hall_db, "close", "budget")
    assert closed.exit_code == 0, closed.output
    waiting = desk(small_election, hall_db, "status", "budget", "--json")
    assert json.loads(waiting.output)["waiting"] == ["booth-1", "booth-2"]
    early = desk(small_election, hall_db, "tally", "budget", *tally_args(small_election, tmp_path))
    assert early.exit_code == 1 and "booth-1, booth-2 have not sent" in early.output
    assert projector(hall)["votes"][0]["state"] == "collecting"
    one.hall_connected()
    two.hall_connected()
    status = json.loads(desk(small_election, hall_db, "status", "budget", "--json").output)
    assert status["reported"] == {"booth-1": 3, "booth-2": 1} and status["complete"]
    out = tmp_path / "RESULTS"
    counted = desk(small_election, hall_db, "tally", "budget", *tally_args(small_election, tmp_path),
                   "--out", str(out))
    assert counted.exit_code == 0, counted.output
    results = json.loads((out / "results.json").read_text())
    assert [s["id"] for s in results["sessions"]] == ["budget"]
    votes = {o["id"]: o["votes"] for o in results["sessions"][0]["questions"][0]["options"]}
    assert votes["yes"] == 3 and votes["no"] == 1 and results["sessions"][0]["ballots"] == 4
    shown = projector(hall)["votes"][0]
    assert shown["state"] == "counted" and shown["ballots"] == 4
    assert {o["id"]: o["votes"] for o in shown["questions"][0]["options"]}["yes"] == 3
    # The vote's results feed the report and the board as any results.json does.
    report = CliRunner().invoke(main, ["report", "--election", str(small_election.folder.root), "--results",
                                       str(out / "results.json"), "--format", "csv",
                                       "--out", str(tmp_path / "r.csv")])
    assert report.exit_code == 0, report.output
    board = CliRunner().invoke(main, ["publish", "--election", str(small_election.folder.root), "--results",
                                      str(out / "results.json"), "--out", str(tmp_path / "SITE")])
    assert board.exit_code == 0, board.output
    # Polls stay open for the next vote.
    one.cast("v04", "roll-call", YES)


def test_a_booth_recorded_out_of_service_lets_the_vote_be_counted_without_it(
    hall_booth: BoothMaker, small_election: ElectionKit, hall: HallHttpServer, hall_db: str, tmp_path: Path
) -> None:
    one, two = hall_booth("booth-1"), hall_booth("booth-2")
    one.cast("v01", "budget", YES)
    two.close()  # booth-2 broke down before the close: it will not report
    assert desk(small_election, hall_db, "close", "budget").exit_code == 0
    one.hall_connected()
    refused = desk(small_election, hall_db, "out-of-service", "booth-9", "--session", "budget",
                   "--reason", "x", "--by", "Ana")
    assert refused.exit_code == 1 and "no booth 'booth-9'" in refused.output
    recorded = desk(small_election, hall_db, "out-of-service", "booth-2", "--session", "budget",
                    "--reason", "screen broken", "--by", "Ana Lima")
    assert recorded.exit_code == 0, recorded.output
    status = desk(small_election, hall_db, "status", "budget")
    assert "booth-2: out of service (screen broken)" in status.output and "ready to count" in status.output
    out = tmp_path / "RESULTS"
    counted = desk(small_election, hall_db, "tally", "budget", *tally_args(small_election, tmp_path),
                   "--out", str(out))
    assert counted.exit_code == 0, counted.output
    results = json.loads((out / "results.json").read_text())
    assert results["sessions"][0]["ballots"] == 1
    assert results["out_of_service"] == [{"station": "booth-2", "reason": "screen broken"}]


def test_a_second_close_and_a_close_of_an_unknown_vote_change_nothing(
    hall_booth: BoothMaker, small_election: ElectionKit, hall: HallHttpServer, hall_db: str
) -> None:
    hall_booth("booth-1")
    unknown = desk(small_election, hall_db, "close", "no-such-vote")
    assert unknown.exit_code == 1 and "no vote 'no-such-vote'" in unknown.output
    assert hall.service.sessions.closed() == []
    assert desk(small_election, hall_db, "close", "budget").exit_code == 0
    again = desk(small_election, hall_db, "close", "budget", "--by", "someone else")
    assert again.exit_code == 0 and "already closed; nothing changed" in again.output
    assert hall.service.sessions.closed() == ["budget"]
    assert hall.service.sessions.status("budget", []).closed_at is not None


def test_a_booths_stick_after_a_hall_day_holds_exactly_what_the_hall_has_and_a_difference_is_named(
    hall_booth: BoothMaker, small_election: ElectionKit, hall: HallHttpServer, hall_db: str, tmp_path: Path
) -> None:
    one = hall_booth("booth-1")
    for voter in ("v01", "v02", "v25"):
        one.cast(voter, "budget", YES)
    one.close_session("budget", POLL_WORKER)
    one.cast("v01", "roll-call", YES)  # a vote the hall never closed: on the stick only
    one.close_polls(POLL_WORKER)
    (tmp_path / "STICK").mkdir()
    stick = one.export(tmp_path / "STICK")
    same = desk(small_election, hall_db, "check-stick", str(stick))
    assert same.exit_code == 0, same.output
    assert "booth-1, budget: the same 3 ballot(s) and marks as the hall" in same.output
    assert "booth-1, roll-call: 1 ballot(s) the hall did not collect" in same.output
    # The stick still imports as any stick does, its closed vote's log included.
    tally = open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")
    imported = import_file(tally, small_election.folder.package(), stick)
    assert imported.status == "imported" and imported.ballots == 4, imported.reason
    # The hall's copy lost a ballot (say, its database was restored from an older copy): named.
    held = hall.service.sessions.files("budget")[0]
    sealed = parse_sealed_bytes(held.data, small_election.folder.package())
    missing = sealed.ballots[0].tracking_code
    engine = create_engine(hall_db)
    with engine.begin() as c:
        c.execute(text("DELETE FROM hall_session_files"))
    engine.dispose()
    fewer = replace_ballots(one, [b for b in one.box.all_ballots() if b[0] != missing])
    hall.service.sessions.put_file("budget", SessionFile("booth-1", "x" * 64, "x", fewer, 2))
    differs = desk(small_election, hall_db, "check-stick", str(stick))
    assert differs.exit_code == 1
    assert f"budget: DIFFERS from the hall: 1 ballot(s) the hall lacks: {missing}" in differs.output
    assert "1 mark(s) the hall lacks: v25" in differs.output


def replace_ballots(booth: Station, ballots: list[tuple[str, str, bytes]]) -> bytes:
    """booth-1's budget session file sealed again by its own key, holding only these ballots (and as
    many of its marks, the last one dropped)."""
    snapshot = booth.sessions.snapshot("budget")
    kept = [b for b in ballots if b[1] == "budget"]
    marks = snapshot.marks[: len(kept)]
    counts = {"budget": (len(kept), len(marks))}
    return seal(dataclasses.replace(snapshot, ballots=kept, marks=marks, counts=counts))[1]
