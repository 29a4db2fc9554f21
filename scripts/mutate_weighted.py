"""Writes broken copies of a good record with a vote weighted by group (docs/e2e-spec.md §9.1a), or
with `--mandates` per voter (each ballot's context carrying its delegate's mandates, §5), one fault
each, for isoloir-verify:

    .venv/bin/python scripts/mutate_weighted.py GOOD_RECORD OUT_DIR [--authority-seed HEX] [--mandates]

Each copy is OUT_DIR/bad-weighted-<name>/ (bad-mandates-<name>/) with an expected.json naming the
check that must fail; the
copy is re-indexed and, with the seed, re-signed (scripts/mutate_record.py's reindex). Each fault is
made consistent downstream where it can be (the weighted total recomputed from the altered classes or
weights), so that only the check it names can catch it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutate_record import dump, element, load, read_lines, reindex, write_lines

from isoloir_verify.b64 import b64encode
from isoloir_verify.group import IDENTITY, Element, add, mul, sub

Json = dict[str, Any]
Pair = tuple[Element, Element]


def _weighted_tally(root: Path) -> tuple[Path, Json]:
    for path in sorted((root / "tally").glob("*.json")):
        tally = load(path)
        if tally.get("weights"):
            return path, tally
    raise SystemExit("the good record has no session weighted by group")


def _pairs(ct: list[list[str]]) -> list[Pair]:
    return [(element(a), element(b)) for a, b in ct]


def _text(pairs: list[Pair]) -> list[list[str]]:
    return [[b64encode(a), b64encode(b)] for a, b in pairs]


def _product(classes: list[Json], weight: Callable[[Json], int]) -> list[Pair]:
    total: list[Pair] = []
    for c in classes:
        pairs = _pairs(c["ct"])
        total = total or [(IDENTITY, IDENTITY)] * len(pairs)
        w = weight(c)
        pairs_with = zip(total, pairs, strict=True)
        total = [(add(ta, mul(a, w)), add(tb, mul(b, w))) for (ta, tb), (a, b) in pairs_with]
    return total


def _retotal(tally: Json) -> None:
    """The one decrypted aggregate made again from the (altered) classes and their stated weights."""
    for question in tally["questions"]:
        aggregate = question["aggregates"][0]
        aggregate["ct"] = _text(_product(question["classes"], lambda c: int(c["weight"])))
        aggregate["bound"] = sum(c["weight"] * c["ballots"] for c in question["classes"])


def weight_altered(root: Path) -> None:
    """The first group's members carry one vote more than equality of strength gives."""
    path, tally = _weighted_tally(root)
    group = tally["weights"]["groups"][0]["id"]
    tally["weights"]["groups"][0]["weight"] += 1
    for question in tally["questions"]:
        for c in question["classes"]:
            if c["group"] == group:
                c["weight"] += 1
    _retotal(tally)
    dump(path, tally)


def wrong_class(root: Path) -> None:
    """One ballot of a group counted in another group's class (its ciphertexts moved across)."""
    path, tally = _weighted_tally(root)
    session = tally["session"]
    question = tally["questions"][0]
    groups = [c["group"] for c in question["classes"]]
    source = next(
        (b for f in sorted((root / "ballots" / session).glob("*.jsonl")) for b in read_lines(f)[1]
         if b["group"] in groups and len(groups) > 1),
        None,
    )  # fmt: skip
    if source is None:
        raise SystemExit("no ballot of a class beside another class")
    into = next(g for g in groups if g != source["group"])
    for qi, q in enumerate(tally["questions"]):
        moved = _pairs(source["questions"][qi]["ct"])
        for c in q["classes"]:
            sign = -1 if c["group"] == source["group"] else 1 if c["group"] == into else 0
            if sign:
                step = add if sign > 0 else sub
                pairs = zip(_pairs(c["ct"]), moved, strict=True)
                c["ct"] = _text([(step(a, x), step(b, y)) for (a, b), (x, y) in pairs])
                c["ballots"] += sign
    _retotal(tally)
    dump(path, tally)


def unweighted_total(root: Path) -> None:
    """The total decrypted without its weights: ∏_g C_g, bound the ballots (not the votes)."""
    path, tally = _weighted_tally(root)
    for question in tally["questions"]:
        aggregate = question["aggregates"][0]
        aggregate["ct"] = _text(_product(question["classes"], lambda c: 1))
        aggregate["bound"] = sum(c["ballots"] for c in question["classes"])
    dump(path, tally)


def addendum_forged(root: Path) -> None:
    """The addendum that changed the composition altered after the authority signed it."""
    path = sorted((root / "addenda").glob("addendum-*.json"))[0]
    signed = json.loads(path.read_text(encoding="utf-8"))
    signed["body"]["struck"] = []
    path.write_text(json.dumps(signed, indent=1, ensure_ascii=False), encoding="utf-8")


def mandates_lied(root: Path) -> None:
    """A delegate's ballot, in the vote weighted per voter, claims more mandates than the roll gives
    (the heaviest weight among the session's ballots, or one more when all weigh the same)."""
    manifest = load(root / "manifest.json")
    session = next(s["id"] for s in manifest["sessions"] if s.get("weighting") == "per-voter")
    files = sorted((root / "ballots" / session).glob("*.jsonl"))
    weights = [b["weight"] for f in files for b in read_lines(f)[1]]
    path = files[0]
    header, rows = read_lines(path)
    lightest = min(rows, key=lambda b: b["weight"])
    lightest["weight"] = max(weights) if max(weights) > lightest["weight"] else lightest["weight"] + 1
    write_lines(path, header, rows)


MANDATES: dict[str, tuple[str, Callable[[Path], None]]] = {
    "weight-lied": ("V7", mandates_lied),
}

MUTATIONS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "weight-altered": ("V9", weight_altered),
    "wrong-class": ("V9", wrong_class),
    "unweighted-total": ("V9", unweighted_total),
    "addendum-forged": ("V9", addendum_forged),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("good", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--authority-seed", help="hex Ed25519 seed of the test authority, to re-sign")
    parser.add_argument("--mandates", action="store_true", help="the record's vote is weighted per voter")
    args = parser.parse_args(argv)
    seed = bytes.fromhex(args.authority_seed) if args.authority_seed else None
    prefix, mutations = ("bad-mandates", MANDATES) if args.mandates else ("bad-weighted", MUTATIONS)
    for name, (check, mutate) in mutations.items():
        target = args.out / f"{prefix}-{name}"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(args.good, target, ignore=shutil.ignore_patterns("expected.json"))
        mutate(target)
        reindex(target, seed)
        expected = {"format": "isoloir-vectors/1 expected", "fails": check, "mutation": name}
        (target / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
        print(f"{prefix}-{name}: must fail {check}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
