"""Attacks on the key ceremony and on decryption, each by a named party with what it holds: a trustee
who cheats with its own signed messages, the administrator who routes (and could alter) the files,
and whoever holds a stolen key file. Run through the `station-admin trustee` commands in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kiosk.ballot.crypto import ceremony_messages as msg
from kiosk.ballot.crypto import group, trustee_vault
from kiosk.ballot.crypto.base_hashes import commitments_hash
from kiosk.ballot.crypto.ceremony_record import check_ceremony, load_ceremony
from kiosk.ballot.crypto.decryption_messages import make_request
from kiosk.ballot.crypto.elgamal import encrypt
from kiosk.ballot.crypto.group import GENERATOR, Nonce, Point, Scalar
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.crypto.key_ceremony import SchnorrProof, prove_coefficient
from kiosk.ballot.crypto.trustee_vault import ShareFile, open_share, read_key_file
from station_admin.cli import main as admin
from tests.kit import SMALL_ELECTION
from tests.station_admin.trustees import PASSPHRASE, joint_secret, state_secrets

N, K = 3, 2


class Hall:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.secret_file = root / "passphrase.txt"
        self.secret_file.write_text(PASSPHRASE + "\n")
        self.round1, self.round2 = root / "round1", root / "round2"

    def key(self, i: int) -> Path:
        return self.root / f"laptop-{i}" / "trustee.key"

    def run(self, *args: str | Path, ok: bool = True) -> Result:
        result = CliRunner().invoke(
            admin, ["trustee", *map(str, args), "--passphrase-file", self.secret_file]
        )
        assert (result.exit_code == 0) == ok, result.output
        return result

    def keygen(self) -> None:
        for i in range(1, N + 1):
            self.run(
                "keygen", "--manifest", SMALL_ELECTION, "--trustees", N, "--threshold", K, "--trustee", i,
                "--key", self.key(i), "--out", self.round1,
            )  # fmt: skip

    def shares(self, *trustees: int) -> None:
        for i in trustees or range(1, N + 1):
            self.run("shares", "--key", self.key(i), "--in", self.round1, "--out", self.round2)

    def finish(self, i: int, *extra: Path, ok: bool = True) -> Result:
        folders = [arg for folder in (self.round1, self.round2, *extra) for arg in ("--in", folder)]
        return self.run("finish", "--key", self.key(i), *folders, "--out", self.root / f"round3-{i}", ok=ok)

    def h_c(self) -> Digest:
        round1 = [msg.load(msg.Round1, p.read_bytes()) for p in sorted(self.round1.glob("round1-*.json"))]
        rows = [[Point.decode(c) for c in m.commitments] for m in round1]
        return commitments_hash(Digest(round1[0].H_B), rows, K)


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """These attacks are on the protocol, not on the passphrase: a light Argon2id keeps them quick.
    The real cost is what test_trustee_vault.py and the subprocess ceremony use."""
    monkeypatch.setattr(trustee_vault, "KDF_MEMORY_KIB", 1024)
    monkeypatch.setattr(trustee_vault, "KDF_ITERATIONS", 1)


@pytest.fixture
def hall(tmp_path: Path) -> Hall:
    hall = Hall(tmp_path)
    hall.keygen()
    return hall


def _cheat_share(hall: Hall, sender: int, receiver: int, value: Scalar) -> None:
    """The sender re-makes its share to receiver with a value of its choosing, properly signed."""
    identity, _ = state_secrets(hall.key(sender))
    round1 = msg.load(msg.Round1, (hall.round1 / f"round1-{receiver}.json").read_bytes())
    h_b = Digest(round1.H_B)
    sent = msg.seal_share(h_b, hall.h_c(), sender, receiver, value, round1.transport_key, identity)
    (hall.round2 / f"share-{sender}-to-{receiver}.json").write_text(msg.dump(sent))


def test_a_trustee_sending_a_bad_share_is_named_and_the_receiver_keeps_its_state(hall: Hall) -> None:
    """Threat: trustee 2 sends trustee 3 a share off its polynomial, so that later decryptions with
    trustee 3 fail (a denial of the tally) without anyone knowing whom to blame."""
    hall.shares()
    _, polynomial = state_secrets(hall.key(2))
    _cheat_share(hall, 2, 3, polynomial.at(3) + Scalar(1))
    before = hall.key(3).read_bytes()
    refused = hall.finish(3, ok=False)
    assert "trustee 2 sent a bad share (feldman)" in refused.output
    complaint = msg.load(msg.Complaint, (hall.root / "round3-3" / "complaint-3-against-2.json").read_bytes())
    assert (complaint.by, complaint.against, complaint.reason) == (3, 2, "feldman")
    assert hall.key(3).read_bytes() == before and not (hall.root / "round3-3" / "ceremony.json").exists()


def test_an_accused_trustee_who_reveals_the_true_share_lets_the_ceremony_finish(hall: Hall) -> None:
    """The share was damaged on the way (or the complaint was false): the accused's public reveal
    checks against its commitments, and every trustee's ceremony.json records the complaint."""
    hall.shares()
    _cheat_share(hall, 2, 3, Scalar(12345))
    hall.finish(3, ok=False)
    complaints = hall.root / "round3-3"
    hall.run(
        "shares", "--key", hall.key(2), "--in", hall.round1, "--out", hall.root / "answers",
        "--answer", complaints / "complaint-3-against-2.json",
    )  # fmt: skip
    for i in (1, 2, 3):
        hall.finish(i, complaints, hall.root / "answers")
    texts = {(hall.root / f"round3-{i}" / "ceremony.json").read_text() for i in (1, 2, 3)}
    assert len(texts) == 1
    record = json.loads(texts.pop())
    assert [c["by"] for c in record["trustees"][1]["complaints"]] == [3]
    check_ceremony(load_ceremony(json.dumps(record).encode()))


def test_an_accused_trustee_who_reveals_a_wrong_share_is_disqualified(hall: Hall) -> None:
    """Threat: trustee 2 cheats twice: a bad share, then a reveal that is not on its polynomial."""
    hall.shares()
    _cheat_share(hall, 2, 3, Scalar(12345))
    hall.finish(3, ok=False)
    identity, _ = state_secrets(hall.key(2))
    wrong = msg.reveal(hall.h_c(), 2, 3, Scalar(12345), identity)
    (hall.root / "round3-3" / "reveal-2-to-3.json").write_text(msg.dump(wrong))
    refused = hall.finish(1, hall.root / "round3-3", ok=False)
    assert "trustee 2" in refused.output and "disqualified" in refused.output


def test_a_complaint_left_unanswered_stops_every_trustee(hall: Hall) -> None:
    hall.shares()
    _cheat_share(hall, 2, 3, Scalar(7))
    hall.finish(3, ok=False)
    refused = hall.finish(1, hall.root / "round3-3", ok=False)
    assert "trustee 2 must answer" in refused.output


def _resign_round1(hall: Hall, i: int, change: dict[str, object]) -> None:
    identity, _ = state_secrets(hall.key(i))
    path = hall.round1 / f"round1-{i}.json"
    changed = msg.load(msg.Round1, path.read_bytes()).model_copy(update=change)
    path.write_text(msg.dump(msg.signed(changed, msg.round1_bytes(changed), identity)))


def test_a_bad_schnorr_proof_is_refused_by_every_other_trustee(hall: Hall) -> None:
    """Threat: trustee 2 publishes a commitment it cannot open (e.g. chosen to cancel another trustee's
    and fix the election key), with a made-up proof that it signs itself."""
    good = msg.load(msg.Round1, (hall.round1 / "round1-2.json").read_bytes())
    made_up = (Scalar.random().encode(), Scalar.random().encode())
    _resign_round1(hall, 2, {"proofs": [made_up, *good.proofs[1:]]})
    for i in (1, 3):
        refused = hall.run(
            "shares", "--key", hall.key(i), "--in", hall.round1, "--out", hall.round2, ok=False
        )
        assert "trustee 2: the Schnorr proof of its coefficient 0 is invalid" in refused.output
    assert not hall.round2.exists()


def test_a_rogue_key_cancelling_another_trustee_is_refused(hall: Hall) -> None:
    """Threat: trustee 3, last to publish, commits to K_3,0 = g^x / K_1,0 / K_2,0 so that the election
    key is g^x, which it alone knows; it cannot prove knowledge of that commitment's logarithm."""
    others = [msg.load(msg.Round1, (hall.round1 / f"round1-{i}.json").read_bytes()) for i in (1, 2)]
    x = Scalar.random()
    rogue = GENERATOR**x / Point.decode(others[0].commitments[0]) / Point.decode(others[1].commitments[0])
    mine = msg.load(msg.Round1, (hall.round1 / "round1-3.json").read_bytes())
    h_b = Digest(mine.H_B)
    fake = prove_coefficient(h_b, 3, 0, x)  # the best it can do: a proof for g^x, not for the rogue key
    _resign_round1(
        hall,
        3,
        {
            "commitments": [rogue.encode(), *mine.commitments[1:]],
            "proofs": [(fake.c.encode(), fake.v.encode()), *mine.proofs[1:]],
        },
    )
    refused = hall.run("shares", "--key", hall.key(1), "--in", hall.round1, "--out", hall.round2, ok=False)
    assert "trustee 3: the Schnorr proof of its coefficient 0 is invalid" in refused.output
    assert SchnorrProof  # the proof type the record carries, (c, v)


def test_commitments_altered_by_the_router_are_refused_naming_the_trustee(hall: Hall) -> None:
    """Threat: the administrator, who carries the sticks, swaps a commitment in trustee 1's file."""
    path = hall.round1 / "round1-1.json"
    raw = json.loads(path.read_text())
    other = json.loads((hall.round1 / "round1-2.json").read_text())
    raw["commitments"][1] = other["commitments"][1]
    path.write_text(json.dumps(raw))
    refused = hall.run("shares", "--key", hall.key(3), "--in", hall.round1, "--out", hall.round2, ok=False)
    assert "trustee 1: the signature on its commitments does not match" in refused.output


def test_a_missing_trustee_stops_the_round(hall: Hall) -> None:
    (hall.round1 / "round1-2.json").unlink()
    refused = hall.run("shares", "--key", hall.key(1), "--in", hall.round1, "--out", hall.round2, ok=False)
    assert "trustee 2: need exactly one commitments file" in refused.output


def test_a_share_routed_to_the_wrong_trustee_is_complained_about(hall: Hall) -> None:
    """Threat: the router hands trustee 3 the share trustee 1 made for trustee 2, renamed."""
    hall.shares()
    (hall.round2 / "share-1-to-2.json").replace(hall.round2 / "share-1-to-3.json")
    refused = hall.finish(3, ok=False)
    assert "trustee 1 sent a bad share (context)" in refused.output


def test_a_wrong_passphrase_opens_nothing_and_says_whose_file(hall: Hall) -> None:
    wrong = hall.root / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    result = CliRunner().invoke(
        admin,
        ["trustee", "shares", "--key", str(hall.key(2)), "--in", str(hall.round1), "--out", str(hall.round2),
         "--passphrase-file", str(wrong)],
    )  # fmt: skip
    assert result.exit_code == 1 and "trustee 2's key file does not open" in result.output
    assert not hall.round2.exists()


def test_keygen_asks_the_passphrase_twice_without_echo_and_refuses_a_mismatch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["first passphrase", "second passphrase"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    result = CliRunner().invoke(
        admin,
        ["trustee", "keygen", "--manifest", str(SMALL_ELECTION), "--trustees", "3", "--threshold", "2",
         "--trustee", "1", "--key", str(tmp_path / "t.key"), "--out", str(tmp_path / "out")],
    )  # fmt: skip
    assert result.exit_code == 1 and "the two passphrases differ" in result.output
    assert not (tmp_path / "t.key").exists() and not (tmp_path / "out").exists()


def test_the_joint_secret_is_never_computed_by_any_step(hall: Hall, monkeypatch: pytest.MonkeyPatch) -> None:
    """Threat: an implementation that, somewhere in finish, decrypt or combine, forms s = P(0) (a
    'recover the key' shortcut, as the dealer tally of today does). Every scalar the group code makes
    while the trustees finish, decrypt and combine is recorded: s is never among them."""
    hall.shares()
    secret = joint_secret([hall.key(i) for i in range(1, N + 1)])
    seen: set[int] = set()
    real_scalar, real_init = group._scalar, group.Scalar.__init__

    def recording_scalar(value: int) -> Scalar:
        seen.add(value)
        return real_scalar(value)

    def recording_init(self: Scalar, value: int) -> None:
        seen.add(value)
        real_init(self, value)

    with monkeypatch.context() as recording:
        recording.setattr(group, "_scalar", recording_scalar)
        recording.setattr(group.Scalar, "__init__", recording_init)
        for i in range(1, N + 1):
            hall.finish(i)
        ceremony = hall.root / "round3-1" / "ceremony.json"
        keys = check_ceremony(load_ceremony(ceremony.read_bytes()))
        request = hall.root / "request.json"
        request.write_text(make_request(keys.h_e, {"q": encrypt(keys.key, 1, Nonce.random())}))
        for i in (1, 3):
            hall.run(
                "decrypt",
                "--key",
                hall.key(i),
                "--ceremony",
                ceremony,
                "--request",
                request,
                "--out",
                hall.root,
            )
        result = CliRunner().invoke(
            admin,
            ["trustee", "combine", "--ceremony", str(ceremony), "--request", str(request), "--bound", "1",
             "--partial", str(hall.root / "partial-1.json"), "--partial", str(hall.root / "partial-3.json")],
        )  # fmt: skip
    assert json.loads(result.output) == {"q": 1}
    for i in range(1, N + 1):  # the recorder does see sums of shares: each trustee's P(ℓ) is there
        share = read_key_file(hall.key(i))
        assert isinstance(share, ShareFile)
        assert int.from_bytes(open_share(share, PASSPHRASE)[:32], "little") in seen
    assert secret not in seen
    assert GENERATOR ** Scalar(secret) == keys.key  # and s is indeed the key's secret


def test_a_renamed_commitments_file_is_refused(hall: Hall) -> None:
    """Threat: the router renames trustee 2's file as trustee 3's (and drops 3's) to seat 2 twice."""
    (hall.round1 / "round1-2.json").replace(hall.round1 / "round1-3.json")
    refused = hall.run("shares", "--key", hall.key(1), "--in", hall.round1, "--out", hall.round2, ok=False)
    assert "round1-3.json holds trustee 2's commitments" in refused.output


def _finished(hall: Hall) -> Path:
    hall.shares()
    for i in range(1, N + 1):
        hall.finish(i)
    return hall.root / "round3-1" / "ceremony.json"


def test_a_partial_decryption_altered_after_signing_is_refused_naming_its_trustee(hall: Hall) -> None:
    """Threat: the administrator, carrying trustee 2's answer, changes one M_ℓ to shift a count."""
    ceremony = _finished(hall)
    keys = check_ceremony(load_ceremony(ceremony.read_bytes()))
    request = hall.root / "request.json"
    request.write_text(make_request(keys.h_e, {"q": encrypt(keys.key, 1, Nonce.random())}))
    for i in (1, 2):
        hall.run(
            "decrypt", "--key", hall.key(i), "--ceremony", ceremony, "--request", request, "--out", hall.root
        )
    answer = json.loads((hall.root / "partial-2.json").read_text())
    answer["partials"][0]["M"] = answer["partials"][0]["c"][:42] + "A"  # any other value
    (hall.root / "partial-2.json").write_text(json.dumps(answer))
    result = CliRunner().invoke(
        admin,
        ["trustee", "combine", "--ceremony", str(ceremony), "--request", str(request), "--bound", "1",
         "--partial", str(hall.root / "partial-1.json"), "--partial", str(hall.root / "partial-2.json")],
    )  # fmt: skip
    assert result.exit_code == 1 and "trustee 2" in result.output


def test_a_trustee_refuses_a_request_of_another_ceremony(hall: Hall) -> None:
    """Threat: a request made for another election (another H_E) is slipped to a trustee of this one,
    to have it decrypt ciphertexts under a key it shares with nobody here."""
    ceremony = _finished(hall)
    request = hall.root / "request.json"
    keys = check_ceremony(load_ceremony(ceremony.read_bytes()))
    request.write_text(make_request(Digest(bytes(32)), {"q": encrypt(keys.key, 1, Nonce.random())}))
    refused = hall.run(
        "decrypt",
        "--key",
        hall.key(1),
        "--ceremony",
        ceremony,
        "--request",
        request,
        "--out",
        hall.root,
        ok=False,
    )
    assert "another election or ceremony" in refused.output
    assert not (hall.root / "partial-1.json").exists()


def test_a_reveal_made_for_another_trustee_does_not_answer_this_complaint(hall: Hall) -> None:
    """Threat: trustee 2 cheats trustee 1 and trustee 3, answers only trustee 1's complaint, and the
    router copies that answer under trustee 3's name (it is signed by 2, but for another point)."""
    hall.shares()
    _cheat_share(hall, 2, 1, Scalar(11))
    _cheat_share(hall, 2, 3, Scalar(33))
    hall.finish(1, ok=False)
    hall.finish(3, ok=False)
    answers = hall.root / "answers"
    hall.run(
        "shares", "--key", hall.key(2), "--in", hall.round1, "--out", answers,
        "--answer", hall.root / "round3-1" / "complaint-1-against-2.json",
    )  # fmt: skip
    (answers / "reveal-2-to-3.json").write_bytes((answers / "reveal-2-to-1.json").read_bytes())
    refused = hall.finish(3, hall.root / "round3-1", hall.root / "round3-3", answers, ok=False)
    assert "trustee 2: its revealed share is not the one for trustee 3" in refused.output
