"""V3: the key ceremony (docs/e2e-spec.md §4, §8.1; docs/e2e-trustees.md §2, §3, §5 "V3")."""

from __future__ import annotations

from typing import Final

from isoloir_verify.group import IDENTITY, Element, Q, add, base_mul, mul, product
from isoloir_verify.hashing import H, Hq, enc_element, enc_hash, enc_int
from isoloir_verify.record.ceremony import Ceremony, Trustee
from isoloir_verify.report import CheckResult

TAG_SCHNORR: Final = 0x10
TAG_H_C: Final = 0x11
TAG_H_E: Final = 0x12
# Trustee numbers are evaluation points 1..n, n ≤ 255 (trustees document §2).
MAX_TRUSTEES: Final = 255
# The trustees document's V3 accepts only the dealer-free ceremony; a dealer knew the whole key.
VERIFIABLE_MODE: Final = "dkg"


def schnorr_valid(h_b: bytes, i: int, j: int, commitment: Element, c: int, v: int) -> bool:
    """c = Hq(H_B; 0x10, i, j, K_ij, g^v · K_ij^c); c, v < q hold by type."""
    h = add(base_mul(v), mul(commitment, c))
    return c == Hq(h_b, TAG_SCHNORR, enc_int(i), enc_int(j), enc_element(commitment), enc_element(h))


def feldman_value(commitments: list[Element], at: int) -> Element:
    """∏_j K_j^(at^j mod q): g^P(at) for the polynomial the commitments stand for."""
    return product([mul(c, pow(at, j, Q)) for j, c in enumerate(commitments)])


def h_c(h_b: bytes, commitments: list[list[Element]]) -> bytes:
    return H(h_b, TAG_H_C, *(enc_element(c) for row in commitments for c in row))


def h_e(h_b: bytes, key: Element, h_c_value: bytes) -> bytes:
    return H(h_b, TAG_H_E, enc_element(key), enc_hash(h_c_value))


def check_ceremony(ceremony: Ceremony, expected_h_b: bytes | None) -> CheckResult:
    """expected_h_b: V2's H(H_P; 0x02, H_M over manifest.json, n, k), when V2 could compute it."""
    result = CheckResult("V3")
    if not _check_shape(ceremony, expected_h_b, result):
        return result
    for trustee in ceremony.trustees:
        _check_trustee(ceremony, trustee, result)
    _check_derived(ceremony, result)
    return result


def _check_shape(ceremony: Ceremony, expected_h_b: bytes | None, result: CheckResult) -> bool:
    result.count()
    n, k = ceremony.n, ceremony.k
    if ceremony.mode != VERIFIABLE_MODE:
        result.fail(f"ceremony mode {ceremony.mode!r}: only a dealer-free 'dkg' ceremony passes V3")
        return False
    if not 1 <= k <= n <= MAX_TRUSTEES:
        result.fail(f"n = {n}, k = {k}: need 1 ≤ k ≤ n ≤ {MAX_TRUSTEES}")
        return False
    numbers = [t.index for t in ceremony.trustees]
    if numbers != list(range(1, n + 1)):
        result.fail(f"trustees numbered {numbers}, not exactly 1..{n} in order")
        return False
    if expected_h_b is not None and ceremony.h_b != expected_h_b:
        result.fail("h_b differs from H(H_P; 0x02, H_M, n, k) over manifest.json (V2)")
    for field in ("identity_key", "transport_key"):
        keys = [getattr(t, field) for t in ceremony.trustees]
        if len(set(keys)) != len(keys):
            result.fail(f"two trustees share one {field.replace('_', ' ')}")
    return True


def _check_trustee(ceremony: Ceremony, t: Trustee, result: CheckResult) -> None:
    result.count()
    i, k = t.index, ceremony.k
    if len(t.commitments) != k or len(t.proofs) != k:
        result.fail(f"trustee {i}: {len(t.commitments)} commitments and {len(t.proofs)} proofs, not k = {k}")
        return
    for j, (commitment, (c, v)) in enumerate(zip(t.elements, t.proofs, strict=True)):
        if commitment == IDENTITY:
            result.fail(f"trustee {i}: commitment K_{i},{j} is the identity")
        elif not schnorr_valid(ceremony.h_b, i, j, commitment, c, v):
            result.fail(f"trustee {i}: Schnorr proof of a_{i},{j} fails")
    accusers = [complaint.by for complaint in t.complaints]
    if accusers != sorted(set(accusers)) or any(not 1 <= by <= ceremony.n or by == i for by in accusers):
        result.fail(f"trustee {i}: complaints not from distinct other trustees in ascending order")
        return
    for complaint in t.complaints:
        result.count()
        if base_mul(complaint.reveal) != feldman_value(t.elements, complaint.by):
            result.fail(f"trustee {i}: the share revealed to trustee {complaint.by} fails the Feldman check")


def _check_derived(ceremony: Ceremony, result: CheckResult) -> None:
    result.count()
    if any(len(t.commitments) != ceremony.k for t in ceremony.trustees):
        return  # already failed per trustee; H_C over a malformed list means nothing
    key = product([t.elements[0] for t in ceremony.trustees])
    if h_c(ceremony.h_b, ceremony.commitments()) != ceremony.h_c:
        result.fail("h_c recomputed from the commitments differs from the file's")
    if key != ceremony.key:
        result.fail("K = ∏ K_i,0 differs from the file's election key")
    if ceremony.key == IDENTITY:
        result.fail("the election key K is the identity")
    if h_e(ceremony.h_b, ceremony.key, ceremony.h_c) != ceremony.h_e:
        result.fail("h_e = H(H_B; 0x12, K, H_C) differs from the file's")
