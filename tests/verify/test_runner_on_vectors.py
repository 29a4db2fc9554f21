"""isoloir-verify over a record laid out from the producer's ballot vectors (see vector_record.py).

Threat: a publisher drops a mark, moves a ballot to another booth, repeats a ciphertext, or publishes
a checked ballot whose choices are not those encrypted; the run must fail the named check, and
every executor (this process, --jobs 2, Dask) must give the same report.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from isoloir_verify.executors import Processes, Serial
from isoloir_verify.report import Report
from isoloir_verify.runner import verify
from tests.verify.vector_record import add_index, b64, build
from tests.verify.vector_tally import add_tally

# What cannot pass on a record without proofs of the ceremony, an index, booth files or a tally.
UNPASSABLE = {"V3", "V4", "V9", "V10", "V11", "V12"}


def _ok(report: Report) -> set[str]:
    return {c for c, r in report.results.items() if r.ok}


@pytest.fixture
def record(vectors: Path, tmp_path: Path) -> Path:
    build(vectors, tmp_path / "record")
    return tmp_path / "record"


def test_the_producers_ballots_pass_every_check_they_can(record: Path) -> None:
    report = verify(record, Serial())
    assert _ok(report) == {"V1", "V2", "V5", "V6", "V7", "V8"}, report.lines()
    assert report.results["V5"].checked == 3
    assert report.results["V8"].checked == 1
    assert not report.ok
    assert "Schnorr" in report.results["V3"].failures[0]


def test_a_process_pool_gives_the_same_report(record: Path) -> None:
    assert verify(record, Processes(2)).lines() == verify(record, Serial()).lines()


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="optional extra verify-dask")
def test_a_local_dask_cluster_gives_the_same_report(record: Path) -> None:
    from distributed import LocalCluster

    from isoloir_verify.executors import DaskCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
        assert (
            verify(record, DaskCluster(cluster.scheduler_address)).lines() == verify(record, Serial()).lines()
        )


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _rewrite(path: Path, rows: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_a_missing_mark_fails_v7(record: Path) -> None:
    marks = next((record / "marks").rglob("*.jsonl"))
    _rewrite(marks, _lines(marks)[:1])
    report = verify(record, Serial())
    assert not report.results["V7"].ok
    assert "marks" in report.results["V7"].failures[0]


def test_a_ballot_moved_to_another_booth_fails_v5_and_v7(record: Path) -> None:
    source = record / "ballots" / "kinds" / "booth-1.jsonl"
    rows = _lines(source)
    target = record / "ballots" / "kinds" / "booth-2.jsonl"
    _rewrite(target, [dict(rows[0], station="booth-2"), *rows[1:]])
    source.unlink()
    report = verify(record, Serial())
    assert not report.results["V5"].ok
    assert not report.results["V7"].ok


def test_a_copied_ballot_in_another_session_fails_v6(record: Path) -> None:
    rows = _lines(record / "ballots" / "kinds" / "booth-1.jsonl")
    grouped = record / "ballots" / "grouped" / "booth-1.jsonl"
    _rewrite(grouped, [*_lines(grouped), rows[1]])
    report = verify(record, Serial())
    assert not report.results["V6"].ok
    assert "times" in report.results["V6"].failures[0]


def test_checked_choices_not_those_encrypted_fail_v8(record: Path) -> None:
    checked = next((record / "checked").rglob("*.jsonl"))
    rows = _lines(checked)
    choices = rows[1]["choices"]
    assert isinstance(choices, dict)
    choices["motion"] = ["no"] if choices["motion"] != ["no"] else ["yes"]
    _rewrite(checked, rows)
    report = verify(record, Serial())
    assert not report.results["V8"].ok
    assert "ξ_B" in report.results["V8"].failures[0]


def test_a_checked_ballot_also_cast_fails_v8(record: Path) -> None:
    cast = _lines(record / "ballots" / "kinds" / "booth-1.jsonl")[1]
    checked = next((record / "checked").rglob("*.jsonl"))
    rows = _lines(checked)
    _rewrite(checked, [*rows, dict(rows[1], code=cast["code"])])
    report = verify(record, Serial())
    assert any("also cast" in f for f in report.results["V8"].failures)


def test_an_unknown_field_in_a_ballot_fails_v5(record: Path) -> None:
    path = record / "ballots" / "named" / "booth-2.jsonl"
    rows = _lines(path)
    _rewrite(path, [rows[0], dict(rows[1], extra=1)])
    report = verify(record, Serial())
    assert "Extra inputs" in report.results["V5"].failures[0]
    shutil.rmtree(record / "ballots")
    assert not verify(record, Serial()).results["V7"].ok  # marks without ballots


def test_with_a_tally_v9_to_v11_pass_and_v12_checks_the_blanks(vectors: Path, tmp_path: Path) -> None:
    root = tmp_path / "tallied"
    add_tally(vectors, root, build(vectors, root))
    report = verify(root, Serial())
    assert _ok(report) == {"V1", "V2", "V5", "V6", "V7", "V8", "V9", "V10", "V11"}, report.lines()
    # This record has no results.json (the vectors hold no counts): V12 says so, after the blanks.
    assert report.results["V12"].failures[0].startswith("results.json cannot be read")
    assert report.results["V12"].checked == 7
    tally = root / "tally" / "kinds.json"
    body = json.loads(tally.read_text())
    body["questions"][0]["blank"] += 1
    tally.write_text(json.dumps(body))
    assert "blank" in verify(root, Serial()).results["V12"].failures[0]


def test_one_nonce_for_a_checked_and_a_cast_ballot_fails_v6(vectors: Path, record: Path) -> None:
    """Spec 2 §6.3: a booth reusing ξ_B after a check lets the slip open the cast ballot; V6 sees α twice."""
    body = json.loads((vectors / "ballot" / "ballots.json").read_text())
    case = next(c for c in body["cases"] if c["name"] == "every kind, with choices")
    line = case["record_line"]
    reused = {k: line[k] for k in ("code", "group", "weight", "voter")}
    reused |= {"nonce": b64(case["nonce"]), "choices": case["choices"]}
    header = {"format": "isoloir-record/1 checked", "session": "kinds", "station": "booth-1"}
    _rewrite(record / "checked" / "kinds" / "booth-1.jsonl", [header, reused])
    report = verify(record, Serial())
    assert any("α" in f for f in report.results["V6"].failures)
    assert report.results["V8"].failures[0].endswith("is also cast (counted)")


def test_v4_checks_the_index_the_signature_and_names_a_missing_booth_file(
    vectors: Path, record: Path
) -> None:
    """The booths' chain of trust (package, certificate, sealed manifest) and their code sets are
    checked on the producer's real records (tests/verify/test_records.py): the ballot vectors hold no
    package nor certificate, so this record's booth files are removed and V4 names them."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    authority = Ed25519PrivateKey.generate()
    public = authority.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    h_e = bytes.fromhex(json.loads((vectors / "ballot" / "ballots.json").read_text())["election"]["h_e"])
    add_index(record, h_e, authority.sign, booths=False)
    v4 = verify(record, Serial(), public).results["V4"]
    assert v4.failures and all("missing for ballots" in f for f in v4.failures), v4.failures
    other = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    assert any("record.sig" in f for f in verify(record, Serial(), other).results["V4"].failures)
    assert any("--authority-key" in f for f in verify(record, Serial()).results["V4"].failures)
    marks = next((record / "marks").rglob("*.jsonl"))
    marks.write_text(marks.read_text() + "\n")
    assert any("SHA-256" in f for f in verify(record, Serial(), public).results["V4"].failures)
