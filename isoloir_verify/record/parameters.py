"""parameters.json, `isoloir-record/1 parameters` (docs/e2e-spec.md §10)."""

from __future__ import annotations

from typing import Literal

from isoloir_verify.codec import Hash32, Strict


class Parameters(Strict):
    format: Literal["isoloir-record/1 parameters"]
    group: str
    generator: Hash32  # compared byte for byte with the RFC 9496 base point
    order: str  # q in decimal: it exceeds what every JSON reader holds as a number
    h_p: Hash32
