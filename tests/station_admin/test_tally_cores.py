"""The tally shares its decryption among the cores and counts exactly what one process counts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.simulate import simulate
from station_admin import tally
from station_admin.importer import import_file
from station_admin.tally_db import open_db
from tests.kit import SMALL_ELECTION, make_election


def test_counting_on_two_cores_gives_the_counts_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kit = make_election(SMALL_ELECTION, tmp_path)
    result = simulate(kit.media["booth-1"], tmp_path / "booth", 24, 11, tmp_path / "OUT", kit.cards["pw-1"],
                      codes_file=kit.folder.codes_path, progress=io.StringIO())
    engine = open_db(f"sqlite:///{tmp_path / 'tally.db'}")
    import_file(engine, kit.package, result.sealed_file)
    one = tally.count_ballots(engine, kit.package, kit.secret, workers=1)
    monkeypatch.setattr(tally, "PARALLEL_FROM", 1)  # a small election, shared out as a large one is
    monkeypatch.setattr(tally, "CHUNK", 7)
    two = tally.count_ballots(engine, kit.package, kit.secret, workers=2)
    assert two.as_results() == one.as_results()
    cast = {s["id"]: s["questions"] for s in result.counts["sessions"]}
    assert {s["id"]: s["questions"] for s in two.as_results()["sessions"]} == cast
