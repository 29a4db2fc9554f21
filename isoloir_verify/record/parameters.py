"""parameters.json (docs/e2e-spec.md §11): the group, its generator and order, and H_P."""

from __future__ import annotations

from typing import Literal

from isoloir_verify.codec import Hash32, Strict

PARAMETERS_FORMAT = "isoloir-parameters/1"


class Parameters(Strict):
    format: Literal["isoloir-parameters/1"]
    group: str
    generator: Hash32  # 32 bytes compared to the RFC 9496 base point, not decoded as an element first
    q: str  # decimal: the order exceeds what every JSON reader holds as a number
    hash: str
    H_P: Hash32
