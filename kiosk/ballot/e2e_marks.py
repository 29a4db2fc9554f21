"""The booth's signed list of the voters it marked in a session (spec §9.2a, tag 0x27).

Its sealed manifest carries one digest per session over the sorted voter ids of its marks, and says
whose marks it may hold (`roll`: its own station's voters, or every delegate for a booth of a hall).
The verifier then checks ballots = marks per booth and session against the booth's own signed list,
and nobody marked at two booths in one session, without reading any booth's audit log.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

from kiosk.ballot.crypto.hashing import Digest, Tag, encode_fields, h_encoded
from kiosk.ballot.e2e_ballot import ElectionKey
from kiosk.ballot.ids import SessionId, StationId, VoterId

Roll = Literal["station", "hall"]
STATION_ROLL: Final[Roll] = "station"  # the booth let in its own station's voters only
HALL_ROLL: Final[Roll] = "hall"  # a booth of a hall: every delegate may vote there


def voter_set_digest(
    election: ElectionKey, session: SessionId, station: StationId, voters: Iterable[VoterId]
) -> Digest:
    """Tag 0x27 over the voter ids sorted by their UTF-8 bytes (the marks' order), each a `str` field."""
    ordered = sorted(voters, key=lambda v: v.encode("utf-8"))
    body = encode_fields([session, station, len(ordered), *ordered])
    return h_encoded(election.extended_hash, Tag.VOTER_SET, body)
