"""The audit catalog is enforced: each event's data is checked when it is appended, every declared
event is emitted somewhere, and the documentation is generated from the catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.ballot.audit_events import CATALOG, Event, UncataloguedEvent, catalog_markdown
from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.times import parse_iso

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "audit-events.md"


def test_every_event_has_its_entry() -> None:
    assert set(CATALOG) == set(Event)


def test_the_documentation_is_the_catalog() -> None:
    assert DOCS.read_text(encoding="utf-8") == catalog_markdown(), "run: python -m kiosk.ballot.audit_events"


def test_every_declared_event_is_emitted_somewhere() -> None:
    """A declared event that nothing emits is a promise the log does not keep."""
    sources = [p for p in (ROOT / "kiosk").rglob("*.py") if p.name != "audit_events.py"]
    used = {m for p in sources for m in re.findall(r"Event\.([A-Z_]+)\b", p.read_text(encoding="utf-8"))}
    assert {e.name for e in Event} - used == set()


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Event.POLLS_OPENED, {"mode": "official"}),  # "by" missing
        (Event.TRANSITION_REFUSED, {"state": "open", "action": "open"}),  # "reason" missing
        (Event.BALLOT_CAST, {"session": "budget", "tracking_code": "ABC"}),  # a field too many
    ],
)
def test_an_event_whose_data_does_not_match_its_entry_is_refused_and_nothing_is_written(
    tmp_path: Path, kind: Event, data: dict[str, str]
) -> None:
    """Threat: a change to the booth that logs more than the catalog allows (a tracking code next to
    a cast would link a ballot to the moment it was cast)."""
    box = BallotBox(tmp_path / "box.sqlite", lambda: parse_iso("2026-11-23T09:00:00Z"))
    with pytest.raises(UncataloguedEvent):
        box.log(kind, data)
    assert box.audit_entries() == []
    box.log(Event.CLOCK_JUMP, {"seconds": 300})
    assert [e.event for e in box.audit_entries()] == ["clock_jump"]
    box.close()
