"""The one text form of the domain's moments (kiosk/ballot/times.py): what booths write reads back
to the same moment and is written back byte for byte; any other text is refused, since the audit
log's hashes and the record cover the text (issue 13, item 6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kiosk.ballot.times import iso, parse_iso


def test_a_time_as_booths_write_it_reads_back_to_the_same_moment_and_the_same_text() -> None:
    moment = parse_iso("2026-06-01T08:00:00Z")
    assert moment == datetime(2026, 6, 1, 8, 0, 0, tzinfo=UTC) and moment.tzinfo is UTC
    assert iso(moment) == "2026-06-01T08:00:00Z"


def test_a_moment_in_another_zone_is_written_in_utc_to_the_second() -> None:
    geneva = timezone(timedelta(hours=2))
    assert iso(datetime(2026, 6, 1, 10, 0, 0, 750_000, tzinfo=geneva)) == "2026-06-01T08:00:00Z"


@pytest.mark.parametrize(
    "text",
    [
        "2026-06-01T08:00:00+00:00",  # the same moment, another text: its hash would not hold
        "2026-06-01T08:00:00.5Z",
        "2026-06-01 08:00:00Z",
        "2026-06-01T08:00:00",  # no zone
        "2026-06-01",
        "",
        "not a time",
    ],
)
def test_any_other_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a time as Isoloir writes it"):
        parse_iso(text)
