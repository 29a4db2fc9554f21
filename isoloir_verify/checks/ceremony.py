"""V3: the key ceremony (docs/e2e-spec.md §4, §8.1; docs/e2e-trustees.md §2, §3, §5 "V3")."""

from __future__ import annotations

from typing import Final

from isoloir_verify.group import IDENTITY, Element, Q, add, base_mul, mul, product
from isoloir_verify.hashing import H, Hq, enc_element, enc_hash, enc_int, enc_scalar, enc_str
from isoloir_verify.record.ceremony import (
    COMMITMENTS_FORMAT,
    COMPLAINT_FORMAT,
    REVEAL_FORMAT,
    CeremonyView,
    Complaint,
    Trustee,
)
from isoloir_verify.report import CheckResult
from isoloir_verify.signatures import ed25519_valid

TAG_SCHNORR: Final = 0x10
TAG_H_C: Final = 0x11
TAG_H_E: Final = 0x12
# Trustee numbers are evaluation points 1..n, n ≤ 255 (trustees document §2).
MAX_TRUSTEES: Final = 255
MODES: Final = ("dkg", "dealer")


def schnorr_valid(h_b: bytes, i: int, j: int, commitment: Element, c: int, v: int) -> bool:
    """c = Hq(H_B; 0x10, i, j, K_ij, g^v · K_ij^c); c, v < q hold by type."""
    h = add(base_mul(v), mul(commitment, c))
    return c == Hq(h_b, TAG_SCHNORR, enc_int(i), enc_int(j), enc_element(commitment), enc_element(h))


def round1_signed_bytes(h_b: bytes, n: int, k: int, t: Trustee) -> bytes:
    parts = [enc_str(COMMITMENTS_FORMAT), enc_hash(h_b), enc_int(n), enc_int(k), enc_int(t.index)]
    parts += [t.identity_key, t.transport_key]
    parts += [enc_element(c) for c in t.commitments]
    parts += [enc_scalar(c) + enc_scalar(v) for c, v in t.proofs]
    return b"".join(parts)


def feldman_value(commitments: list[Element], at: int) -> Element:
    """∏_j K_j^(at^j mod q): g^P(at) for the polynomial the commitments stand for."""
    return product([mul(c, pow(at, j, Q)) for j, c in enumerate(commitments)])


def h_c(h_b: bytes, commitments: list[list[Element]]) -> bytes:
    return H(h_b, TAG_H_C, *(enc_element(c) for row in commitments for c in row))


def h_e(h_b: bytes, key: Element, h_c_value: bytes) -> bytes:
    return H(h_b, TAG_H_E, enc_element(key), enc_hash(h_c_value))


def check_ceremony(ceremony: CeremonyView, expected_h_b: bytes | None) -> CheckResult:
    result = CheckResult("V3")
    if not _check_shape(ceremony, expected_h_b, result):
        return result
    for trustee in ceremony.trustees:
        _check_trustee(ceremony, trustee, result)
    by_number = {t.index: t for t in ceremony.trustees}
    for complaint in ceremony.complaints:
        _check_complaint(ceremony, by_number, complaint, result)
    _check_derived(ceremony, result)
    return result


def _check_shape(ceremony: CeremonyView, expected_h_b: bytes | None, result: CheckResult) -> bool:
    result.count()
    n, k = ceremony.n, ceremony.k
    if ceremony.mode not in MODES:
        result.fail(f"ceremony mode {ceremony.mode!r} is neither 'dkg' nor 'dealer'")
        return False
    if not 1 <= k <= n <= MAX_TRUSTEES:
        result.fail(f"n = {n}, k = {k}: need 1 ≤ k ≤ n ≤ {MAX_TRUSTEES}")
        return False
    numbers = [t.index for t in ceremony.trustees]
    if numbers != list(range(1, n + 1)):
        result.fail(f"trustees numbered {numbers}, not exactly 1..{n} in order")
        return False
    if expected_h_b is not None and ceremony.h_b != expected_h_b:
        result.fail("ceremony H_B differs from the H_B recomputed from parameters and manifest (V2)")
    return True


def _check_trustee(ceremony: CeremonyView, t: Trustee, result: CheckResult) -> None:
    result.count()
    i, k = t.index, ceremony.k
    if len(t.commitments) != k or len(t.proofs) != k:
        result.fail(f"trustee {i}: {len(t.commitments)} commitments and {len(t.proofs)} proofs, not k = {k}")
        return
    for j, (commitment, (c, v)) in enumerate(zip(t.commitments, t.proofs, strict=True)):
        if commitment == IDENTITY:
            result.fail(f"trustee {i}: commitment K_{i},{j} is the identity")
        elif not schnorr_valid(ceremony.h_b, i, j, commitment, c, v):
            result.fail(f"trustee {i}: Schnorr proof of a_{i},{j} fails")
    if t.signature is not None:
        signed = round1_signed_bytes(ceremony.h_b, ceremony.n, k, t)
        if not ed25519_valid(t.identity_key, signed, t.signature):
            result.fail(f"trustee {i}: round-1 signature fails")


def _check_complaint(
    ceremony: CeremonyView, by_number: dict[int, Trustee], complaint: Complaint, result: CheckResult
) -> None:
    result.count()
    accuser, accused = by_number.get(complaint.by), by_number.get(complaint.against)
    who = f"complaint by {complaint.by} against {complaint.against}"
    if accuser is None or accused is None or complaint.by == complaint.against:
        result.fail(f"{who}: not two distinct trustees")
        return
    signed = enc_str(COMPLAINT_FORMAT) + enc_hash(ceremony.h_c) + enc_int(complaint.by)
    signed += enc_int(complaint.against) + enc_str(complaint.reason)
    if not ed25519_valid(accuser.identity_key, signed, complaint.complaint_signature):
        result.fail(f"{who}: complaint signature fails")
    revealed = enc_str(REVEAL_FORMAT) + enc_hash(ceremony.h_c) + enc_int(complaint.against)
    revealed += enc_int(complaint.by) + enc_scalar(complaint.reveal)
    if not ed25519_valid(accused.identity_key, revealed, complaint.reveal_signature):
        result.fail(f"{who}: reveal signature fails")
    if base_mul(complaint.reveal) != feldman_value(accused.commitments, complaint.by):
        result.fail(f"{who}: the revealed share fails the Feldman check")


def _check_derived(ceremony: CeremonyView, result: CheckResult) -> None:
    result.count()
    if any(len(t.commitments) != ceremony.k for t in ceremony.trustees):
        return  # already failed per trustee; H_C over a malformed list means nothing
    key = product([t.commitments[0] for t in ceremony.trustees])
    if h_c(ceremony.h_b, ceremony.commitments()) != ceremony.h_c:
        result.fail("H_C recomputed from the commitments differs from the file's")
    if key != ceremony.key:
        result.fail("K = ∏ K_i,0 differs from the file's election key")
    if ceremony.key == IDENTITY:
        result.fail("the election key K is the identity")
    if h_e(ceremony.h_b, ceremony.key, ceremony.h_c) != ceremony.h_e:
        result.fail("H_E = H(H_B; 0x12, K, H_C) differs from the file's")
