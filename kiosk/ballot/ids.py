"""The names the core passes around, one type each, so that mypy refuses a mix-up.

Ids, keys and codes are all text, and a function taking (election_id, session_id, voter_id) would
take them in any order, or a public key where an election id is wanted. Each kind gets its own
NewType: the same str at run time (no cost, files and columns unchanged), a different type to mypy.
A value becomes one at the edge (the definition's parser, a database row, a file, a command's
argument) by calling it: `SessionId(row.session_id)`; inside, it stays what it is.
"""

from __future__ import annotations

from typing import NewType

ElectionId = NewType("ElectionId", str)  # the definition's id: "ilc-2023-plenary"
SessionId = NewType("SessionId", str)  # a voting session (one vote) of the definition
VoterId = NewType("VoterId", str)  # a delegate of the roll
StationId = NewType("StationId", str)  # a booth: "booth-1"
CastId = NewType("CastId", str)  # a cast's random id on the booth and in the hall
TrackingCode = NewType("TrackingCode", str)  # a ballot's code as its receipt prints it
# Public keys as hex text: an Ed25519 key (the authority, a booth, a card) and the election's
# encryption key, never to be taken for one another or for an id.
SigningKeyHex = NewType("SigningKeyHex", str)
ElectionKeyHex = NewType("ElectionKeyHex", str)
