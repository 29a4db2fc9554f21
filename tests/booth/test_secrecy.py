"""Ballot secrecy: nothing stored or exported links a ballot to its voter or to the cast order."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from sqlalchemy import text

from kiosk.booth.station import Station
from tests.kit import POLL_WORKER, ElectionKit


def _kendall_tau(order: list[str], other: list[str]) -> float:
    rank = {code: i for i, code in enumerate(other)}
    ranks = [rank[code] for code in order]
    pairs = concordant = 0
    for i in range(len(ranks)):
        for j in range(i + 1, len(ranks)):
            pairs += 1
            concordant += 1 if ranks[i] < ranks[j] else -1
    return concordant / pairs


def _vote_everyone(booth: Station, election: ElectionKit) -> list[str]:
    cast_order = []
    codes = election.codes()
    for voter in election.definition.voters_at("booth-1"):
        booth.authenticate_code(codes[voter.id])
        for session, answers in (("budget", {"q1": ("yes",)}), ("board", {"members": ("ana",), "lists": ()})):
            cast_order.append(booth.cast(voter.id, session, answers).tracking_code)
    return cast_order


def test_the_exported_order_does_not_follow_the_cast_order(
    booth: Station, small_election: ElectionKit, tmp_path: Path
) -> None:
    cast_order = _vote_everyone(booth, small_election)
    booth.close_polls(POLL_WORKER)
    sealed = booth.export(tmp_path)
    with zipfile.ZipFile(io.BytesIO(sealed.read_bytes())) as archive:
        rows = [json.loads(line) for line in archive.read("ballots.jsonl").splitlines()]
        marks = [json.loads(line) for line in archive.read("marks.jsonl").splitlines()]
    exported = [row["tracking_code"] for row in rows]
    assert exported == sorted(cast_order)  # sorted by tracking code, which is a digest
    assert abs(_kendall_tau(cast_order, exported)) < 0.4
    assert all(set(row) == {"tracking_code", "session", "ciphertext"} for row in rows)  # no voter, no time
    assert [(m["session"], m["voter"]) for m in marks] == sorted((m["session"], m["voter"]) for m in marks)


def test_the_stored_order_does_not_follow_the_cast_order(booth: Station, small_election: ElectionKit) -> None:
    cast_order = _vote_everyone(booth, small_election)
    with booth.box.read() as c:
        stored = [row[0] for row in c.execute(text("SELECT tracking_code FROM ballots"))]
    assert abs(_kendall_tau(cast_order, stored)) < 0.4


def test_the_audit_log_says_a_ballot_was_cast_never_which_or_by_whom(
    booth: Station, small_election: ElectionKit
) -> None:
    cast_order = _vote_everyone(booth, small_election)
    voters = {v.id for v in small_election.definition.voters}
    log = booth.audit_json()
    assert not any(code in log for code in cast_order)
    for entry in booth.box.audit_entries():
        if entry.event in ("ballot_cast", "voter_authenticated"):
            assert not set(map(str, entry.data.values())) & voters
