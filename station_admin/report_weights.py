"""A weighted vote's weights as the report prints them: the votes per member of each group and the
composition they came from (the members entitled to vote, as of which addendum), and each earlier
recomputation; or, weighted per voter, the votes in all."""

from __future__ import annotations

from typing import Any

from kiosk.ballot.definition import ElectionDefinition


def weights_lines(
    weights: dict[str, Any] | None, definition: ElectionDefinition, language: str, w: dict[str, str]
) -> list[str]:
    if not weights:
        return []
    if weights["weighting"] != "by-group":
        return [w["weighted_per_voter"].format(n=weights["as_of_addendum"], total=weights["total"])]
    names = {g.id: g.name.get(language) or next(iter(g.name.values())) for g in definition.groups}

    def groups(entry: dict[str, Any]) -> str:
        return ", ".join(
            w["group_weight"].format(group=names.get(g["id"], g["id"]), members=g["members"],
                                     weight=f"{g['weight']:,}")
            for g in entry["groups"]
        )

    lines = [w["weighted_by_group"].format(n=weights["as_of_addendum"], groups=groups(weights))]
    earlier = [h for h in weights.get("history", []) if h["as_of_addendum"] != weights["as_of_addendum"]]
    lines += [w["weights_changed"].format(n=h["as_of_addendum"], groups=groups(h)) for h in earlier]
    return lines
