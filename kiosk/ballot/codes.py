"""Voting codes: what a delegate types or scans to vote.

A code is 22 random symbols (110 bits) from a 32-symbol alphabet with no look-alikes, followed by two
check symbols, shown in six groups of four. The check symbols make every valid code satisfy two
equations over GF(32) (a Reed-Solomon code of distance 3), so any single wrong symbol and any swap of
neighbours is caught before a look-up, and a single wrong symbol is located: the voter is told which
group to check. Codes are stored only as a hash.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

# No I, L, O or U: they read as 1, 1, 0 or V on a printed notice.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_SYMBOLS = 22  # 22 x 5 bits = 110 bits of entropy, above the 100 the design asks for
CHECK_SYMBOLS = 2
CODE_LENGTH = DATA_SYMBOLS + CHECK_SYMBOLS
GROUP_SIZE = 4  # groups of four are read and typed without losing one's place
# Symbols that people type for a look-alike are read as what they meant.
_LOOKALIKES = {"I": "1", "L": "1", "O": "0", "U": "V"}

# GF(32) with the primitive polynomial x^5 + x^2 + 1; alpha = 2 generates every non-zero element.
_EXP: list[int] = []
_LOG = [0] * 32
_value = 1
for _power in range(31):
    _EXP.append(_value)
    _LOG[_value] = _power
    _value <<= 1
    if _value & 0x20:
        _value ^= 0b100101


def _mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[(_LOG[a] + _LOG[b]) % 31]


def _div(a: int, b: int) -> int:
    if a == 0:
        return 0
    return _EXP[(_LOG[a] - _LOG[b]) % 31]


def _syndromes(values: list[int]) -> tuple[int, int]:
    """Both are zero exactly for a valid code: the sum of the symbols and their weighted sum."""
    plain = weighted = 0
    for position, value in enumerate(values):
        plain ^= value
        weighted ^= _mul(_EXP[position % 31], value)
    return plain, weighted


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of checking a typed code without looking it up."""

    code: str  # the normalised code, without separators
    valid: bool
    wrong_length: bool = False
    bad_symbols: bool = False
    groups_to_check: tuple[int, ...] = ()  # 1-based groups that hold the likely mistake


def generate_code() -> str:
    data = [secrets.randbelow(32) for _ in range(DATA_SYMBOLS)]
    return "".join(ALPHABET[v] for v in data + _check_values(data))


def _check_values(data: list[int]) -> list[int]:
    # Solve c0 + c1 = A and a^22 c0 + a^23 c1 = B so that both syndromes vanish.
    plain, weighted = _syndromes(data)
    w0, w1 = _EXP[DATA_SYMBOLS], _EXP[DATA_SYMBOLS + 1]
    c0 = _div(weighted ^ _mul(w1, plain), w0 ^ w1)
    return [c0, plain ^ c0]


def normalise(text: str) -> str:
    """Upper case, separators dropped, look-alikes read as what was meant."""
    kept = [c for c in text.upper() if c not in " -\t\r\n"]
    return "".join(_LOOKALIKES.get(c, c) for c in kept)


def format_code(code: str) -> str:
    """The code as printed and shown: groups of four separated by dashes."""
    plain = normalise(code)
    return "-".join(plain[i : i + GROUP_SIZE] for i in range(0, len(plain), GROUP_SIZE))


def check_code(text: str) -> CodeCheck:
    code = normalise(text)
    if len(code) != CODE_LENGTH:
        return CodeCheck(code, valid=False, wrong_length=True)
    if any(c not in ALPHABET for c in code):
        bad = sorted({i // GROUP_SIZE + 1 for i, c in enumerate(code) if c not in ALPHABET})
        return CodeCheck(code, valid=False, bad_symbols=True, groups_to_check=tuple(bad))
    values = [ALPHABET.index(c) for c in code]
    plain, weighted = _syndromes(values)
    if plain == 0 and weighted == 0:
        return CodeCheck(code, valid=True)
    return CodeCheck(code, valid=False, groups_to_check=_suspect_groups(values, plain, weighted))


def _suspect_groups(values: list[int], plain: int, weighted: int) -> tuple[int, ...]:
    if plain and weighted:
        position = (_LOG[weighted] - _LOG[plain]) % 31
        if position < CODE_LENGTH:  # exactly one wrong symbol, and this is where
            return (position // GROUP_SIZE + 1,)
    # Not one wrong symbol: name the groups where swapping two neighbours would make the code valid.
    groups: set[int] = set()
    for i in range(CODE_LENGTH - 1):
        swapped = [*values[:i], values[i + 1], values[i], *values[i + 2 :]]
        if values[i] != values[i + 1] and _syndromes(swapped) == (0, 0):
            groups.update({i // GROUP_SIZE + 1, (i + 1) // GROUP_SIZE + 1})
    return tuple(sorted(groups))


def hash_code(election_id: str, code: str) -> str:
    """What is stored instead of a code. 110 bits of entropy make a fast hash safe: no search can
    enumerate the codes; the election id keeps one election's hashes useless for another."""
    return hashlib.sha256(f"isoloir-code:{election_id}:{normalise(code)}".encode()).hexdigest()
