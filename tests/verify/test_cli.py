"""The verifier's command line: what an observer sees for a record that is broken or incomplete.

Threat: a publisher hands observers a record with files missing, extra fields or padded base64,
hoping a lenient reader fills the gaps; every such record must be refused by check id, exit non-zero.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import sys
from pathlib import Path

import pytest

from isoloir_verify.b64 import Base64Error, b64decode, b64encode
from isoloir_verify.cli import main

G_HEX = "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"
Q = 2**252 + 27742317777372353535851937790883648493


def _spec_h_p() -> bytes:
    """H_P written out from the spec's §3.1 row 0x00 by hand, not through the verifier's encoders."""

    def s(text: str) -> bytes:
        return len(text.encode()).to_bytes(4, "big") + text.encode()

    message = b"\x00" + s("isoloir-e2e/1") + s("ristretto255") + bytes.fromhex(G_HEX) + s("HMAC-SHA-256/512")
    return hmac.new(bytes(32), message, hashlib.sha256).digest()


def _parameters(**changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "format": "isoloir-record/1 parameters",
        "group": "ristretto255",
        "generator": b64encode(bytes.fromhex(G_HEX)),
        "order": str(Q),
        "h_p": b64encode(_spec_h_p()),
    }
    body.update(changes)
    return body


def _run(record: Path, *extra: str) -> tuple[int, list[str]]:
    out = subprocess.run(
        [sys.executable, "-m", "isoloir_verify", str(record), *extra],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return out.returncode, out.stdout.splitlines()


def test_every_check_gets_one_line_and_an_empty_folder_fails(tmp_path: Path) -> None:
    code, lines = _run(tmp_path)
    assert code == 1
    ids = [line.split()[0] for line in lines[:-1]]
    assert ids == [f"V{i}" for i in range(1, 13)]
    assert all(" FAIL " in line for line in lines[:-1])
    assert lines[-1] == "record NOT verified"


def test_correct_parameters_pass_v1_and_the_json_report_says_so(tmp_path: Path) -> None:
    (tmp_path / "parameters.json").write_text(json.dumps(_parameters()))
    report = tmp_path / "report.json"
    code, lines = _run(tmp_path, "--json", str(report))
    assert code == 1  # the rest of the record is missing
    assert lines[0].startswith("V1   ok ")
    body = json.loads(report.read_text())
    assert body["ok"] is False
    assert [c["id"] for c in body["checks"] if c["ok"]] == ["V1"]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"h_p": b64encode(bytes(32))}, "H_P"),
        ({"order": str(Q + 1)}, "order"),
        ({"generator": b64encode(bytes(32))}, "generator"),
        ({"group": "secp256k1"}, "group"),
        ({"extra": 1}, "Extra inputs"),
        ({"h_p": b64encode(_spec_h_p()) + "="}, "base64url"),
        ({"format": "isoloir-record/2 parameters"}, "format"),
    ],
)
def test_wrong_or_unknown_parameters_fail_v1(tmp_path: Path, change: dict[str, object], why: str) -> None:
    (tmp_path / "parameters.json").write_text(json.dumps(_parameters(**change)))
    code, lines = _run(tmp_path)
    assert code == 1
    assert lines[0].startswith("V1   FAIL ")
    assert why in lines[0]


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "absent")]) == 2
    assert main([str(tmp_path), "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["AAAA=", "AA+A", "AA/A", "A", " AAA", "AB"])
def test_base64url_accepts_one_spelling_only(text: str) -> None:
    with pytest.raises(Base64Error):
        b64decode(text)


def test_base64url_round_trips_32_bytes_in_43_characters() -> None:
    data = bytes(range(32))
    assert len(b64encode(data)) == 43
    assert b64decode(b64encode(data)) == data
