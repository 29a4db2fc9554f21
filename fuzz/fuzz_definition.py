"""Fuzz the election-definition parser: it parses, or fails only with DefinitionError."""

from __future__ import annotations

from common import ROOT, run

from kiosk.ballot.definition import DefinitionError, parse_definition

SAMPLES = [*ROOT.glob("resources/elections/*.json"), ROOT / "tests" / "fixtures" / "small-election.json"]
SEEDS = [path.read_bytes() for path in SAMPLES]


def target(data: bytes) -> None:
    try:
        parse_definition(data)
    except DefinitionError as exc:
        assert str(exc), "a refusal must say what is wrong"


if __name__ == "__main__":
    run(target, SEEDS)
