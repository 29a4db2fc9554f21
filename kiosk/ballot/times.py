"""The moments of the domain (polls opened and closed, an audit entry, a vote closed or counted):
aware datetimes in UTC inside, one text at the edges (the booth's storage, the sealed files, the
record, the wire, the screens). This pair is the only place that turns one into the other.

The text is the one every booth has always written, UTC to the second with a "Z"
(2026-06-01T08:00:00Z), so files, rows and the vectors stay byte for byte what they were. Reading
takes that form only: a time that would not be written back identically is refused, since the
audit log's hashes and the record cover the text.
"""

from __future__ import annotations

from datetime import UTC, datetime


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """The moment a text written by iso() names; ValueError for any other text."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00")) if text.endswith("Z") else None
    if moment is None or iso(moment) != text:
        raise ValueError(f"{text[:40]!r} is not a time as Isoloir writes it (UTC to the second, with Z)")
    return moment.astimezone(UTC)
