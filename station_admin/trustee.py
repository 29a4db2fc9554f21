"""A trustee's steps of the key ceremony and of decryption, on their own laptop, with files as messages.

docs/e2e-trustees.md. The administrator only carries files between trustees (USB sticks): every
message is signed and checked here, each trustee's secrets stay in its key file (Argon2id + AES-GCM),
and nothing in this module ever holds the election's secret key: a trustee holds one point P(ℓ) of
the joint polynomial, and decryptions meet only as group elements.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kiosk.ballot.crypto import ceremony_messages as msg
from kiosk.ballot.crypto._interim_group import Point, Scalar, base_hash_b
from kiosk.ballot.crypto.ceremony_record import (
    CeremonyKeys,
    CeremonyRecordError,
    build_ceremony,
    ceremony_text,
    check_ceremony,
    load_ceremony,
)
from kiosk.ballot.crypto.decryption import DecryptionRefused
from kiosk.ballot.crypto.decryption_messages import answer_request, decrypt_counts
from kiosk.ballot.crypto.key_ceremony import (
    CeremonyRuleError,
    Polynomial,
    check_sizes,
    hash_c,
    prove_coefficient,
)
from kiosk.ballot.crypto.trustee_vault import (
    ShareFile,
    StateFile,
    VaultError,
    open_share,
    open_state,
    read_key_file,
    seal_share,
    seal_state,
    write_key_file,
)


class TrusteeError(ValueError):
    """What a trustee reads when a step cannot go ahead; nothing was written."""


@dataclass(frozen=True)
class Secrets:
    identity: Ed25519PrivateKey
    transport: X25519PrivateKey
    polynomial: Polynomial


@dataclass(frozen=True)
class Finished:
    ceremony: Path | None = None
    complaints: list[msg.Complaint] = field(default_factory=list)


def fingerprint(identity_key: bytes) -> str:
    digest = hashlib.sha256(identity_key).hexdigest()[:20]
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def _seed(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


# --- round 1 ------------------------------------------------------------------------------------


def keygen(manifest: Path, n: int, k: int, trustee: int, key_path: Path, out: Path, passphrase: str) -> str:
    """Makes trustee's polynomial and keys, seals them in key_path, writes round1-<trustee>.json."""
    try:
        check_sizes(n, k)
    except CeremonyRuleError as exc:
        raise TrusteeError(str(exc)) from None
    if not 1 <= trustee <= n:
        raise TrusteeError(f"the trustee number must be between 1 and {n}")
    if key_path.exists():
        raise TrusteeError(f"{key_path} exists: a trustee makes one key per ceremony; choose a new file")
    h_b = base_hash_b(_read(manifest), n, k)
    identity, transport = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    polynomial = Polynomial.random(k)
    proofs = [prove_coefficient(h_b, trustee, j, a) for j, a in enumerate(polynomial.coefficients)]
    round1 = msg.Round1(
        H_B=h_b,
        n=n,
        k=k,
        trustee=trustee,
        identity_key=msg.raw_public(identity),
        transport_key=msg.raw_public(transport),
        commitments=[c.to_bytes() for c in polynomial.commitments()],
        proofs=[(p.c.to_bytes(), p.v.to_bytes()) for p in proofs],
    )
    round1 = msg.signed(round1, msg.round1_bytes(round1), identity)
    secret = _seed(identity) + _seed(transport) + b"".join(a.to_bytes() for a in polynomial.coefficients)
    header = round1.model_dump(include={"H_B", "trustee", "n", "k", "identity_key", "transport_key"})
    try:
        state = seal_state(header, secret, passphrase)
    except VaultError as exc:
        raise TrusteeError(str(exc)) from None
    write_key_file(key_path, state)
    _write(out / f"round1-{trustee}.json", msg.dump(round1))
    return fingerprint(round1.identity_key)


# --- reading what the sticks brought --------------------------------------------------------------


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TrusteeError(f"cannot read {path}: {exc.strerror}") from None


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _found(folders: Sequence[Path], pattern: str) -> dict[str, bytes]:
    """Files matching pattern in any folder, by name; the same name with other bytes is refused."""
    found: dict[str, bytes] = {}
    for folder in folders:
        for path in sorted(folder.glob(pattern)):
            data = _read(path)
            if found.setdefault(path.name, data) != data:
                raise TrusteeError(f"two different files are named {path.name}: keep one")
    return found


def _state(key_path: Path, passphrase: str) -> tuple[StateFile, Secrets]:
    state = _key_file(key_path)
    if not isinstance(state, StateFile):
        raise TrusteeError(f"{key_path} holds a finished share: this trustee's ceremony is over")
    try:
        plain = open_state(state, passphrase)
    except VaultError as exc:
        raise TrusteeError(str(exc)) from None
    coefficients = tuple(Scalar.from_bytes(plain[i : i + 32]) for i in range(64, len(plain), 32))
    secrets = Secrets(
        Ed25519PrivateKey.from_private_bytes(plain[:32]),
        X25519PrivateKey.from_private_bytes(plain[32:64]),
        Polynomial(coefficients),
    )
    return state, secrets


def _key_file(key_path: Path) -> StateFile | ShareFile:
    try:
        return read_key_file(key_path)
    except VaultError as exc:
        raise TrusteeError(str(exc)) from None


def _round1_set(state: StateFile, secrets: Secrets, folders: Sequence[Path]) -> list[msg.Round1]:
    files = _found(folders, "round1-*.json")
    try:
        round1 = [msg.load(msg.Round1, data) for data in files.values()]
        msg.check_round1_set(round1, state.H_B, state.n, state.k)
    except msg.CeremonyMessageError as exc:
        raise TrusteeError(f"refused: {exc}") from None
    mine = next(m for m in round1 if m.trustee == state.trustee)
    if mine.commitments != [c.to_bytes() for c in secrets.polynomial.commitments()]:
        raise TrusteeError(f"refused: round1-{state.trustee}.json is not the one this key file wrote")
    return sorted(round1, key=lambda m: m.trustee)


def _commitments(round1: Sequence[msg.Round1]) -> dict[int, list[Point]]:
    return {m.trustee: [Point.from_bytes(c) for c in m.commitments] for m in round1}


# --- round 2 ------------------------------------------------------------------------------------


def shares(key_path: Path, folders: Sequence[Path], out: Path, passphrase: str) -> dict[int, str]:
    """Checks every trustee's commitments, then writes share-<i>-to-<ℓ>.json for every other ℓ.

    Returns each trustee's identity fingerprint, for reading aloud."""
    state, secrets = _state(key_path, passphrase)
    round1 = _round1_set(state, secrets, folders)
    h_c = hash_c(state.H_B, _commitments(round1))
    i = state.trustee
    for other in round1:
        if other.trustee != i:
            value = secrets.polynomial.at(other.trustee)
            sent = msg.seal_share(
                state.H_B, h_c, i, other.trustee, value, other.transport_key, secrets.identity
            )
            _write(out / f"share-{i}-to-{other.trustee}.json", msg.dump(sent))
    return {m.trustee: fingerprint(m.identity_key) for m in round1}


def answer(key_path: Path, complaint_path: Path, folders: Sequence[Path], out: Path, passphrase: str) -> Path:
    """The accused's answer to a complaint: the share it sent, in clear, signed (reveal-<i>-to-<ℓ>.json)."""
    state, secrets = _state(key_path, passphrase)
    round1 = _round1_set(state, secrets, folders)
    h_c = hash_c(state.H_B, _commitments(round1))
    try:
        filed = msg.load(msg.Complaint, _read(complaint_path))
    except msg.CeremonyMessageError as exc:
        raise TrusteeError(f"{complaint_path}: {exc}") from None
    accuser = next((m for m in round1 if m.trustee == filed.by), None)
    if (
        filed.against != state.trustee
        or h_c != filed.H_C
        or accuser is None
        or not msg.signature_holds(accuser.identity_key, msg.complaint_bytes(filed), filed.signature)
    ):
        raise TrusteeError(f"{complaint_path} is not a signed complaint against trustee {state.trustee} here")
    value = secrets.polynomial.at(filed.by)
    path = out / f"reveal-{state.trustee}-to-{filed.by}.json"
    _write(path, msg.dump(msg.reveal(h_c, state.trustee, filed.by, value, secrets.identity)))
    return path


# --- round 3 ------------------------------------------------------------------------------------


def finish(key_path: Path, folders: Sequence[Path], out: Path, passphrase: str) -> Finished:
    """Checks every share sent to this trustee; on a bad one writes a complaint (and nothing else);
    otherwise writes ceremony.json and accept-<ℓ>.json and replaces the key file by the share P(ℓ)."""
    state, secrets = _state(key_path, passphrase)
    round1 = _round1_set(state, secrets, folders)
    commitments = _commitments(round1)
    h_c, ell = hash_c(state.H_B, commitments), state.trustee
    received = _found(folders, f"share-*-to-{ell}.json")
    resolved = _resolved_complaints(folders, h_c, round1, commitments)
    values, complaints = [secrets.polynomial.at(ell)], []
    for sender in round1:
        if sender.trustee == ell:
            continue
        value = _share_from(sender, received, h_c, state, secrets, commitments)
        if not isinstance(value, Scalar):
            revealed = resolved.get((ell, sender.trustee))
            if revealed is None:
                complaints.append(msg.complaint(h_c, ell, sender.trustee, value, secrets.identity))
                continue
            value = Scalar.from_bytes(revealed[1].value)
        values.append(value)
    if complaints:
        for filed in complaints:
            _write(out / f"complaint-{ell}-against-{filed.against}.json", msg.dump(filed))
        return Finished(complaints=complaints)
    return Finished(
        ceremony=_close(state, secrets, round1, list(resolved.values()), values, key_path, out, passphrase)
    )


def _share_from(
    sender: msg.Round1,
    received: dict[str, bytes],
    h_c: bytes,
    state: StateFile,
    secrets: Secrets,
    commitments: dict[int, list[Point]],
) -> Scalar | msg.ComplaintReason:
    data = received.get(f"share-{sender.trustee}-to-{state.trustee}.json")
    try:
        sent = None if data is None else msg.load(msg.ShareMessage, data, sender.trustee)
    except msg.CeremonyMessageError:
        return "undecryptable"
    return msg.open_share(
        sent, state.H_B, h_c, state.trustee, secrets.transport, sender, commitments[sender.trustee]
    )


def _resolved_complaints(
    folders: Sequence[Path], h_c: bytes, round1: Sequence[msg.Round1], commitments: dict[int, list[Point]]
) -> dict[tuple[int, int], tuple[msg.Complaint, msg.Reveal]]:
    """Every complaint of this ceremony with its accused's answer; an unanswered one, or a reveal that
    fails Feldman, stops the ceremony naming the accused."""
    by_number = {m.trustee: m for m in round1}
    reveals = _found(folders, "reveal-*-to-*.json")
    resolved = {}
    for name, data in _found(folders, "complaint-*-against-*.json").items():
        try:
            filed = msg.load(msg.Complaint, data)
        except msg.CeremonyMessageError as exc:
            raise TrusteeError(f"{name}: {exc}") from None
        accuser, accused = by_number.get(filed.by), by_number.get(filed.against)
        if h_c != filed.H_C or accuser is None or accused is None:
            continue  # a complaint from an earlier, restarted ceremony
        if not msg.signature_holds(accuser.identity_key, msg.complaint_bytes(filed), filed.signature):
            raise TrusteeError(f"{name} is not signed by trustee {filed.by}")
        answer_data = reveals.get(f"reveal-{filed.against}-to-{filed.by}.json")
        if answer_data is None:
            raise TrusteeError(
                f"trustee {filed.by} complains that trustee {filed.against} sent a bad share "
                f"({filed.reason}); trustee {filed.against} must answer (`trustee shares --answer`) "
                "or the ceremony restarts"
            )
        try:
            given = msg.load(msg.Reveal, answer_data, filed.against)
            msg.check_reveal(given, h_c, accused, commitments[filed.against])
        except msg.CeremonyMessageError as exc:
            raise TrusteeError(f"refused: {exc}") from None
        resolved[(filed.by, filed.against)] = (filed, given)
    return resolved


def _close(
    state: StateFile,
    secrets: Secrets,
    round1: Sequence[msg.Round1],
    resolved: Sequence[tuple[msg.Complaint, msg.Reveal]],
    values: Sequence[Scalar],
    key_path: Path,
    out: Path,
    passphrase: str,
) -> Path:
    total = Scalar(0)
    for value in values:
        total = total + value
    ceremony = build_ceremony(state.H_B, state.n, state.k, round1, resolved)
    keys = check_ceremony(ceremony)
    k_l = keys.verification_key(state.trustee)
    if Point.base(total) != k_l:  # cannot happen after every Feldman check passed; a bug if it does
        raise TrusteeError("the sum of the shares does not match this trustee's verification key")
    text = ceremony_text(ceremony)
    accepted = msg.Accept(
        H_E=ceremony.H_E,
        trustee=state.trustee,
        K_l=k_l.to_bytes(),
        ceremony_sha256=hashlib.sha256(text.encode()).digest(),
    )
    header = {
        "H_E": ceremony.H_E,
        "trustee": state.trustee,
        "n": state.n,
        "k": state.k,
        "identity_key": msg.raw_public(secrets.identity),
    }
    sealed = seal_share(header, total.to_bytes() + _seed(secrets.identity), passphrase)
    _write(out / "ceremony.json", text)
    _write(
        out / f"accept-{state.trustee}.json",
        msg.dump(msg.signed(accepted, msg.accept_bytes(accepted), secrets.identity)),
    )
    write_key_file(key_path, sealed)  # over the state: the polynomial and the transport key are gone
    return out / "ceremony.json"


# --- decryption ---------------------------------------------------------------------------------


def _checked_ceremony(path: Path) -> CeremonyKeys:
    try:
        return check_ceremony(load_ceremony(_read(path)))
    except CeremonyRecordError as exc:
        raise TrusteeError(f"{path}: {exc}") from None


def decrypt(key_path: Path, ceremony_path: Path, request_path: Path, out: Path, passphrase: str) -> Path:
    """This trustee's partial decryption of every requested aggregate, with proofs (partial-<ℓ>.json)."""
    share = _key_file(key_path)
    if not isinstance(share, ShareFile):
        raise TrusteeError(f"{key_path} is a key ceremony in progress: run `trustee finish` first")
    keys = _checked_ceremony(ceremony_path)
    if keys.h_e != share.H_E:
        raise TrusteeError(f"{key_path} is a share of another ceremony than {ceremony_path}")
    try:
        plain = open_share(share, passphrase)
        text = answer_request(
            keys,
            share.trustee,
            Scalar.from_bytes(plain[:32]),
            Ed25519PrivateKey.from_private_bytes(plain[32:]),
            _read(request_path),
        )
    except (VaultError, DecryptionRefused) as exc:
        raise TrusteeError(str(exc)) from None
    path = out / f"partial-{share.trustee}.json"
    _write(path, text)
    return path


def combine(ceremony_path: Path, request_path: Path, answers: Sequence[Path], bound: int) -> dict[str, int]:
    """The counts, from the partial decryptions of at least k trustees; every proof checked."""
    keys = _checked_ceremony(ceremony_path)
    try:
        return decrypt_counts(keys, _read(request_path), [_read(p) for p in answers], bound)
    except DecryptionRefused as exc:
        raise TrusteeError(str(exc)) from None
