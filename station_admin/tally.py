"""The tally: recover the election key from k trustees' shares, decrypt every ballot, count.

The recovered key lives only in this process's memory; it is checked against the election public key
before any ballot is read, so too few or wrong shares are refused with a clear message.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from kiosk.ballot.counting import Counters, Tally
from kiosk.ballot.crypto.hashing import Digest
from kiosk.ballot.crypto.wire import b64decode
from kiosk.ballot.definition import ElectionDefinition
from kiosk.ballot.e2e_ballot import short_code
from kiosk.ballot.encryption import decrypt_ballot, public_key_hex, tracking_code
from kiosk.ballot.ids import ElectionId, SessionId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.selections import decode_ballot
from kiosk.ballot.shamir import Share, recover
from kiosk.ballot.shares import ShareError, open_share, read_share_file
from station_admin import tally_db as db


class TallyError(ValueError):
    pass


@dataclass(frozen=True)
class TrusteeShare:
    path: Path
    passphrase: str


def recover_key(package: ElectionPackage, given: list[TrusteeShare]) -> bytes:
    public_key = package.body.election_public_key
    shares: list[Share] = []
    threshold = None
    for item in given:
        try:
            sealed = read_share_file(item.path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise TallyError(f"cannot read {item.path}: {exc.strerror}") from None
        except ShareError as exc:
            raise TallyError(f"{item.path}: {exc}") from None
        if sealed.election_public_key != public_key or sealed.election_id != package.election_id:
            raise TallyError(f"{item.path} is a share of another election")
        threshold = sealed.threshold
        try:
            shares.append(open_share(sealed, item.passphrase))
        except ShareError as exc:
            raise TallyError(str(exc)) from None
    if len({s.x for s in shares}) != len(shares):
        raise TallyError("the same trustee's share was given twice")
    if threshold is None or len(shares) < threshold:
        raise TallyError(f"{len(shares)} share(s) given; this election needs {threshold or 'more'} trustees")
    secret = recover(shares)
    if public_key_hex(secret) != public_key:
        raise TallyError("the shares do not recover the election key")
    return secret


# Decrypting is most of a tally's time: the cores share it. Below this many ballots a second process
# costs more than it saves.
PARALLEL_FROM = 2000
CHUNK = 2000  # ballots a worker decrypts at a time: small enough to keep both cores busy to the end
BAD_BALLOTS_NAMED = 20  # enough to find the file at fault; a whole bad file is one line per booth anyway

Row = tuple[str, SessionId, bytes, str]  # tracking code, session, ciphertext, where it came from


@dataclass(frozen=True)
class BadBallot:
    tracking_code: str
    source: str  # the booth and file it was imported from
    reason: str


def count_ballots(
    engine: Engine, package: ElectionPackage, secret: bytes, workers: int | None = None
) -> Tally:
    """Every ballot of this election decrypted and counted; the key is handed to the worker
    processes through their pipes, never through a file.

    Refused before anything is reported: a session whose ballots differ from its marked voters, and
    ballots that do not decrypt or do not fit their session (each named with its booth and file)."""
    election = package.definition
    with engine.connect() as connection:
        check_ballots_match_marks(connection, package.election_id)
        rows = _rows(connection, package.election_id)
    workers = workers or os.cpu_count() or 1
    tally = Tally(election)
    bad: list[BadBallot] = []
    if workers == 1 or len(rows) < PARALLEL_FROM:
        parts = [_count_rows(election, secret, rows)]
    else:
        chunks = [rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK)]
        # The election goes to each worker once, and only counters come back: sent with every chunk,
        # or sent back as ballots, the pickling cost more than the decryption it shared out.
        with ProcessPoolExecutor(workers, initializer=_worker_setup, initargs=(election, secret)) as pool:
            parts = list(pool.map(_worker_count, chunks))
    for counters, refused in parts:
        tally.merge(counters)
        bad += refused
    if bad:
        raise TallyError(_bad_ballots_message(bad))
    return tally


def _rows(connection: Connection, election_id: ElectionId) -> list[Row]:
    query = (
        select(
            db.ballots.c.tracking_code,
            db.ballots.c.session_id,
            db.ballots.c.ciphertext,
            db.imports.c.station,
            db.imports.c.file_sha256,
        )
        .join(db.imports, db.imports.c.file_sha256 == db.ballots.c.import_sha256)
        .where(db.imports.c.election_id == election_id)
    )
    return [
        (code, SessionId(sid), bytes(ct), f"booth {station}, file {digest[:16]}")
        for code, sid, ct, station, digest in connection.execute(query)
    ]


def check_ballots_match_marks(connection: Connection, election_id: ElectionId) -> None:
    """Per session, as many ballots as distinct voters marked: one more ballot is a double vote."""
    ours = _ours(election_id)
    ballots: dict[str, int] = {}
    for table in (db.ballots, db.e2e_ballots):  # HPKE ballots, end-to-end ballots: one kind per election
        counted = connection.execute(
            select(table.c.session_id, func.count())
            .where(table.c.import_sha256.in_(ours))
            .group_by(table.c.session_id)
        ).all()
        for session, n in counted:
            ballots[session] = ballots.get(session, 0) + n
    voters: dict[str, int] = dict(
        connection.execute(
            select(db.marks.c.session_id, func.count(func.distinct(db.marks.c.voter_id)))
            .where(db.marks.c.import_sha256.in_(ours))
            .group_by(db.marks.c.session_id)
        ).all()
    )
    for session in sorted(set(ballots) | set(voters)):
        if ballots.get(session, 0) != voters.get(session, 0):
            raise TallyError(
                f"session {session!r} holds {ballots.get(session, 0)} ballots for "
                f"{voters.get(session, 0)} voters marked; nothing is counted until they match "
                "(quarantine the file at fault: station-admin import --replace)"
            )


def _bad_ballots_message(bad: list[BadBallot]) -> str:
    lines = [f"{len(bad)} ballot(s) cannot be counted; nothing was counted:"]
    lines += [f"  ballot {b.tracking_code} ({b.source}): {b.reason}" for b in bad[:BAD_BALLOTS_NAMED]]
    if len(bad) > BAD_BALLOTS_NAMED:
        lines.append(f"  ... and {len(bad) - BAD_BALLOTS_NAMED} more")
    lines.append("Quarantine the file at fault (station-admin import --replace) and tally again.")
    return "\n".join(lines)


_worker: dict[str, Any] = {}  # a worker process's election and key, set once when it starts


def _worker_setup(election: ElectionDefinition, secret: bytes) -> None:
    _worker["election"], _worker["secret"] = election, secret


def _worker_count(rows: list[Row]) -> tuple[Counters, list[BadBallot]]:
    return _count_rows(_worker["election"], _worker["secret"], rows)


def _count_rows(
    election: ElectionDefinition, secret: bytes, rows: list[Row]
) -> tuple[Counters, list[BadBallot]]:
    tally = Tally(election)
    bad: list[BadBallot] = []
    for code, session_id, ciphertext, source in rows:
        if tracking_code(ciphertext) != code:
            bad.append(BadBallot(code, source, "it does not match its tracking code"))
            continue
        try:
            plain = decrypt_ballot(secret, election.id, session_id, ciphertext)
            ballot = decode_ballot(election, election.session(session_id), plain)
        except (ValueError, KeyError) as exc:  # DecryptionError, SelectionError, an unknown session
            bad.append(BadBallot(code, source, str(exc)))
            continue
        tally.add(session_id, ballot.answers, ballot.group, ballot.voter)
    return tally.counters(), bad


def _ours(election_id: ElectionId) -> Any:
    """The files of this election: a tally database may hold another's."""
    return select(db.imports.c.file_sha256).where(db.imports.c.election_id == election_id)


def booths(engine: Engine, election_id: ElectionId) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        rows = (
            connection.execute(
                select(db.imports)
                .where(db.imports.c.election_id == election_id)
                .order_by(db.imports.c.station)
            )
            .mappings()
            .all()
        )
    return [
        {
            "station": r["station"],
            "file_sha256": r["file_sha256"],
            "mode": r["mode"],
            "opened_at": r["opened_at"],
            "closed_at": r["closed_at"],
            "audit_head": r["audit_head"],
            "booth_public_key": r["booth_public_key"],
            "ballots": r["ballots"],
        }
        for r in rows
    ]


def tracking_codes(engine: Engine, election_id: ElectionId) -> list[str]:
    """Every counted ballot's code as its receipt prints it, sorted: HPKE ballots' tracking codes, or
    end-to-end ballots' short codes (the first 80 bits of the 256-bit code, docs/e2e-spec.md §7.4)."""
    with engine.connect() as connection:
        codes = list(
            connection.execute(
                select(db.ballots.c.tracking_code).where(db.ballots.c.import_sha256.in_(_ours(election_id)))
            ).scalars()
        )
        full = connection.execute(
            select(db.e2e_ballots.c.code).where(db.e2e_ballots.c.import_sha256.in_(_ours(election_id)))
        ).scalars()
        codes += [short_code(Digest(b64decode(code))) for code in full]
    return sorted(codes)


def voter_marks(engine: Engine, election_id: ElectionId) -> list[tuple[str, str]]:
    """(session, voter) for every voter marked as having voted: who voted is public, never how."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(db.marks.c.session_id, db.marks.c.voter_id).where(
                db.marks.c.import_sha256.in_(_ours(election_id))
            )
        )
        return [(session_id, voter_id) for session_id, voter_id in rows]
