"""What the hall stores of a closed vote, against whoever watches it or sends it bytes.

The hall learns who voted when (it must), never which ballot: ballots reach it only in a booth's
sealed session file, sorted by tracking code; and it keeps only files that a booth of this election
signed, over that booth's own channel. Each test names its threat (issue 15)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, inspect, text

from kiosk.ballot.encryption import decrypt_ballot
from kiosk.ballot.hall_upload import SESSION_FILE_ROUTE, upload_body
from kiosk.ballot.hall_wire import sign_request
from kiosk.ballot.sealed_file import BALLOTS, MARKS, parse_sealed_bytes
from kiosk.ballot.selections import decode_ballot
from kiosk.booth.station import Station
from kiosk.hall.session_calls import HallSessionCalls
from station_admin.hall.http_server import HallHttpServer
from station_admin.hall.serve import serving
from tests.hall.conftest import BoothMaker, hall_station, unlocked
from tests.hall.test_hall_attacks import send
from tests.kit import ElectionKit

VOTERS = [f"v{n:02d}" for n in range(1, 21)]  # booth-1's roll: 20 delegates


def answers(voter: str) -> dict[str, tuple[str, ...]]:
    return {"q1": ("yes",) if int(voter[1:]) % 3 else ("no",)}


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def hall_rows(db_url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table the hall keeps, in the order PostgreSQL hands them out unasked."""
    engine = create_engine(db_url)
    with engine.connect() as c:
        tables = inspect(engine).get_table_names()
        rows = {t: [tuple(r) for r in c.execute(text(f"SELECT * FROM {t}"))] for t in tables}
    engine.dispose()
    return rows


@pytest.fixture
def new_db(hall_postgres: str) -> Iterator[Callable[[str], str]]:
    def make(name: str) -> str:
        engine = create_engine(hall_postgres, isolation_level="AUTOCOMMIT")
        with engine.connect() as c:
            c.execute(text(f"CREATE DATABASE {name}"))
        engine.dispose()
        return hall_postgres.rsplit("/", 1)[0] + f"/{name}"
    yield make


def a_vote_cast_in_order(kit: ElectionKit, db_url: str, data: Path, order: list[str]) -> dict[str, Any]:
    """One hall, one booth, the delegates casting in this order, the vote closed: what the hall holds."""
    with serving(unlocked(kit), db_url, "127.0.0.1", 0) as hall:
        booth = hall_station(kit, data, "booth-1", hall.url)
        codes = {voter: booth.cast(voter, "budget", answers(voter)).tracking_code for voter in order}
        booth.close_session("budget", "pw-1")
        booth.close()
    stored = hall_rows(db_url)
    (file_row,) = stored["hall_session_files"]
    data_bytes = next(bytes(v) for v in file_row if isinstance(v, (bytes, memoryview)))
    return {"codes": codes, "file": data_bytes, "rows": stored}


def test_the_order_of_ballots_the_hall_stores_is_independent_of_the_order_they_were_cast(
    small_election: ElectionKit, new_db: Callable[[str], str], tmp_path: Path
) -> None:
    """Threat: whoever reads the hall's database (an official, a copy of its disk) and noted when each
    delegate voted (the hall knows it, and so does anyone watching the hall) lines the stored ballots
    up with that order to learn each delegate's vote."""
    make = new_db
    orders = [VOTERS, VOTERS[::-1]]
    runs = [a_vote_cast_in_order(small_election, make(f"order_{i}"), tmp_path / f"run-{i}", order)
            for i, order in enumerate(orders)]
    package = small_election.folder.package()
    stored_orders = []
    for run in runs:
        sealed = parse_sealed_bytes(run["file"], package)
        stored = [b.tracking_code for b in sealed.ballots]
        assert stored == sorted(run["codes"].values())
        by_code = {code: voter for voter, code in run["codes"].items()}
        stored_orders.append([by_code[c] for c in stored])
        # The only rows of the hall holding ballots are the session files, one per booth and vote.
        assert [t for t, rows in run["rows"].items() if any(
            isinstance(v, (bytes, memoryview)) for r in rows for v in r)] == ["hall_session_files"]
    # Cast forwards, then backwards: had the hall kept the cast order, the two would be reversed.
    assert stored_orders[0] != VOTERS and stored_orders[1] != VOTERS[::-1]
    # Everything of the file that is not a ciphertext is byte for byte the same in both runs.
    first, second = (members(r["file"]) for r in runs)
    assert first[MARKS] == second[MARKS]
    assert first[BALLOTS] != second[BALLOTS]  # (fresh encryptions: the ciphertexts differ)
    # What was cast is what is stored, in both runs.
    for run in runs:
        sealed = parse_sealed_bytes(run["file"], package)
        choices = sorted(decode_ballot(small_election.definition, small_election.definition.session("budget"),
                                       decrypt_ballot(small_election.secret, package.election_id, "budget",
                                                      b.ciphertext)).answers["q1"] for b in sealed.ballots)
        assert choices == sorted(answers(v)["q1"] for v in VOTERS)


def genuine_file(hall_booth: BoothMaker) -> tuple[Station, Station, bytes]:
    """booth-1's session file of the closed budget vote (booth-2 also voted in it)."""
    booth, other = hall_booth("booth-1"), hall_booth("booth-2")
    other.cast("v25", "budget", {"q1": ("yes",)})
    booth.cast("v01", "budget", {"q1": ("yes",)})
    booth.cast("v02", "budget", {"q1": ("no",)})
    booth.close_session("budget", "pw-1")
    other.hall_connected()
    return booth, other, booth.sessions.session_file("budget")[1]


def test_a_session_file_forged_by_a_laptop_on_the_switch_is_refused_and_nothing_is_stored(
    hall_booth: BoothMaker, hall: HallHttpServer
) -> None:
    """Threat: a laptop plugged into the hall switch saw booth-1's session file go by, drops the
    ballots it dislikes, re-signs it with a key of its own and posts it to the hall as booth-1's, on
    a channel it made up (it cannot open booth-1's: that needs booth-1's key)."""
    _booth, _other, data = genuine_file(hall_booth)
    before = hall.service.sessions.files("budget")
    laptop = Ed25519PrivateKey.generate()
    forged = data.replace(b"budget", b"budgeT", 1)
    body = {"op": "session_file", "session": "budget", "name": "booth-1.isoloir",
            "sha256": hashlib.sha256(forged).hexdigest()}
    request = sign_request(laptop, "ab" * 16, 1, body)
    status, answer = send(hall, "POST", SESSION_FILE_ROUTE, upload_body(request, forged))
    assert status == 401 and "join again" in answer["error"]
    status, answer = send(hall, "POST", SESSION_FILE_ROUTE, b'{"request": 1, "file": "!"}')
    assert status == 400
    assert hall.service.sessions.files("budget") == before


def test_a_session_file_altered_on_the_wire_or_signed_by_another_key_is_refused_even_on_a_booths_channel(
    hall_booth: BoothMaker, hall: HallHttpServer, small_election: ElectionKit
) -> None:
    """Threat: whoever sits between booth-1 and the hall alters the file in flight (the signed call
    names its digest), or booth-1's software, run by whoever holds its disk, sends a file it rewrote
    (a ballot dropped, its manifest re-signed with a key of its own), or booth-2's file as its own."""
    booth, other, data = genuine_file(hall_booth)
    stored = {f.station: f.file_sha256 for f in hall.service.sessions.files("budget")}
    calls = booth.sessions.hall
    assert isinstance(calls, HallSessionCalls)
    altered = data[:-40] + bytes(40)
    body = {"op": "session_file", "session": "budget", "name": "x.isoloir",
            "sha256": hashlib.sha256(data).hexdigest()}
    answer = calls.client.call(body, attachment=altered)
    assert answer == {"outcome": "refused", "reason": "the file is not the one the signed call names"}
    rewritten = rewrite_without_a_ballot(data)
    outcome, reason = calls.send_session_file("budget", "x.isoloir", rewritten)
    assert outcome.value == "refused" and "signature" in reason, reason
    outcome, reason = calls.send_session_file("budget", "x.isoloir", other.sessions.session_file("budget")[1])
    assert outcome.value == "refused" and "sent by booth 'booth-1'" in reason, reason
    assert {f.station: f.file_sha256 for f in hall.service.sessions.files("budget")} == stored


def rewrite_without_a_ballot(data: bytes) -> bytes:
    """The file with its first ballot dropped and its counts and digests fixed, signed by a new key."""
    parts = members(data)
    lines = parts[BALLOTS].splitlines(keepends=True)[1:]
    parts[BALLOTS] = b"".join(lines)
    manifest = json.loads(parts["manifest.json"])
    manifest["members"][BALLOTS] = hashlib.sha256(parts[BALLOTS]).hexdigest()
    parts["manifest.json"] = json.dumps(manifest).encode()
    parts["manifest.sig"] = base64.b16encode(Ed25519PrivateKey.generate().sign(b"x")).lower()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()
