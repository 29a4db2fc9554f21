"""A partial election record laid out from the producer's ballot vectors, for the verifier's tests.

Nothing cryptographic is made here: the ballot lines, nonces, choices, commitments and hashes are
the producer's (vectors/ballot/ballots.json), copied into the record's files of docs/e2e-spec.md §10.
The ceremony has no Schnorr proofs in the vectors and the vectors hold no tally, so V3, V9–V12 cannot
pass on this record; V1, V2 and V5–V8 can, and must.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

G_HEX = "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"
Q = 2**252 + 27742317777372353535851937790883648493
# Which vector cases are cast and which checked; "the most choices" (weight 3) fits no voter of the
# vectors' roll, which carries no weights, so it is left out.
CAST = ("every kind, with choices", "a session counted by group", "a recorded (named) vote")
CHECKED = ("every blank that is allowed",)


def b64(hex_text: str) -> str:
    return base64.urlsafe_b64encode(bytes.fromhex(hex_text)).rstrip(b"=").decode()


def _write_lines(path: Path, header: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = sorted(
        rows, key=lambda r: base64.urlsafe_b64decode(r.get("code", "") + "==") or r.get("voter", "")
    )
    text = "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in [header, *rows])
    path.write_text(text, encoding="utf-8")


def build(vectors: Path, root: Path) -> dict[str, Any]:
    body = json.loads((vectors / "ballot" / "ballots.json").read_text())
    e = body["election"]
    root.mkdir(parents=True, exist_ok=True)
    (root / "manifest.json").write_bytes((vectors / "ballot" / body["manifest"]).read_bytes())
    parameters = {"format": "isoloir-record/1 parameters", "group": "ristretto255", "generator": b64(G_HEX)}
    parameters |= {"order": str(Q), "h_p": b64(e["h_p"])}
    (root / "parameters.json").write_text(json.dumps(parameters))
    zero = b64("00" * 32)
    trustees = [
        {
            "index": i,
            "name": f"Trustee {i}",
            "identity_key": b64(f"{i:02x}" * 32),  # distinct stand-ins: the vectors hold no trustee keys
            "transport_key": b64(f"{i + 16:02x}" * 32),
            "commitments": [b64(c) for c in row],
            "proofs": [[zero, zero] for _ in row],
            "complaints": [],
        }
        for i, row in enumerate(e["commitments"], start=1)
    ]
    ceremony = {
        "format": "isoloir-record/1 ceremony",
        "mode": "dkg",
        "n": e["n"],
        "k": e["k"],
        "trustees": trustees,
    }
    ceremony |= {"election_key": b64(e["election_key"])}
    ceremony |= {name: b64(e[name]) for name in ("h_m", "h_b", "h_c", "h_e")}
    (root / "ceremony.json").write_text(json.dumps(ceremony))
    cases = {c["name"]: c for c in body["cases"]}
    manifest = json.loads((root / "manifest.json").read_text())
    voters = {v["id"]: v for v in manifest["voters"]}
    for name in CAST:
        case = cases[name]
        session, station = case["session"], case["station"]
        header = {"format": "isoloir-record/1 ballots", "session": session, "station": station}
        _write_lines(root / "ballots" / session / f"{station}.jsonl", header, [case["record_line"]])
        voter = next(v for v in voters.values() if v["station"] == station and session in v["sessions"])
        marks = {"format": "isoloir-record/1 marks", "session": session, "station": station}
        _write_lines(root / "marks" / session / f"{station}.jsonl", marks, [{"voter": voter["id"]}])
    for name in CHECKED:
        case = cases[name]
        line = case["record_line"]
        row = {k: line[k] for k in ("code", "group", "weight", "voter")}
        row |= {"nonce": b64(case["nonce"]), "choices": case["choices"]}
        header = {
            "format": "isoloir-record/1 checked",
            "session": case["session"],
            "station": case["station"],
        }
        _write_lines(root / "checked" / case["session"] / f"{case['station']}.jsonl", header, [row])
    add_booths(root, bytes.fromhex(e["h_e"]))
    return body


def _marked(root: Path, session: str, station: str) -> list[str]:
    path = root / "marks" / session / f"{station}.jsonl"
    lines = path.read_text().splitlines()[1:] if path.exists() else []
    return [json.loads(line)["voter"] for line in lines]


def add_booths(root: Path, h_e: bytes) -> None:
    """Booth files: counts, sorted code-set digests and the signed voter lists (V7 checks the marks
    against them); no chain of trust, since the vectors hold no package, so V4 cannot pass."""
    from isoloir_verify.checks.index import code_set_digest
    from isoloir_verify.checks.marks import voter_set_digest

    stations = sorted({p.stem for kind in ("ballots", "checked") for p in (root / kind).rglob("*.jsonl")})
    for station in stations:
        sessions = []
        for session in sorted(p.name for p in (root / "ballots").iterdir()) + sorted(
            p.name for p in (root / "checked").iterdir()
        ):
            if any(s["session"] == session for s in sessions):
                continue
            codes = {}
            for kind in ("ballots", "checked"):
                path = root / kind / session / f"{station}.jsonl"
                lines = path.read_text().splitlines()[1:] if path.exists() else []
                codes[kind] = [base64.urlsafe_b64decode(json.loads(line)["code"] + "=") for line in lines]
            if not codes["ballots"] and not codes["checked"]:
                continue
            digests = {
                kind: code_set_digest(h_e, session, station, name, codes[kind])
                for kind, name in (("ballots", "cast"), ("checked", "checked"))
            }
            sessions.append(
                {
                    "session": session,
                    "cast": len(codes["ballots"]),
                    "checked": len(codes["checked"]),
                    "cast_codes": b64(digests["ballots"].hex()),
                    "checked_codes": b64(digests["checked"].hex()),
                    "voters": b64(
                        voter_set_digest(h_e, session, station, _marked(root, session, station)).hex()
                    ),
                }
            )
        booth = {
            "format": "isoloir-record/1 booth",
            "station": station,
            "certificate": {},
            "sealed_sha256": "",
            "sealed": {},
            "signature": "",
            "opened": "",
            "closed": "",
            "audit_head": "",
            "roll": "station",
            "sessions": sessions,
        }
        (root / "booths").mkdir(exist_ok=True)
        (root / "booths" / f"{station}.json").write_text(json.dumps(booth, indent=1))


def add_index(root: Path, h_e: bytes, sign: Any, booths: bool = True) -> None:
    """record.json over every file, record.sig by `sign`; without the booth files (which build()
    wrote) unless booths."""
    if not booths:
        shutil.rmtree(root / "booths", ignore_errors=True)
    files = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files.append(
            {
                "path": str(path.relative_to(root)),
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
            }
        )
    index = {"format": "isoloir-record/1", "group": "ristretto255", "hash": "HMAC-SHA-256/512"}
    index |= {"election": json.loads((root / "manifest.json").read_text())["id"], "files": files}
    (root / "record.json").write_text(json.dumps(index, indent=1))
    (root / "record.sig").write_bytes(sign((root / "record.json").read_bytes()))
