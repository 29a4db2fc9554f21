"""Fuzz the voting-code checker: any text gets an answer, and no changed code checks valid."""

from __future__ import annotations

from common import run

from kiosk.ballot.codes import ALPHABET, check_code, generate_code

VALID = generate_code()


def target(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    check_code(text)  # never raises, whatever is typed or scanned
    if len(data) >= 2:  # one symbol changed, or two neighbours swapped, in a valid code
        where, symbol = data[0] % (len(VALID) - 1), ALPHABET[data[1] % len(ALPHABET)]
        if data[1] & 0x80 and VALID[where] != VALID[where + 1]:
            changed = VALID[:where] + VALID[where + 1] + VALID[where] + VALID[where + 2 :]
        elif symbol != VALID[where]:
            changed = VALID[:where] + symbol + VALID[where + 1 :]
        else:
            return
        assert not check_code(changed).valid, f"{changed} checks valid"


if __name__ == "__main__":
    run(target, [VALID.encode(), b"\x00\x00", b"ABCD-EFGH"])
