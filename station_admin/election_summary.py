"""What `election show` tells officials: the definition in brief, the fingerprint to compare at
each booth, and the key ceremony's record of which trustee holds which share."""

from __future__ import annotations

import json
from typing import Any

from kiosk.ballot.definition import ListChoice, Question
from kiosk.ballot.package import ElectionPackage
from station_admin.election_dir import ElectionDir


def summary(folder: ElectionDir, package: ElectionPackage) -> dict[str, Any]:
    definition = package.definition
    ceremony = json.loads(folder.ceremony_path.read_text()) if folder.ceremony_path.exists() else {}
    return {
        "id": definition.id,
        "title": definition.title,
        "fingerprint": package.fingerprint,
        # For each booth's booth.toml (`authority = ...`): the booth then takes no other's package.
        "authority_public_key": package.body.authority_public_key,
        "languages": definition.languages,
        "voters": len(definition.voters),
        "groups": {g.id: sum(1 for v in definition.voters if v.group == g.id) for g in definition.groups},
        "stations": [s.id for s in definition.stations],
        "provisioned": folder.provisioned(),
        "cards": [{"holder": c.holder, "role": c.role} for c in package.body.cards],
        "sessions": [
            {
                "id": s.id,
                "title": s.title.get("en", s.id),
                "mode": s.mode.value,
                "counts_by_group": s.counts_by_group,
                "eligible": definition.eligible_count(s.id),
                "questions": [{"id": q.id, "kind": q.kind, "rule": _rule(q)} for q in s.questions],
            }
            for s in definition.sessions
        ],
        "ceremony": ceremony,
        "created": package.body.created,
        "expires": package.body.expires,
    }


def _rule(question: Question) -> str:
    if isinstance(question, ListChoice):
        seats = question.seats
        return f"{seats.seats} seats, {seats.method.value}, ties: {seats.tie_break.value}"
    rule = question.rule
    text = rule.majority.value + (", abstentions count" if rule.count_abstentions else "")
    if rule.quorum is not None:
        text += f", quorum {rule.quorum.share:.0%} of {rule.quorum.base.value}"
    return text


def as_lines(shown: dict[str, Any]) -> list[str]:
    lines = [
        f"{shown['title'].get('en', shown['id'])} ({shown['id']})",
        f"Fingerprint: {shown['fingerprint']}   created {shown['created']}, expires {shown['expires']}",
        f"Authority key (booth.toml's authority = ...): {shown['authority_public_key']}",
        f"Languages: {', '.join(shown['languages'])}   voters: {shown['voters']}"
        + "".join(f", {group}: {count}" for group, count in shown["groups"].items()),
        f"Booths: {', '.join(shown['stations'])}   "
        f"provisioned: {', '.join(shown['provisioned']) or 'none yet'}",
        f"Registered cards: {len(shown['cards'])}",
    ]
    for s in shown["sessions"]:
        mode = {"recorded": "record vote", "show-of-hands": "show of hands"}.get(s["mode"], "secret")
        by_group = ", counts by group" if s["counts_by_group"] else ""
        lines.append(f"Session {s['id']}: {s['title']} ({mode}{by_group}; {s['eligible']} eligible)")
        lines += [f"  {q['id']} ({q['kind']}): {q['rule']}" for q in s["questions"]]
    addenda = shown.get("addenda", [])
    lines += [f"Addendum {a['number']} of {a['issued']}: {a['digest'][:16]}…" for a in addenda]
    ceremony = shown["ceremony"]
    if ceremony:
        trustees = ceremony.get("trustees", [])
        lines.append(
            f"Key ceremony {ceremony.get('created')}: any {ceremony.get('threshold')} of {len(trustees)} "
            f"trustees decrypt; election key {str(ceremony.get('election_public_key', ''))[:16]}…"
        )
        lines += [f"  trustee {t['trustee']} holds {t['share']}" for t in trustees]
    else:
        lines.append("No key ceremony record (ceremony.json) in this folder")
    return lines
