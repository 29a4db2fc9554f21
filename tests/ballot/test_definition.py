"""The election definition: samples load, and every mistake is named by its path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.ballot.definition import DefinitionError, ListChoice, load_definition, parse_definition
from tests.kit import ROOT, SMALL_ELECTION

SAMPLES = [
    ROOT / "resources" / "elections" / f"{name}.json" for name in ("ilc-2023-plenary", "professional-2022")
]


def small() -> dict:  # type: ignore[type-arg]
    return json.loads(SMALL_ELECTION.read_text())


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_shipped_samples_are_valid(path: Path) -> None:
    definition = load_definition(path)
    assert {"en", "fr", "es"} <= set(definition.languages)


def test_the_ilc_sample_has_its_four_sessions_and_24_maritime_questions() -> None:
    definition = load_definition(ROOT / "resources" / "elections" / "ilc-2023-plenary.json")
    assert len(definition.sessions) == 4
    assert len(definition.session("maritime").questions) == 24
    assert {g.id for g in definition.groups} == {"government", "employers", "workers"}


def test_the_professional_sample_elects_lists_to_seats() -> None:
    definition = load_definition(ROOT / "resources" / "elections" / "professional-2022.json")
    assert len(definition.sessions) == 3
    for session in definition.sessions:
        assert all(isinstance(q, ListChoice) and q.allow_blank for q in session.questions)


def test_a_missing_translation_is_named_by_its_path() -> None:
    data = small()
    del data["sessions"][0]["questions"][0]["title"]["es"]
    with pytest.raises(DefinitionError, match=r"sessions\.budget\.questions\.q1\.title: no text in es"):
        parse_definition(json.dumps(data))


def test_a_voter_of_an_unknown_session_is_named() -> None:
    data = small()
    data["voters"][0]["sessions"].append("nowhere")
    with pytest.raises(DefinitionError, match=r"voters\.v01\.sessions: no session 'nowhere'"):
        parse_definition(json.dumps(data))


def test_multiple_choice_bounds_are_checked() -> None:
    data = small()
    data["sessions"][1]["questions"][0]["max"] = 9
    with pytest.raises(DefinitionError, match=r"sessions\.1\.questions\.0\.multiple.*max \(9\) is above"):
        parse_definition(json.dumps(data))


def test_a_required_language_cannot_be_dropped() -> None:
    data = small()
    data["languages"] = ["en", "fr"]
    with pytest.raises(DefinitionError, match="es must be offered"):
        parse_definition(json.dumps(data))


def test_not_json_says_where() -> None:
    with pytest.raises(DefinitionError, match=r"not JSON: .* line 1"):
        parse_definition("{nope")


def test_an_unknown_field_is_refused_not_ignored() -> None:
    data = small()
    data["sessions"][0]["colour"] = "red"
    with pytest.raises(DefinitionError, match=r"sessions\.0\.colour: Extra inputs are not permitted"):
        parse_definition(json.dumps(data))
