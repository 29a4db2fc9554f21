"""The trustees' sums written as JSON and read back: what `hall aggregate` keeps for `hall tally`.

Each element is kept as its 32-byte encoding in base64 and decoded, so validated, when read back. A
session weighted by group gets its weights (SessionWeights) back from the election as amended, not
from the text: the kept aggregate's basis (station_admin/hall/kept_aggregate.py) shows the package
and addenda unchanged since, so these are the weights the sums were made with.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from kiosk.ballot.crypto.elgamal import Ciphertext
from kiosk.ballot.crypto.group import Point
from kiosk.ballot.crypto.wire import b64decode, b64encode
from kiosk.ballot.definition import Weighting
from kiosk.ballot.ids import SessionId
from kiosk.ballot.weights import SessionWeights
from station_admin.e2e_aggregates import Aggregate, RecordedBallot, SessionSums


def sums_json(sums: Sequence[SessionSums]) -> str:
    return json.dumps([_session(s) for s in sums], separators=(",", ":"), ensure_ascii=False)


def sums_from_json(text: str, weights: Mapping[SessionId, list[SessionWeights]]) -> list[SessionSums]:
    """The sums as written; ValueError if an element does not decode or a weighting is missing."""
    return [_read_session(entry, weights) for entry in json.loads(text)]


def _session(s: SessionSums) -> dict[str, Any]:
    return {
        "session": s.session,
        "ballots": s.ballots,
        "weights": s.weights,
        "aggregates": [_aggregate(a) for a in s.aggregates],
        "recorded": [_recorded(r) for r in s.recorded],
        "classes": [_aggregate(a) for a in s.classes],
        "by_group": s.weighting is not None,
        "weighted_total": s.weighted_total,
    }


def _read_session(entry: dict[str, Any], weights: Mapping[SessionId, list[SessionWeights]]) -> SessionSums:
    session = SessionId(entry["session"])
    weighting = None
    if entry["by_group"]:
        history = weights.get(session)
        if not history or history[-1].weighting is not Weighting.BY_GROUP:
            raise ValueError(f"the sums of {session!r} were weighted by group; the election is not")
        weighting = history[-1]
    return SessionSums(
        session,
        ballots=int(entry["ballots"]),
        weights={str(g): int(w) for g, w in entry["weights"].items()},
        aggregates=[_read_aggregate(a) for a in entry["aggregates"]],
        recorded=[_read_recorded(r) for r in entry["recorded"]],
        classes=[_read_aggregate(a) for a in entry["classes"]],
        weighting=weighting,
        weighted_total=entry["weighted_total"],
    )


def _ct(ct: Ciphertext) -> list[str]:
    return [b64encode(ct.alpha.encode()), b64encode(ct.beta.encode())]


def _read_ct(pair: list[str]) -> Ciphertext:
    return Ciphertext(Point.decode(b64decode(pair[0])), Point.decode(b64decode(pair[1])))


def _aggregate(a: Aggregate) -> dict[str, Any]:
    return {"id": a.id, "session": a.session, "qi": a.qi, "oi": a.oi, "group": a.group, "bound": a.bound,
            "ct": _ct(a.ciphertext)}  # fmt: skip


def _read_aggregate(a: dict[str, Any]) -> Aggregate:
    return Aggregate(str(a["id"]), str(a["session"]), int(a["qi"]), int(a["oi"]), str(a["group"]),
                     int(a["bound"]), _read_ct(a["ct"]))  # fmt: skip


def _recorded(r: RecordedBallot) -> dict[str, Any]:
    return {"session": r.session, "code": b64encode(r.code), "voter": r.voter, "group": r.group,
            "weight": r.weight, "ct": [[_ct(ct) for ct in row] for row in r.ciphertexts]}  # fmt: skip


def _read_recorded(r: dict[str, Any]) -> RecordedBallot:
    rows = tuple(tuple(_read_ct(pair) for pair in row) for row in r["ct"])
    return RecordedBallot(str(r["session"]), b64decode(r["code"]), str(r["voter"]), str(r["group"]),
                          int(r["weight"]), rows)  # fmt: skip
