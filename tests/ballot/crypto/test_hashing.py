"""H, Hq and the field encoders: fixed widths and length prefixes, so no two inputs share a message."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from kiosk.ballot.crypto.base_hashes import (
    CeremonyError,
    base_hash,
    commitments_hash,
    election_key,
    extended_base_hash,
    manifest_hash,
    parameters_hash,
    trustee_public_share,
)
from kiosk.ballot.crypto.group import GENERATOR, IDENTITY, ORDER, Scalar
from kiosk.ballot.crypto.hashing import (
    Digest,
    HashError,
    Tag,
    encode_field,
    encode_fields,
    h,
    hq,
)

KEY = Digest(bytes(range(32)))


def test_h_is_hmac_sha256_over_the_tag_and_the_encoded_fields() -> None:
    message = bytes([0x24]) + b"\x00\x00\x00\x02hi" + (7).to_bytes(4, "big") + GENERATOR.encode()
    assert h(KEY, Tag.CODE, "hi", 7, GENERATOR) == hmac.new(KEY, message, hashlib.sha256).digest()


def test_hq_reduces_hmac_sha512_little_endian_modulo_q() -> None:
    wide = hmac.new(KEY, bytes([0x21]) + bytes(KEY), hashlib.sha512).digest()
    assert hq(KEY, Tag.OPTION_PROOF, KEY).value == int.from_bytes(wide, "little") % ORDER


def test_each_field_type_has_its_spec_encoding() -> None:
    assert encode_field(5) == b"\x00\x00\x00\x05"
    assert encode_field("é") == b"\x00\x00\x00\x02\xc3\xa9"
    assert encode_field(b"ab") == b"\x00\x00\x00\x02ab"
    assert encode_field(KEY) == bytes(KEY)  # a digest: 32 bytes, no prefix
    assert encode_field((0, 1)) == b"\x00\x00\x00\x02" + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x01"
    assert encode_field(Scalar(1)) == b"\x01" + bytes(31)
    assert encode_field(IDENTITY) == bytes(32)


def test_strings_cannot_slide_between_fields() -> None:
    # Threat: "no table" vs "not able" (electionguard-python#536): a delimiter-free, prefix-free
    # transcript would let a prover move bytes from one field to the next and keep the hash.
    assert encode_fields(["ab", "c"]) != encode_fields(["a", "bc"])
    assert h(KEY, Tag.CONTEXT, "ab", "c") != h(KEY, Tag.CONTEXT, "a", "bc")


def test_tags_separate_the_uses_of_one_input() -> None:
    assert h(KEY, Tag.QUESTION_DIGEST, 1) != h(KEY, Tag.CODE, 1)


def test_values_without_an_encoding_are_refused() -> None:
    for bad in (-1, 2**32, True):
        with pytest.raises(HashError):
            encode_field(bad)
    with pytest.raises(HashError):
        Digest(bytes(31))
    with pytest.raises(HashError):
        h(bytes(16), Tag.CODE)


def test_base_hashes_chain_and_refuse_impossible_ceremonies() -> None:
    h_p = parameters_hash()
    h_b = base_hash(h_p, manifest_hash(h_p, b"{}"), 3, 2)
    assert h_b != base_hash(h_p, manifest_hash(h_p, b"{ }"), 3, 2)  # the manifest's bytes, not its meaning
    rows = [[GENERATOR ** Scalar(10 * i + j + 1) for j in range(2)] for i in range(3)]
    key = election_key(rows)
    assert key == GENERATOR ** Scalar(1 + 11 + 21)
    h_c = commitments_hash(h_b, rows, 2)
    reordered = commitments_hash(h_b, rows[::-1], 2)
    assert extended_base_hash(h_b, key, h_c) != extended_base_hash(h_b, key, reordered)
    with pytest.raises(CeremonyError):
        base_hash(h_p, h_p, 2, 3)
    with pytest.raises(CeremonyError):
        commitments_hash(h_b, [[GENERATOR, IDENTITY]], 2)
    with pytest.raises(CeremonyError):
        election_key([[GENERATOR], [GENERATOR ** Scalar(ORDER - 1)]])


def test_a_trustees_public_share_is_g_to_its_share() -> None:
    # P(x) = Σ_i (a_i0 + a_i1 x): trustee ℓ's K_ℓ must equal g^P(ℓ).
    coefficients = [[3, 5], [7, 11]]
    rows = [[GENERATOR ** Scalar(a) for a in row] for row in coefficients]
    for trustee in (1, 2, 3):
        share = sum(a0 + a1 * trustee for a0, a1 in coefficients)
        assert trustee_public_share(rows, trustee) == GENERATOR ** Scalar(share)
