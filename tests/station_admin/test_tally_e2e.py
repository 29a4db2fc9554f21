"""The end-to-end tally: the officials aggregate, any k present trustees decrypt only the sums, and
the counts (votes, blanks, groups, named votes) are exactly what the voters chose, with no key at
the officials' desk. The results feed the same outcomes, report and board as before."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from kiosk.ballot.counting import Tally, vote_counts
from kiosk.ballot.crypto.decryption_messages import make_request
from kiosk.ballot.crypto.elgamal import Ciphertext
from kiosk.ballot.crypto.group import Point
from kiosk.ballot.crypto.wire import b64decode
from kiosk.ballot.definition import BallotMode
from kiosk.ballot.e2e_ballot import short_code
from station_admin import e2e_aggregates
from station_admin import tally_db as db
from station_admin.cli import main as admin
from station_admin.importer import import_file
from tests.ballot.sealed_kit import BoothDay, booth_day
from tests.kit import authority_args
from tests.station_admin.e2e_kit import E2EKit, make_e2e_election

VERIFY = str(Path(sys.executable).parent / "isoloir-verify")


@dataclass(frozen=True)
class Imported:
    e2e: E2EKit
    days: dict[str, BoothDay]
    db: str
    aggregated: Path  # request.json, manifest.json, ballots/


def _admin(*args: str | Path, ok: bool = True) -> Result:
    result = CliRunner().invoke(admin, [str(a) for a in args])
    assert (result.exit_code == 0) == ok, result.output
    return result


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    root = tmp_path_factory.mktemp("e2e-tally")
    e2e = make_e2e_election(root / "election")
    url = f"sqlite:///{root / 'tally.sqlite'}"
    engine = db.open_db(url)
    days = {s: booth_day(e2e.kit, e2e.e2e.election, s) for s in ("booth-1", "booth-2")}
    for station, day in days.items():
        path = root / f"{station}.isoloir"
        path.write_bytes(day.sealed())
        assert import_file(engine, e2e.kit.package, path, e2e=e2e.e2e).status == "imported"
    _admin("aggregate", "--election", e2e.kit.folder.root, "--db", url, "--out", root / "stick")
    return Imported(e2e, days, url, root / "stick")


def _decrypt(imported: Imported, trustee: int, out: Path) -> Path:
    e2e = imported.e2e
    _admin(
        "trustee", "decrypt", "--key", e2e.key(trustee), "--ceremony", e2e.ceremony,
        "--request", imported.aggregated / "request.json", "--ballots", imported.aggregated,
        "--out", out, "--passphrase-file", e2e.passphrase_file,
    )  # fmt: skip
    return out / f"partial-{trustee}.json"


def _tally(imported: Imported, partials: list[Path], out: Path, ok: bool = True) -> Result:
    e2e = imported.e2e
    args: list[str | Path] = ["tally", "--election", e2e.kit.folder.root, "--db", imported.db,
                              "--request", imported.aggregated / "request.json", "--out", out]  # fmt: skip
    for p in partials:
        args += ["--partial", p]
    return _admin(*args, ok=ok)


def _expected(imported: Imported) -> dict[str, Any]:
    """What the voters chose, counted in the clear by the test (it made every ballot)."""
    definition = imported.e2e.kit.definition
    tally = Tally(definition)
    for day in imported.days.values():
        for ballot in day.ballots:
            session = definition.session(ballot.context.session)
            group = ballot.context.group or None
            voter = ballot.context.voter if session.mode is BallotMode.RECORDED else None
            tally.add(session.id, day.plain[bytes(ballot.code)], group, voter)
    return tally.as_results()


@pytest.mark.parametrize("present", [(1, 2), (1, 3), (2, 3)])
def test_any_two_of_three_trustees_count_exactly_what_the_voters_chose(
    imported: Imported, tmp_path: Path, present: tuple[int, int]
) -> None:
    partials = [_decrypt(imported, t, tmp_path / f"t{t}") for t in present]
    _tally(imported, partials, tmp_path / "RESULTS")
    results = json.loads((tmp_path / "RESULTS" / "results.json").read_text())
    expected = _expected(imported)
    assert vote_counts(results) == vote_counts(expected)
    by_id = {s["id"]: s for s in results["sessions"]}
    for session in expected["sessions"]:
        assert by_id[session["id"]].get("groups") == session.get("groups")
        assert by_id[session["id"]].get("recorded_votes") == session.get("recorded_votes")
    assert all("outcome" in q for s in results["sessions"] for q in s["questions"])
    # The board lists every counted ballot's short code, as the receipt prints it.
    cast = [b for day in imported.days.values() for b in day.ballots]
    assert results["tracking_codes"] == sorted(short_code(b.code) for b in cast)
    assert (tmp_path / "RESULTS" / "e2e" / "tally" / "budget.json").exists()
    results_path = tmp_path / "RESULTS" / "results.json"
    _admin("report", "--election", imported.e2e.kit.folder.root, "--results", results_path,
           "--out", tmp_path / "report.pdf")  # fmt: skip
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_one_trustee_alone_cannot_count(imported: Imported, tmp_path: Path) -> None:
    # Threat: a single trustee (k − 1 = 1) and the officials, trying to learn the counts early.
    partial = _decrypt(imported, 2, tmp_path / "t2")
    refused = _tally(imported, [partial], tmp_path / "RESULTS", ok=False)
    assert "threshold is 2" in refused.output
    assert not (tmp_path / "RESULTS" / "results.json").exists()


def test_a_trustee_refuses_a_request_for_one_ballot(imported: Imported, tmp_path: Path) -> None:
    # Threat: whoever runs the tally slips one voter's ciphertext into the request, to read her vote.
    e2e = imported.e2e
    request = json.loads((imported.aggregated / "request.json").read_text())
    ballot = imported.days["booth-1"].ballots[0]
    ct = ballot.questions[0].ciphertexts[0]
    sums = {c["id"]: (b64decode(c["A"]), b64decode(c["B"])) for c in request["ciphertexts"]}
    wanted = {i: Ciphertext(Point.decode(a), Point.decode(b)) for i, (a, b) in sums.items()}
    first = next(iter(wanted))
    wanted[first] = ct  # in place of a sum, under the sum's own id
    forged = tmp_path / "request.json"
    forged.write_text(make_request(e2e.e2e.keys.h_e, wanted))
    refused = _admin(
        "trustee", "decrypt", "--key", e2e.key(1), "--ceremony", e2e.ceremony, "--request", forged,
        "--ballots", imported.aggregated, "--out", tmp_path / "t1", "--passphrase-file", e2e.passphrase_file,
        ok=False,
    )  # fmt: skip
    assert "something other than the sums of these ballots" in refused.output
    assert not (tmp_path / "t1" / "partial-1.json").exists()


def test_a_trustee_recomputes_the_sums_in_several_processes_alike(
    imported: Imported, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`trustee decrypt --jobs 2` (a laptop's cores, 10,000 ballots took 94 s on one): the sums cut into
    pieces of one ballot each, so both processes work; the genuine request is answered and counts as
    before, and a request with one sum swapped for a ballot is still refused."""
    monkeypatch.setattr(e2e_aggregates, "CHUNK", 1)
    e2e = imported.e2e
    partials = []
    for t in (1, 2):
        _admin("trustee", "decrypt", "--key", e2e.key(t), "--ceremony", e2e.ceremony, "--request",
               imported.aggregated / "request.json", "--ballots", imported.aggregated, "--jobs", "2",
               "--out", tmp_path / f"t{t}", "--passphrase-file", e2e.passphrase_file)  # fmt: skip
        partials.append(tmp_path / f"t{t}" / f"partial-{t}.json")
    _tally(imported, partials, tmp_path / "RESULTS")
    results = json.loads((tmp_path / "RESULTS" / "results.json").read_text())
    assert vote_counts(results) == vote_counts(_expected(imported))
    request = json.loads((imported.aggregated / "request.json").read_text())
    sums = {c["id"]: (b64decode(c["A"]), b64decode(c["B"])) for c in request["ciphertexts"]}
    wanted = {i: Ciphertext(Point.decode(a), Point.decode(b)) for i, (a, b) in sums.items()}
    wanted[next(iter(wanted))] = imported.days["booth-1"].ballots[0].questions[0].ciphertexts[0]
    forged = tmp_path / "request.json"
    forged.write_text(make_request(e2e.e2e.keys.h_e, wanted))
    refused = _admin(
        "trustee", "decrypt", "--key", e2e.key(1), "--ceremony", e2e.ceremony, "--request", forged,
        "--ballots", imported.aggregated, "--jobs", "2", "--out", tmp_path / "forged",
        "--passphrase-file", e2e.passphrase_file, ok=False,
    )  # fmt: skip
    assert "something other than the sums of these ballots" in refused.output
    assert not (tmp_path / "forged" / "partial-1.json").exists()


def test_the_tally_refuses_answers_to_another_request(imported: Imported, tmp_path: Path) -> None:
    # Threat: partial decryptions of an older or altered request passed off as this tally's.
    e2e = imported.e2e
    other = tmp_path / "other.json"
    genuine = (imported.aggregated / "request.json").read_text()
    other.write_text(genuine.replace('"ciphertexts": [', '"ciphertexts":['))  # the same sums, other bytes
    partials = []
    for t in (1, 2):
        _admin("trustee", "decrypt", "--key", e2e.key(t), "--ceremony", e2e.ceremony, "--request", other,
               "--out", tmp_path / f"t{t}", "--passphrase-file", e2e.passphrase_file)  # fmt: skip
        partials.append(tmp_path / f"t{t}" / f"partial-{t}.json")
    refused = _tally(imported, partials, tmp_path / "RESULTS", ok=False)
    assert "answered another request" in refused.output


def test_the_published_record_is_accepted_by_the_independent_verifier(
    imported: Imported, tmp_path: Path
) -> None:
    partials = [_decrypt(imported, t, tmp_path / f"t{t}") for t in (1, 3)]
    _tally(imported, partials, tmp_path / "RESULTS")
    e2e = imported.e2e
    _admin("record", "--election", e2e.kit.folder.root, "--db", imported.db, "--results",
           tmp_path / "RESULTS", "--out", tmp_path / "RECORD", *authority_args(tmp_path))  # fmt: skip
    key = e2e.kit.package.body.authority_public_key
    verified = subprocess.run([VERIFY, str(tmp_path / "RECORD"), "--authority-key", key],
                              capture_output=True, text=True, timeout=600)  # fmt: skip
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "record verified: every check passed" in verified.stdout
