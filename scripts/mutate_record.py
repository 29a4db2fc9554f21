"""Writes broken copies of a good election record, one fault each (E2E.md §13), for isoloir-verify.

    .venv/bin/python scripts/mutate_record.py GOOD_RECORD OUT_DIR [--authority-seed HEX]

Each copy is OUT_DIR/bad-<name>/ with an expected.json naming the check that must fail. The copy's
record.json is re-indexed (so the fault is not merely a wrong digest) and, when the authority's test
seed is given, re-signed; without it record.sig no longer matches and V4 fails as well.
Only faults that need no new proof are made here: a forged proof is the producer's vector to make.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from mutate_marks import marks_short, voter_at_two_booths, voters_not_marks
from record_edit import (
    Json,
    by_code,
    dump,
    election_key,
    element,
    first_ballot,
    first_file,
    load,
    read_lines,
    write_lines,
)

from isoloir_verify.b64 import b64decode, b64encode
from isoloir_verify.group import GENERATOR, IDENTITY, add, mul
from isoloir_verify.hashing import H, enc_element

NON_CANONICAL = bytes.fromhex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")


# Each mutation edits the copy in place.
def wrong_h_e(root: Path) -> None:
    """H_E without H_C (ElectionGuard 2.1's formula): V3."""
    body = load(root / "ceremony.json")
    h_b = b64decode(body.get("h_b") or body["H_B"])
    field = "h_e" if "h_e" in body else "H_E"
    body[field] = b64encode(H(h_b, 0x12, enc_element(election_key(root))))
    dump(root / "ceremony.json", body)


def bad_schnorr(root: Path) -> None:
    body = load(root / "ceremony.json")
    c, v = body["trustees"][0]["proofs"][0]
    body["trustees"][0]["proofs"][0] = [v, c]
    dump(root / "ceremony.json", body)


def _edit_first_ballot(root: Path, edit: Callable[[Json], None]) -> None:
    path, header, rows = first_ballot(root)
    edit(rows[0])
    write_lines(path, header, rows)


def non_canonical_point(root: Path) -> None:
    _edit_first_ballot(root, lambda b: b["questions"][0]["ct"][0].__setitem__(0, b64encode(NON_CANONICAL)))


def alpha_identity(root: Path) -> None:
    _edit_first_ballot(root, lambda b: b["questions"][0]["ct"][0].__setitem__(0, b64encode(IDENTITY)))


def option_encrypts_two(root: Path) -> None:
    key = election_key(root)

    def edit(ballot: Json) -> None:
        beta = element(ballot["questions"][0]["ct"][0][1])
        ballot["questions"][0]["ct"][0][1] = b64encode(add(beta, mul(key, 2)))

    _edit_first_ballot(root, edit)


def proofs_swapped(root: Path) -> None:
    def edit(ballot: Json) -> None:
        p = ballot["questions"][0]["p"]
        p[0], p[1] = p[1], p[0]

    _edit_first_ballot(root, edit)


def other_booth(root: Path) -> None:
    """A ballot moved to another booth's file of the same session: its context no longer fits."""
    path, header, rows = first_ballot(root)
    others = [p for p in sorted(path.parent.glob("*.jsonl")) if p != path]
    if not others:
        raise SystemExit("the good record needs two booths in one session")
    moved = rows.pop(0)
    write_lines(path, header, rows)
    other_header, other_rows = read_lines(others[0])
    write_lines(others[0], other_header, [*other_rows, moved], key=by_code)


def weight_lied(root: Path) -> None:
    _edit_first_ballot(root, lambda b: b.__setitem__("weight", b["weight"] + 1))


def checked_plaintext_wrong(root: Path) -> None:
    path = first_file(root, "checked")
    header, rows = read_lines(path)
    choices = rows[0]["choices"]
    question = next(iter(choices))
    choices[question] = ["not-a-choice"] if not choices[question] else []
    write_lines(path, header, rows)


def checked_counted(root: Path) -> None:
    """A cast ballot's code also listed as checked (opened and counted)."""
    _, _, cast = first_ballot(root)
    path = first_file(root, "checked")
    header, rows = read_lines(path)
    extra = dict(rows[0], code=cast[0]["code"])
    write_lines(path, header, [*rows, extra], key=by_code)


def _first_tally(root: Path) -> tuple[Path, Json]:
    path = sorted((root / "tally").glob("*.json"))[0]
    return path, load(path)


def aggregate_tampered(root: Path) -> None:
    path, body = _first_tally(root)
    pair = body["questions"][0]["aggregates"][0]["ct"][0]
    pair[0] = b64encode(add(element(pair[0]), GENERATOR))
    dump(path, body)


def wrong_share(root: Path) -> None:
    path, body = _first_tally(root)
    share = body["questions"][0]["aggregates"][0]["decryptions"][0]["shares"]
    share[0] = b64encode(add(element(share[0]), GENERATOR))
    dump(path, body)


def k_minus_one(root: Path) -> None:
    k = load(root / "ceremony.json")["k"]
    path, body = _first_tally(root)
    aggregate = body["questions"][0]["aggregates"][0]
    aggregate["decryptions"] = aggregate["decryptions"][: k - 1]
    dump(path, body)


def wrong_t(root: Path) -> None:
    path, body = _first_tally(root)
    aggregate = body["questions"][0]["aggregates"][0]
    t = aggregate["values"][0]
    aggregate["values"][0] = t + 1 if t < aggregate["bound"] else t - 1
    dump(path, body)


def recorded_altered(root: Path) -> None:
    path = sorted((root / "recorded").glob("*.jsonl"))[0]
    header, rows = read_lines(path)
    rows[0]["values"][0][0] ^= 1
    write_lines(path, header, rows)


def booth_key_forged(root: Path) -> None:
    """Someone's own booth key put into booth-1's certificate (and its sealed manifest): the poll
    worker's card never signed it, and the booth's signature no longer holds."""
    path = sorted((root / "booths").glob("*.json"))[0]
    body = load(path)
    forged = "ab" * 32
    body["certificate"]["body"]["booth_public_key"] = forged
    body["sealed"]["certificate"]["body"]["booth_public_key"] = forged
    dump(path, body)


def results_altered(root: Path) -> None:
    """One vote moved between two options in results.json; the decryptions say otherwise."""
    if not (root / "results.json").exists():
        raise SystemExit("the good record has no results.json")
    body = load(root / "results.json")
    options = body["sessions"][0]["questions"][0]["options"]
    options[0]["votes"] += 1
    options[1]["votes"] -= 1
    dump(root / "results.json", body)


MUTATIONS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "wrong-h-e": ("V3", wrong_h_e),
    "bad-schnorr": ("V3", bad_schnorr),
    "non-canonical-point": ("V5", non_canonical_point),
    "alpha-identity": ("V5", alpha_identity),
    "option-encrypts-2": ("V5", option_encrypts_two),
    "proofs-swapped": ("V5", proofs_swapped),
    "other-booth": ("V5", other_booth),
    "ballots-not-marks": ("V7", marks_short),
    "weight-lied": ("V7", weight_lied),
    "voter-at-two-booths": ("V7", voter_at_two_booths),
    "voters-not-marks": ("V7", voters_not_marks),
    "checked-plaintext-wrong": ("V8", checked_plaintext_wrong),
    "checked-counted": ("V8", checked_counted),
    "aggregate-tampered": ("V9", aggregate_tampered),
    "wrong-share": ("V10", wrong_share),
    "k-minus-one": ("V10", k_minus_one),
    "wrong-t": ("V10", wrong_t),
    "recorded-altered": ("V11", recorded_altered),
    "booth-key-forged": ("V4", booth_key_forged),
    "results-altered": ("V12", results_altered),
}


def reindex(root: Path, seed: bytes | None) -> None:
    index_path = root / "record.json"
    if not index_path.exists():
        return
    index = load(index_path)
    for entry in index["files"]:
        data = (root / entry["path"]).read_bytes()
        entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
    dump(index_path, index)
    if seed is not None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        (root / "record.sig").write_bytes(
            Ed25519PrivateKey.from_private_bytes(seed).sign(index_path.read_bytes())
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("good", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--authority-seed", help="hex Ed25519 seed of the test authority, to re-sign")
    args = parser.parse_args(argv)
    seed = bytes.fromhex(args.authority_seed) if args.authority_seed else None
    for name, (check, mutate) in MUTATIONS.items():
        target = args.out / f"bad-{name}"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(args.good, target, ignore=shutil.ignore_patterns("expected.json"))
        try:
            mutate(target)
        except (SystemExit, IndexError, KeyError, StopIteration) as err:
            shutil.rmtree(target)
            print(f"skipped bad-{name}: the good record lacks what it changes ({err!r})")
            continue
        reindex(target, seed)
        expected = {"format": "isoloir-vectors/1 expected", "fails": check, "mutation": name}
        (target / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
        print(f"bad-{name}: must fail {check}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
