"""V6 in bounded memory: the pieces keep 8-byte prefixes of their α, and V6 compares full values only
behind a repeated prefix.

Threats: a booth copies another booth's ciphertext into its own file (the copy may land in any piece
of any file: V6 must see it wherever it is); and a booth that grinds 2³² α values to share 8 bytes
with an honest booth's α, hoping the verifier cries "copied" over an honest record (it must not: only
equal full values fail).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from isoloir_verify.b64 import b64encode
from isoloir_verify.checks.cast import CastOutcome
from isoloir_verify.checks.election import check_unique
from isoloir_verify.checks.unique import prefix, repeated_prefixes, sorted_prefixes
from isoloir_verify.report import CheckResult


def _piece(station: str, alphas: list[bytes]) -> CastOutcome:
    outcome = CastOutcome("s", station, CheckResult("V5"), codes=[os.urandom(32)])
    outcome.alpha_prefixes = sorted_prefixes(alphas)
    return outcome


def _check(pieces: dict[str, list[bytes]], checked: list[bytes] | None = None) -> tuple[CheckResult, int]:
    cast = [_piece(station, alphas) for station, alphas in pieces.items()]
    rereads = []

    def cast_alphas(wanted: set[int]) -> Iterable[bytes]:
        rereads.append(wanted)
        return (a for alphas in pieces.values() for a in alphas)

    return check_unique(cast, checked or [], cast_alphas), len(rereads)


def test_an_alpha_copied_into_another_booths_piece_fails_v6_naming_it() -> None:
    copied = os.urandom(32)
    result, _ = _check({"b1": [os.urandom(32), copied], "b2": [os.urandom(32)], "b3": [copied]})
    assert not result.ok
    assert result.failures == [f"α {b64encode(copied)[:12]}… appears 2 times (a copied ciphertext)"]


def test_an_alpha_shared_by_a_checked_and_a_cast_ballot_fails_v6() -> None:
    reused = os.urandom(32)
    result, _ = _check({"b1": [reused, os.urandom(32)]}, checked=[reused])
    assert not result.ok and "appears 2 times" in result.failures[0]


def test_alphas_sharing_eight_bytes_but_not_all_thirty_two_pass_v6() -> None:
    head = os.urandom(8)
    ground = [head + os.urandom(24) for _ in range(3)]  # a booth's 2³² grind, spread over booths
    result, rereads = _check({"b1": [ground[0]], "b2": [ground[1], os.urandom(32)], "b3": [ground[2]]})
    assert result.ok, result.failures
    assert rereads == 1  # the full values were read again, once, and found distinct


def test_an_honest_record_is_not_read_twice() -> None:
    result, rereads = _check({f"b{i}": [os.urandom(32) for _ in range(200)] for i in range(10)})
    assert result.ok and rereads == 0


def test_the_merge_finds_a_repeat_at_any_place_of_any_piece() -> None:
    values = [os.urandom(32) for _ in range(1000)]
    for i in (0, 499, 999):
        pieces = [sorted_prefixes(values[:500]), sorted_prefixes([*values[500:], values[i]])]
        assert repeated_prefixes(pieces) == {prefix(values[i])}
