"""The mark a booth leaves on the stick it was set up from, so a second booth refuses that stick.

Two booths set up from one stick would both be "booth-1" and both accept booth-1's voting codes; the
import takes only one booth key per station, so one booth's ballots would be refused after the
vote. Booths do not talk to each other, but both see the stick: the first writes this file on it,
and a booth that finds it refuses to set up. (A copy of the stick made before the first set-up does
not carry the mark: the import's one-key rule is then what stops the second booth's file.)
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, ValidationError

from kiosk.ballot.package import PackageError

CLAIM_FILE = "booth-set-up.json"


class StickUsed(PackageError):
    """The stick already set up a booth."""


class SetUpClaim(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    format: str = "isoloir-booth-set-up/1"
    station: str
    fingerprint: str
    booth_public_key: str
    set_up_at: str


def claim_bytes(claim: SetUpClaim) -> bytes:
    return claim.model_dump_json(indent=1).encode()


def refuse_used_stick(data: bytes | None) -> None:
    """Raises StickUsed when the stick carries a set-up mark (a damaged one counts as a mark)."""
    if data is None:
        return
    try:
        claim = SetUpClaim.model_validate(json.loads(data))
    except (ValueError, ValidationError):
        raise StickUsed("this stick already set up a booth (its mark is damaged): ask the election "
                        "officials for a new stick") from None
    raise StickUsed(
        f"this stick already set up booth {claim.station!r} on {claim.set_up_at} (booth key "
        f"{claim.booth_public_key[:16]}…): a second booth set up as {claim.station!r} would have its "
        "ballots refused; ask the election officials for a new stick"
    )
