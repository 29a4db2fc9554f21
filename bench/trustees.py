"""Trustees: the key ceremony (n = 5, k = 3) and threshold decryption of a maritime session's aggregates.

Figures: the DKG's arithmetic for all five trustees (proofs, every check, shares, Feldman), the whole
file-based ceremony as the trustees run it (Argon2id, HPKE, signatures included), one trustee's
partial decryptions with proofs for 72 and 288 aggregates, checking k trustees' answers with Lagrange
combination and discrete logs, weights per class, and baby-step giant-step tables.

Run alone: .venv/bin/python bench/trustees.py   (the figures are the JSON object on the last line)
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from support.election import report

from kiosk.ballot.crypto.base_hashes import (
    base_hash,
    commitments_hash,
    election_key,
    extended_base_hash,
    manifest_hash,
    parameters_hash,
)
from kiosk.ballot.crypto.decryption import (
    combine,
    partial_decrypt,
    weighted_aggregate,
)
from kiosk.ballot.crypto.discrete_log import DiscreteLogTable
from kiosk.ballot.crypto.elgamal import Ciphertext, aggregate, encrypt
from kiosk.ballot.crypto.group import GENERATOR, Nonce, Point, Scalar
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.crypto.key_ceremony import Polynomial, check_coefficient, feldman_holds, prove_coefficient
from station_admin.trustee import Seat, finish, keygen, shares

N, K = 5, 3
MARITIME = 72  # 24 questions x 3 options: one aggregate each
BALLOTS = 1000  # the bound of each count
PASSPHRASE = "benchmark passphrase"


def _ms(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return round((time.perf_counter() - started) * 1000, 1)


def dkg_arithmetic() -> tuple[float, Point, dict[int, Scalar]]:
    started = time.perf_counter()
    h_p = parameters_hash()
    h_b = base_hash(h_p, manifest_hash(h_p, b"{}"), N, K)
    polynomials = {i: Polynomial.random(K) for i in range(1, N + 1)}
    rows = [polynomials[i].commitments() for i in range(1, N + 1)]
    proofs = {
        i: [prove_coefficient(h_b, i, j, a) for j, a in enumerate(polynomials[i].coefficients)]
        for i in polynomials
    }
    shares_of: dict[int, Scalar] = {}
    for ell in range(1, N + 1):  # each trustee checks everyone's proofs and the shares it received
        for i in range(1, N + 1):
            assert all(check_coefficient(h_b, i, j, rows[i - 1][j], p) for j, p in enumerate(proofs[i]))
        total = Scalar(0)
        for i in range(1, N + 1):
            value = polynomials[i].at(ell)
            assert feldman_holds(rows[i - 1], ell, value)
            total = total + value
        shares_of[ell] = total
    key = election_key(rows)
    extended_base_hash(h_b, key, commitments_hash(h_b, rows, K))
    return round((time.perf_counter() - started) * 1000, 1), key, shares_of


def ceremony_with_files() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-trustees-") as tmp:
        root = Path(tmp)
        manifest = root / "manifest.json"
        manifest.write_bytes(b'{"id": "bench"}\n')
        keys = [root / f"t{i}.key" for i in range(1, N + 1)]
        r1, r2 = root / "r1", root / "r2"
        rounds = {
            "keygen": lambda: [
                keygen(manifest, Seat(N, K, i, ""), keys[i - 1], r1, PASSPHRASE) for i in range(1, N + 1)
            ],
            "shares": lambda: [shares(keys[i - 1], [r1], r2, PASSPHRASE) for i in range(1, N + 1)],
            "finish": lambda: [
                finish(keys[i - 1], [r1, r2], root / f"r3-{i}", PASSPHRASE) for i in range(1, N + 1)
            ],
        }
        return {f"ceremony_{name}_per_trustee_ms": round(_ms(work) / N, 1) for name, work in rounds.items()}


def decryption(key: Point, shares_of: dict[int, Scalar], count: int) -> dict[str, float]:
    digest = Digest(bytes(32))  # any H_E: the cost does not depend on it
    aggregates = [aggregate([encrypt(key, 1, Nonce.random()) for _ in range(3)]) for _ in range(count)]
    present = (1, 3, 5)
    started = time.perf_counter()
    answers = {
        ell: [partial_decrypt(digest, ell, shares_of[ell], key, c) for c in aggregates] for ell in present
    }
    one_trustee = (time.perf_counter() - started) * 1000 / len(present)
    verification = {ell: GENERATOR ** shares_of[ell] for ell in present}
    table = DiscreteLogTable(key, BALLOTS)
    started = time.perf_counter()
    for index, ciphertext in enumerate(aggregates):
        partials = [answers[ell][index] for ell in present]
        assert table.log(combine(digest, key, K, verification, ciphertext, partials)) == 3
    combined = (time.perf_counter() - started) * 1000
    return {
        f"partials_one_trustee_{count}_ms": round(one_trustee, 1),
        f"check_combine_log_k3_{count}_ms": round(combined, 1),
    }


def weights(key: Point) -> float:
    classes: dict[int, list[Ciphertext]] = {w: [encrypt(key, 1, Nonce.random())] for w in (1, 2, 5)}
    return _ms(lambda: [weighted_aggregate(classes) for _ in range(MARITIME)])


def discrete_logs(key: Point) -> dict[str, float]:
    figures: dict[str, float] = {}
    for bound in (10_000, 1_000_000):
        started = time.perf_counter()
        table = DiscreteLogTable(key, bound)
        figures[f"bsgs_table_{bound}_ms"] = round((time.perf_counter() - started) * 1000, 1)
        worst = key ** Scalar(bound)  # the most giant steps
        started = time.perf_counter()
        assert table.log(worst) == bound
        figures[f"bsgs_worst_lookup_{bound}_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return figures


def main() -> None:
    dkg_ms, key, shares_of = dkg_arithmetic()
    figures: dict[str, object] = {
        "bench": "trustees",
        "n": N,
        "k": K,
        "load_average_1min": round(os.getloadavg()[0], 1),  # a shared machine inflates every figure
        "dkg_arithmetic_all_trustees_ms": dkg_ms,
    }
    figures.update(ceremony_with_files())
    figures.update(decryption(key, shares_of, MARITIME))
    figures.update(decryption(key, shares_of, 4 * MARITIME))
    figures["weighted_aggregate_3_classes_72_options_ms"] = weights(key)
    figures.update(discrete_logs(key))
    report(figures)


if __name__ == "__main__":
    main()
