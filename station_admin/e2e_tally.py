"""The officials' side of an end-to-end tally: aggregate, then count from the trustees' answers.

station-admin aggregate --out DIR     DIR/request.json (the sums), and DIR/manifest.json with
                                      DIR/ballots/<session>/<station>.jsonl, from which each
                                      trustee recomputes the sums before decrypting
station-admin trustee decrypt --ballots DIR ...   (each present trustee, on their own laptop)
station-admin tally --request DIR/request.json --partial P ... --out RESULTS
                                      RESULTS/results.json, and RESULTS/e2e/ with the request,
                                      the partials, tally/<session>.json and recorded/<session>.jsonl
                                      that the published record carries (docs/e2e-spec.md §10)
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from kiosk.ballot.crypto.ceremony_record import CeremonyKeys
from kiosk.ballot.crypto.wire import b64decode, b64encode
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.ids import ElectionId, SessionId, StationId
from kiosk.ballot.sealed_e2e_blocks import header_line
from kiosk.ballot.weights import SessionWeights
from station_admin import tally_db as db
from station_admin.e2e_aggregates import Line, SessionSums
from station_admin.e2e_count import Decrypted, request_text
from station_admin.e2e_weights import tally_weights, weighted_session_sums

TALLY_FORMAT, RECORDED_FORMAT = "isoloir-record/1 tally", "isoloir-record/1 recorded"


def imported_lines(
    engine: Engine, election_id: ElectionId, table: Any = db.e2e_ballots
) -> dict[SessionId, list[Line]]:
    """The cast (or checked) ballots' lines by session, as their booths sealed them."""
    query = (
        select(table.c.session_id, table.c.station, table.c.line)
        .join(db.imports, db.imports.c.file_sha256 == table.c.import_sha256)
        .where(db.imports.c.election_id == election_id)
    )
    lines: dict[SessionId, list[Line]] = {}
    with engine.connect() as connection:
        for session, station, line in connection.execute(query):
            lines.setdefault(SessionId(session), []).append((StationId(station), line.encode()))
    return lines


def booth_files(kind: str, lines: dict[SessionId, list[Line]]) -> dict[str, bytes]:
    """`<kind>/<session>/<station>.jsonl` of the record: header, then lines sorted by code bytes."""
    files: dict[str, bytes] = {}
    for session, rows in lines.items():
        by_station: dict[StationId, list[bytes]] = {}
        for station, line in rows:
            by_station.setdefault(station, []).append(line)
        for station, station_lines in by_station.items():
            ordered = sorted(station_lines, key=lambda x: b64decode(json.loads(x)["code"]))
            body = b"".join(x + b"\n" for x in ordered)
            files[f"{kind}/{session}/{station}.jsonl"] = header_line(kind, session, station) + b"\n" + body
    return files


def write_files(root: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def read_ballot_folder(folder: Path) -> dict[SessionId, list[Line]]:
    """The lines of DIR/ballots/<session>/<station>.jsonl (a trustee's copy of what was imported)."""
    lines: dict[SessionId, list[Line]] = {}
    for path in sorted((folder / "ballots").glob("*/*.jsonl")):
        session, station = SessionId(path.parent.name), StationId(path.stem)
        rows = path.read_bytes().splitlines()
        if not rows or json.loads(rows[0]) != json.loads(header_line("ballots", session, station)):
            raise ValueError(f"{path}: its header does not name {session!r} at {station!r}")
        lines.setdefault(session, []).extend((station, row) for row in rows[1:] if row)
    return lines


def aggregate(
    definition: ElectionDefinition,
    keys: CeremonyKeys,
    manifest: bytes,
    lines: dict[SessionId, list[Line]],
    out: Path,
    jobs: int,
    weights: Mapping[SessionId, list[SessionWeights]] | None = None,
    beside: Mapping[str, bytes] | None = None,
) -> list[SessionSums]:
    """DIR/request.json and what a trustee recomputes it from; `beside` holds the package and the
    addenda, from which a trustee recomputes the weights of a weighted session. `lines` are imported
    ones (imported_lines), every proof of them checked before they were stored: the sums do not
    read the proofs again (a trustee's sums read them whole, on the trustee's laptop)."""
    sums = weighted_session_sums(definition, lines, weights or {}, jobs, read_proofs=False)
    out.mkdir(parents=True, exist_ok=True)
    if (out / "addenda").exists():
        shutil.rmtree(out / "addenda")
    write_files(out, dict(beside or {}))
    (out / "request.json").write_text(request_text(keys, sums), encoding="utf-8")
    (out / "manifest.json").write_bytes(manifest)
    if (out / "ballots").exists():
        shutil.rmtree(out / "ballots")
    write_files(out, booth_files("ballots", lines))
    return sums


def tally_files(
    definition: ElectionDefinition,
    sums: Sequence[SessionSums],
    decrypted: Decrypted,
    results: dict[str, Any],
    lot_seed: str | None,
) -> dict[str, bytes]:
    """tally/<session>.json and recorded/<session>.jsonl of the record, from the decrypted sums."""
    files: dict[str, bytes] = {}
    blanks = {(s["id"], q["id"]): q["blank"] for s in results["sessions"] for q in s["questions"]}
    trustees = sorted(decrypted.partials)
    for s in sums:
        session = definition.session(s.session)
        questions = []
        for qi, question in enumerate(session.questions):
            groups = sorted({a.group for a in s.aggregates if a.qi == qi})
            aggregates = []
            for group in groups:
                mine = sorted(
                    (a for a in s.aggregates if a.qi == qi and a.group == group), key=lambda a: a.oi
                )
                aggregates.append(
                    {
                        "group": group,
                        "ct": [
                            [b64encode(a.ciphertext.alpha.encode()), b64encode(a.ciphertext.beta.encode())]
                            for a in mine
                        ],
                        "bound": mine[0].bound,
                        "decryptions": [_decryption(decrypted, t, [a.id for a in mine]) for t in trustees],
                        "values": [decrypted.values[a.id] for a in mine],
                    }
                )
            entry: dict[str, Any] = {
                "question": question.id,
                "aggregates": aggregates,
                "blank": blanks[(s.session, question.id)],
            }
            if s.weighting is not None:
                entry["classes"] = _classes(s, qi)
            questions.append(entry)
        tally: dict[str, Any] = {
            "format": TALLY_FORMAT,
            "session": s.session,
            "questions": questions,
            "lot_seed": b64encode(lot_seed.encode()) if lot_seed else None,
            "seats": None,
        }
        if s.weighting is not None:
            tally["weights"] = tally_weights(s.weighting)
        files[f"tally/{s.session}.json"] = (json.dumps(tally, indent=1, ensure_ascii=False) + "\n").encode()
        if s.recorded:
            files[f"recorded/{s.session}.jsonl"] = _recorded(s, decrypted, trustees)
    return files


def _classes(s: SessionSums, qi: int) -> list[dict[str, Any]]:
    """A weighted session's group classes (§9.1a): published, never decrypted."""
    assert s.weighting is not None
    classes = []
    for group in sorted({a.group for a in s.classes if a.qi == qi}):
        mine = sorted((a for a in s.classes if a.qi == qi and a.group == group), key=lambda a: a.oi)
        ct = [[b64encode(a.ciphertext.alpha.encode()), b64encode(a.ciphertext.beta.encode())] for a in mine]
        classes.append(
            {"group": group, "weight": s.weighting.of_group(group), "ballots": s.weights[group], "ct": ct}
        )
    return classes


def _decryption(decrypted: Decrypted, trustee: int, ids: list[str]) -> dict[str, Any]:
    partials = [decrypted.partials[trustee][i] for i in ids]
    return {
        "trustee": trustee,
        "shares": [b64encode(p.m.encode()) for p in partials],
        "proofs": [[b64encode(p.c.encode()), b64encode(p.v.encode())] for p in partials],
    }


def _recorded(s: SessionSums, decrypted: Decrypted, trustees: list[int]) -> bytes:
    lines = [json.dumps({"format": RECORDED_FORMAT, "session": s.session}, separators=(",", ":"))]
    for r in s.recorded:
        ids = [[r.id(qi, oi) for oi in range(len(row))] for qi, row in enumerate(r.ciphertexts)]
        line = {
            "voter": r.voter,
            "code": b64encode(r.code),
            "decryptions": [[_decryption(decrypted, t, row) for t in trustees] for row in ids],
            "values": [[decrypted.values[i] for i in row] for row in ids],
        }
        lines.append(json.dumps(line, separators=(",", ":"), ensure_ascii=False))
    return "".join(x + "\n" for x in lines).encode()
