"""The hall's tables for votes closed one by one (beside station_admin/hall/store.py's).

Nothing here holds a ballot one by one: a booth's ballots of a session reach the hall only inside
its sealed session file (sorted by tracking code, signed by the booth), stored as those very bytes.
Every table's key is (election, session, station) or (election, session): no column follows the
order in which ballots were cast.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, LargeBinary, MetaData, String, Table, Text

session_metadata = MetaData()
hall_sessions = Table(  # a vote closed at the hall: no booth may reserve a mark in it again
    "hall_sessions",
    session_metadata,
    Column("election_id", String, primary_key=True),
    Column("session_id", String, primary_key=True),
    Column("closed_at", String, nullable=False),
    Column("closed_by", String, nullable=False),
)
hall_session_files = Table(  # a booth's sealed session file, as it sent it
    "hall_session_files",
    session_metadata,
    Column("election_id", String, primary_key=True),
    Column("session_id", String, primary_key=True),
    Column("station", String, primary_key=True),
    Column("file_sha256", String(64), nullable=False),
    Column("name", String, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("ballots", Integer, nullable=False),
    Column("received_at", String, nullable=False),
)
hall_out_of_service = Table(  # a booth an official recorded out of service for a vote, and why
    "hall_out_of_service",
    session_metadata,
    Column("election_id", String, primary_key=True),
    Column("session_id", String, primary_key=True),
    Column("station", String, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("recorded_by", String, nullable=False),
    Column("recorded_at", String, nullable=False),
)
hall_results = Table(  # a closed vote's count, as the projector page shows it
    "hall_results",
    session_metadata,
    Column("election_id", String, primary_key=True),
    Column("session_id", String, primary_key=True),
    Column("results", Text, nullable=False),  # the session's entry of results.json
    Column("provisional", Boolean, nullable=False),  # counted before every proof was verified
    Column("counted_at", String, nullable=False),
)
hall_aggregates = Table(  # a closed vote's last `hall aggregate`: the sums `hall tally` counts from
    "hall_aggregates",
    session_metadata,
    Column("election_id", String, primary_key=True),
    Column("session_id", String, primary_key=True),
    Column("basis", Text, nullable=False),  # what was counted: each session file, the mode, package, addenda
    Column("sums", Text, nullable=False),  # the trustees' sums (station_admin/e2e_sums_json.py)
    Column("entries", Text, nullable=False),  # the marks, and results.json's entries of the imported files
    Column("aggregated_at", String, nullable=False),
)
