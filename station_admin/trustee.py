"""A trustee's steps of the key ceremony on their own laptop, with files as messages.

docs/e2e-trustees.md §3–§6. The administrator only carries files between trustees (USB sticks): every
message is signed and checked here, each trustee's secrets stay in its key file (Argon2id + AES-GCM),
and nothing here ever holds the election's secret key: a trustee ends with one point P(ℓ) of the joint
polynomial, which is the sum of the shares it received, never of the polynomials' constant terms.
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
from kiosk.ballot.crypto.base_hashes import base_hash, commitments_hash, manifest_hash, parameters_hash
from kiosk.ballot.crypto.ceremony_record import build_ceremony, ceremony_text, check_ceremony
from kiosk.ballot.crypto.group import GENERATOR, Point, Scalar
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.crypto.key_ceremony import CeremonyRuleError, Polynomial, check_sizes, prove_coefficient
from kiosk.ballot.crypto.trustee_vault import (
    StateFile,
    VaultError,
    open_state,
    seal_share,
    seal_state,
    write_key_file,
)
from station_admin.trustee_files import TrusteeError, found, key_file, read, write

Resolved = dict[tuple[int, int], tuple[msg.ComplaintReason, bytes]]  # (by, against) -> reason, reveal


@dataclass(frozen=True)
class Seat:
    """Who this trustee is in the ceremony: its number among n, the threshold k, its name."""

    n: int
    k: int
    trustee: int
    name: str


@dataclass(frozen=True)
class Secrets:
    identity: Ed25519PrivateKey
    transport: X25519PrivateKey
    polynomial: Polynomial


@dataclass(frozen=True)
class Finished:
    ceremony: Path | None = None
    complaints: list[msg.Complaint] = field(default_factory=list)


@dataclass(frozen=True)
class _Context:
    """One trustee's view of round 1, checked: who sent what, and H_C over it."""

    state: StateFile
    secrets: Secrets
    round1: list[msg.Round1]
    commitments: dict[int, list[Point]]
    h_c: Digest

    @property
    def h_b(self) -> Digest:
        return Digest(self.state.H_B)


def fingerprint(identity_key: bytes) -> str:
    digest = hashlib.sha256(identity_key).hexdigest()[:20]
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def _seed(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def keygen(manifest: Path, seat: Seat, key_path: Path, out: Path, passphrase: str) -> str:
    """Round 1: the trustee's polynomial and keys sealed in key_path; round1-<i>.json written."""
    n, k, i = seat.n, seat.k, seat.trustee
    try:
        check_sizes(n, k)
    except CeremonyRuleError as exc:
        raise TrusteeError(str(exc)) from None
    if not 1 <= i <= n:
        raise TrusteeError(f"the trustee number must be between 1 and {n}")
    if key_path.exists():
        raise TrusteeError(f"{key_path} exists: a trustee makes one key per ceremony; choose a new file")
    h_p = parameters_hash()
    h_m = manifest_hash(h_p, read(manifest))
    h_b = base_hash(h_p, h_m, n, k)
    identity, transport = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    polynomial = Polynomial.random(k)
    proofs = [prove_coefficient(h_b, i, j, a) for j, a in enumerate(polynomial.coefficients)]
    round1 = msg.Round1(
        H_M=h_m, H_B=h_b, n=n, k=k, trustee=i, name=seat.name or f"Trustee {i}",
        identity_key=msg.raw_public(identity), transport_key=msg.raw_public(transport),
        commitments=[c.encode() for c in polynomial.commitments()],
        proofs=[(p.c.encode(), p.v.encode()) for p in proofs],
    )  # fmt: skip
    round1 = msg.signed(round1, msg.round1_bytes(round1), identity)
    secret = _seed(identity) + _seed(transport) + b"".join(a.encode() for a in polynomial.coefficients)
    header = round1.model_dump(include={"H_B", "trustee", "n", "k", "identity_key", "transport_key"})
    try:
        state = seal_state(header, secret, passphrase)
    except VaultError as exc:
        raise TrusteeError(str(exc)) from None
    write_key_file(key_path, state)
    write(out / f"round1-{i}.json", msg.dump(round1))
    return fingerprint(round1.identity_key)


def _context(key_path: Path, folders: Sequence[Path], passphrase: str) -> _Context:
    state = key_file(key_path)
    if not isinstance(state, StateFile):
        raise TrusteeError(f"{key_path} holds a finished share: this trustee's ceremony is over")
    try:
        plain = open_state(state, passphrase)
    except VaultError as exc:
        raise TrusteeError(str(exc)) from None
    coefficients = tuple(Scalar.decode(plain[i : i + 32]) for i in range(64, len(plain), 32))
    secrets = Secrets(
        Ed25519PrivateKey.from_private_bytes(plain[:32]),
        X25519PrivateKey.from_private_bytes(plain[32:64]),
        Polynomial(coefficients),
    )
    try:
        round1 = [_round1_file(name, data) for name, data in found(folders, "round1-*.json").items()]
        commitments = msg.check_round1_set(round1, Digest(state.H_B), state.n, state.k)
    except msg.CeremonyMessageError as exc:
        raise TrusteeError(f"refused: {exc}") from None
    mine = commitments[state.trustee]
    if mine != secrets.polynomial.commitments():
        raise TrusteeError(f"refused: round1-{state.trustee}.json is not the one this key file wrote")
    rows = [commitments[i] for i in sorted(commitments)]
    h_c = commitments_hash(Digest(state.H_B), rows, state.k)
    return _Context(state, secrets, sorted(round1, key=lambda m: m.trustee), commitments, h_c)


def _round1_file(name: str, data: bytes) -> msg.Round1:
    number = name.removeprefix("round1-").removesuffix(".json")
    sender = int(number) if number.isdigit() else 0
    read_back = msg.load(msg.Round1, data, sender)
    if read_back.trustee != sender:  # a renamed file: whose commitments are these?
        raise msg.CeremonyMessageError(sender, f"{name} holds trustee {read_back.trustee}'s commitments")
    return read_back


def shares(key_path: Path, folders: Sequence[Path], out: Path, passphrase: str) -> dict[int, str]:
    """Round 2: checks every trustee's commitments, then writes share-<i>-to-<ℓ>.json for each other ℓ.

    Returns each trustee's identity fingerprint, for reading aloud."""
    ctx = _context(key_path, folders, passphrase)
    i = ctx.state.trustee
    for other in ctx.round1:
        if other.trustee != i:
            value = ctx.secrets.polynomial.at(other.trustee)
            sent = msg.seal_share(
                ctx.h_b, ctx.h_c, i, other.trustee, value, other.transport_key, ctx.secrets.identity
            )
            write(out / f"share-{i}-to-{other.trustee}.json", msg.dump(sent))
    return {m.trustee: fingerprint(m.identity_key) for m in ctx.round1}


def answer(key_path: Path, complaint_path: Path, folders: Sequence[Path], out: Path, passphrase: str) -> Path:
    """The accused's answer to a complaint: the share it sent, in clear, signed (reveal-<i>-to-<ℓ>.json)."""
    ctx = _context(key_path, folders, passphrase)
    me = ctx.state.trustee
    try:
        filed = msg.load(msg.Complaint, read(complaint_path))
    except msg.CeremonyMessageError as exc:
        raise TrusteeError(f"{complaint_path}: {exc}") from None
    accuser = next((m for m in ctx.round1 if m.trustee == filed.by), None)
    if (
        filed.against != me
        or ctx.h_c != filed.H_C
        or accuser is None
        or not msg.signature_holds(accuser.identity_key, msg.complaint_bytes(filed), filed.signature)
    ):
        raise TrusteeError(f"{complaint_path} is not a signed complaint against trustee {me} here")
    value = ctx.secrets.polynomial.at(filed.by)
    path = out / f"reveal-{me}-to-{filed.by}.json"
    write(path, msg.dump(msg.reveal(ctx.h_c, me, filed.by, value, ctx.secrets.identity)))
    return path


def finish(key_path: Path, folders: Sequence[Path], out: Path, passphrase: str) -> Finished:
    """Round 3: checks every share sent to this trustee. On a bad one writes a complaint naming its
    sender (and nothing else); otherwise writes ceremony.json and accept-<ℓ>.json and replaces the
    key file by the share P(ℓ)."""
    ctx = _context(key_path, folders, passphrase)
    ell = ctx.state.trustee
    received = found(folders, f"share-*-to-{ell}.json")
    resolved = _resolved_complaints(ctx, folders)
    values, complaints = [ctx.secrets.polynomial.at(ell)], []
    for sender in ctx.round1:
        if sender.trustee == ell:
            continue
        value = _share_from(ctx, sender, received.get(f"share-{sender.trustee}-to-{ell}.json"))
        if isinstance(value, Scalar):
            values.append(value)
        elif (ell, sender.trustee) in resolved:  # it answered our complaint with a share that checks
            values.append(Scalar.decode(resolved[(ell, sender.trustee)][1]))
        else:
            complaints.append(msg.complaint(ctx.h_c, ell, sender.trustee, value, ctx.secrets.identity))
    if complaints:
        for filed in complaints:
            write(out / f"complaint-{ell}-against-{filed.against}.json", msg.dump(filed))
        return Finished(complaints=complaints)
    return Finished(ceremony=_close(ctx, resolved, values, key_path, out, passphrase))


def _share_from(ctx: _Context, sender: msg.Round1, data: bytes | None) -> Scalar | msg.ComplaintReason:
    try:
        sent = None if data is None else msg.load(msg.ShareMessage, data, sender.trustee)
    except msg.CeremonyMessageError:
        return "undecryptable"
    return msg.open_share(
        sent, ctx.h_b, ctx.h_c, ctx.state.trustee, ctx.secrets.transport, sender,
        ctx.commitments[sender.trustee],
    )  # fmt: skip


def _resolved_complaints(ctx: _Context, folders: Sequence[Path]) -> Resolved:
    """Every complaint of this ceremony with its accused's answer. An unanswered one, or a reveal that
    fails Feldman, stops the ceremony naming the accused."""
    by_number = {m.trustee: m for m in ctx.round1}
    reveals = found(folders, "reveal-*-to-*.json")
    resolved: Resolved = {}
    for name, data in found(folders, "complaint-*-against-*.json").items():
        try:
            filed = msg.load(msg.Complaint, data)
        except msg.CeremonyMessageError as exc:
            raise TrusteeError(f"{name}: {exc}") from None
        accuser, accused = by_number.get(filed.by), by_number.get(filed.against)
        if ctx.h_c != filed.H_C or accuser is None or accused is None:
            continue  # a complaint from an earlier, restarted ceremony
        if not msg.signature_holds(accuser.identity_key, msg.complaint_bytes(filed), filed.signature):
            raise TrusteeError(f"{name} is not signed by trustee {filed.by}")
        given = reveals.get(f"reveal-{filed.against}-to-{filed.by}.json")
        if given is None:
            raise TrusteeError(
                f"trustee {filed.by} complains that trustee {filed.against} sent a bad share "
                f"({filed.reason}); trustee {filed.against} must answer (`trustee shares --answer`) "
                "or the ceremony restarts without it"
            )
        try:
            revealed = msg.load(msg.Reveal, given, filed.against)
            msg.check_reveal(revealed, ctx.h_c, accused, filed.by, ctx.commitments[filed.against])
        except msg.CeremonyMessageError as exc:
            raise TrusteeError(f"refused: {exc}") from None
        resolved[(filed.by, filed.against)] = (filed.reason, revealed.value)
    return resolved


def _close(
    ctx: _Context, resolved: Resolved, values: Sequence[Scalar], key_path: Path, out: Path, passphrase: str
) -> Path:
    share = Scalar(0)
    for value in values:  # P(ℓ) = Σ_i P_i(ℓ): a point of the joint polynomial, not its constant term
        share = share + value
    ceremony = build_ceremony(ctx.round1, resolved)
    keys = check_ceremony(ceremony)
    ell = ctx.state.trustee
    k_l = keys.verification_key(ell)
    if GENERATOR**share != k_l:  # cannot happen once every Feldman check passed; a bug if it does
        raise TrusteeError("the sum of the shares does not match this trustee's verification key")
    text = ceremony_text(ceremony)
    accepted = msg.Accept(
        H_E=ceremony.h_e,
        trustee=ell,
        K_l=k_l.encode(),
        ceremony_sha256=hashlib.sha256(text.encode()).digest(),
    )
    accepted = msg.signed(accepted, msg.accept_bytes(accepted), ctx.secrets.identity)
    header = {
        "H_E": ceremony.h_e, "trustee": ell, "n": ctx.state.n, "k": ctx.state.k,
        "identity_key": ctx.state.identity_key,
    }  # fmt: skip
    sealed = seal_share(header, share.encode() + _seed(ctx.secrets.identity), passphrase)
    write(out / "ceremony.json", text)
    write(out / f"accept-{ell}.json", msg.dump(accepted))
    write_key_file(key_path, sealed)  # over the state: the polynomial and the transport key are gone
    return out / "ceremony.json"
