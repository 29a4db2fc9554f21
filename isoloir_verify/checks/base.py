"""V1 (parameters, H_P) and V2 (H_M over the manifest's bytes, H_B): E2E.md §3, docs/e2e-spec.md §3."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from isoloir_verify.group import GENERATOR, Q
from isoloir_verify.hashing import H, enc_bytes, enc_element, enc_hash, enc_int, enc_str
from isoloir_verify.record.parameters import Parameters
from isoloir_verify.report import CheckResult

GROUP_NAME: Final = "ristretto255"
HASH_SUITE: Final = "HMAC-SHA-256/512"
PROTOCOL: Final = "isoloir-e2e/1"
TAG_H_P: Final = 0x00
TAG_H_M: Final = 0x01
TAG_H_B: Final = 0x02
ZERO_KEY: Final = bytes(32)


def h_p() -> bytes:
    """H_P = H(0^32; 0x00, "isoloir-e2e/1", "ristretto255", g, "HMAC-SHA-256/512")."""
    fields = (enc_str(PROTOCOL), enc_str(GROUP_NAME), enc_element(GENERATOR), enc_str(HASH_SUITE))
    return H(ZERO_KEY, TAG_H_P, *fields)


def h_m(h_p_value: bytes, manifest: bytes) -> bytes:
    return H(h_p_value, TAG_H_M, enc_bytes(manifest))


def h_b(h_p_value: bytes, h_m_value: bytes, n: int, k: int) -> bytes:
    return H(h_p_value, TAG_H_B, enc_hash(h_m_value), enc_int(n), enc_int(k))


def check_parameters(parameters: Parameters) -> CheckResult:
    result = CheckResult("V1")
    result.count()
    if parameters.group != GROUP_NAME:
        result.fail(f"group {parameters.group!r}, this verifier knows only {GROUP_NAME!r}")
    if parameters.generator != GENERATOR:
        result.fail("generator is not the RFC 9496 ristretto255 base point")
    if parameters.order != str(Q):
        result.fail("order is not q, the order of ristretto255, in decimal")
    if h_p() != parameters.h_p:
        result.fail("H_P differs from H(0^32; 0x00, protocol, group, g, hash suite)")
    return result


@dataclass(frozen=True)
class BaseHashes:
    h_m: bytes
    h_b: bytes


def check_base_hashes(
    h_p_value: bytes, manifest: bytes, n: int, k: int, published_h_m: bytes | None, published_h_b: bytes
) -> tuple[CheckResult, BaseHashes]:
    result = CheckResult("V2")
    result.count(2)
    hashes = BaseHashes(h_m(h_p_value, manifest), h_b(h_p_value, h_m(h_p_value, manifest), n, k))
    if published_h_m is not None and hashes.h_m != published_h_m:
        result.fail("H_M over the exact bytes of manifest.json differs from the ceremony's h_m")
    if hashes.h_b != published_h_b:
        result.fail("H_B recomputed from H_P, the manifest's bytes, n and k differs from the ceremony's")
    return result, hashes
