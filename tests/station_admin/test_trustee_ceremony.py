"""The trustees' key ceremony and decryption as the trustees run them: `station-admin trustee …` on
five laptops (subprocesses), files carried by the administrator, any three of five decrypting a sum,
and the election's secret key never formed anywhere."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kiosk.ballot.crypto import ceremony_messages as msg
from kiosk.ballot.crypto.ceremony_record import check_ceremony, load_ceremony
from kiosk.ballot.crypto.decryption_messages import make_request
from kiosk.ballot.crypto.elgamal import aggregate, encrypt
from kiosk.ballot.crypto.group import GENERATOR, Nonce, Point, Scalar
from kiosk.ballot.crypto.wire import b64decode
from station_admin.cli import main as admin
from tests.kit import SMALL_ELECTION
from tests.station_admin.trustees import PASSPHRASE, joint_secret, spellings

STATION_ADMIN = str(Path(sys.executable).parent / "station-admin")
N, K = 5, 3
VOTES = [1, 1, 0, 1, 0, 0, 1, 1]  # "yes" on eight ballots


def _laptops(*commands: list[str | Path]) -> list[str]:
    """Runs one round on every trustee's laptop at once (separate processes, as separate machines
    would); returns each one's output."""
    running = [
        subprocess.Popen(
            [STATION_ADMIN, "trustee", *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in commands
    ]
    outputs = []
    for process in running:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        outputs.append(out)
    return outputs


def _cli(*args: str | Path, ok: bool = True) -> Result:
    """The same command in this process (click's runner), for the many decryption cases."""
    result = CliRunner().invoke(admin, ["trustee", *map(str, args)])
    assert (result.exit_code == 0) == ok, result.output
    return result


@dataclass(frozen=True)
class Hall:
    """Five trustees' laptops (t1..t5), the sticks the administrator carried, and the secret the test
    alone computed from the trustees' states (to show it appears nowhere)."""

    root: Path
    sticks: Path
    secret: int

    def key(self, i: int) -> Path:
        return self.root / f"laptop-{i}" / "trustee.key"


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Hall:
    root = tmp_path_factory.mktemp("hall")
    sticks, secret_file = root / "sticks", root / "passphrase.txt"
    secret_file.write_text(PASSPHRASE + "\n")
    pp = ("--passphrase-file", secret_file)
    hall = Hall(root, sticks, 0)
    printed = _laptops(
        *(
            ["keygen", "--manifest", SMALL_ELECTION, "--trustees", N, "--threshold", K, "--trustee", i,
             "--name", f"Trustee number {i}", "--key", hall.key(i), "--out", sticks / "round1", *pp]
            for i in range(1, N + 1)
        )
    )  # fmt: skip
    assert all("Identity fingerprint:" in out for out in printed)
    _laptops(
        *(
            ["shares", "--key", hall.key(i), "--in", sticks / "round1", "--out", sticks / "round2", *pp]
            for i in range(1, N + 1)
        )
    )
    secret = joint_secret([hall.key(i) for i in range(1, N + 1)])  # the test's own, for the scan below
    _laptops(
        *(
            ["finish", "--key", hall.key(i), "--in", sticks / "round1", "--in", sticks / "round2",
             "--out", sticks / f"round3-{i}", *pp]
            for i in range(1, N + 1)
        )
    )  # fmt: skip
    return Hall(root, sticks, secret)


def _ceremony(hall: Hall) -> Path:
    return hall.sticks / "round3-1" / "ceremony.json"


def test_five_trustees_end_with_one_identical_ceremony_that_each_signed(hall: Hall) -> None:
    texts = {(hall.sticks / f"round3-{i}" / "ceremony.json").read_bytes() for i in range(1, N + 1)}
    assert len(texts) == 1
    keys = check_ceremony(load_ceremony(texts.pop()))
    assert (keys.n, keys.k) == (N, K)
    digest = hashlib.sha256(_ceremony(hall).read_bytes()).digest()
    for i in range(1, N + 1):
        accepted = msg.load(msg.Accept, (hall.sticks / f"round3-{i}" / f"accept-{i}.json").read_bytes())
        assert accepted.ceremony_sha256 == digest and keys.h_e == accepted.H_E
        assert msg.signature_holds(keys.identity_keys[i], msg.accept_bytes(accepted), accepted.signature)
        assert Point.decode(accepted.K_l) == keys.verification_key(i)
    assert json.loads(_ceremony(hall).read_text())["trustees"][2]["name"] == "Trustee number 3"


def test_the_key_files_hold_only_a_share_after_the_ceremony(hall: Hall) -> None:
    for i in range(1, N + 1):
        assert json.loads(hall.key(i).read_text())["format"] == "isoloir-trustee-share/2"


def _request(hall: Hall, tmp_path: Path) -> Path:
    keys = check_ceremony(load_ceremony(_ceremony(hall).read_bytes()))
    ballots = [encrypt(keys.key, v, Nonce.random()) for v in VOTES]
    request = tmp_path / "request.json"
    request.write_text(
        make_request(keys.h_e, {"budget/q1/yes": aggregate(ballots), "budget/q1/none": aggregate([])})
    )
    return request


@pytest.mark.parametrize("present", [(1, 2, 3), (1, 3, 5), (2, 4, 5)])
def test_any_three_of_five_decrypt_the_sum_through_the_cli(
    hall: Hall, tmp_path: Path, present: tuple[int, ...]
) -> None:
    request, secret_file = _request(hall, tmp_path), hall.root / "passphrase.txt"
    partials = []
    for i in present:
        _cli(
            "decrypt", "--key", hall.key(i), "--ceremony", _ceremony(hall), "--request", request,
            "--out", tmp_path / f"from-{i}", "--passphrase-file", secret_file,
        )  # fmt: skip
        partials += ["--partial", tmp_path / f"from-{i}" / f"partial-{i}.json"]
    counts = json.loads(
        _cli(
            "combine", "--ceremony", _ceremony(hall), "--request", request, "--bound", len(VOTES), *partials
        ).output
    )
    assert counts == {"budget/q1/yes": sum(VOTES), "budget/q1/none": 0}


def test_two_of_five_cannot_decrypt(hall: Hall, tmp_path: Path) -> None:
    """Threat: two trustees (k−1) meet without a third and try to learn the count."""
    request, secret_file = _request(hall, tmp_path), hall.root / "passphrase.txt"
    partials = []
    for i in (2, 4):
        _cli(
            "decrypt", "--key", hall.key(i), "--ceremony", _ceremony(hall), "--request", request,
            "--out", tmp_path, "--passphrase-file", secret_file,
        )  # fmt: skip
        partials += ["--partial", tmp_path / f"partial-{i}.json"]
    refused = _cli(
        "combine", "--ceremony", _ceremony(hall), "--request", request, "--bound", 8, *partials, ok=False
    )
    assert "threshold is 3" in refused.output


def test_the_election_secret_appears_in_no_file_any_trustee_wrote(hall: Hall) -> None:
    """Threat: a ceremony (or a careless implementation) that assembles the election key somewhere:
    on a stick, in ceremony.json, in a trustee's key file or its output. The test alone computes
    s = Σ a_i,0 from the trustees' states, checks it is the key's secret, and scans every byte."""
    keys = check_ceremony(load_ceremony(_ceremony(hall).read_bytes()))
    assert GENERATOR ** Scalar(hall.secret) == keys.key
    files = [p for p in hall.root.rglob("*") if p.is_file()]
    assert len(files) > 5 * 3
    for path in files:
        data = path.read_bytes()
        for spelling in spellings(hall.secret):
            assert spelling not in data, path
    assert b64decode(json.loads(_ceremony(hall).read_text())["election_key"]) == keys.key.encode()
