"""The hall takes a booth's sealed session file: checked as the import checks a stick, then kept.

Whoever is on the hall network may send bytes; the hall keeps a session file only when:
  - it is a sealed file of this election whose booth key chains to the authority through a
    registered poll worker's card (kiosk/ballot/sealed_file.py), signed by that key;
  - it is the file of the booth whose signed channel carries it, and of the vote it names, which
    the hall holds closed;
  - its audit log accounts for its ballots up to that vote's close, and its ballots equal its marks
    (station_admin/import_checks.py, the import's own checks);
  - its marks are exactly the has-voted marks this booth confirmed at the hall in that vote.
End-to-end session files (version 2) are also checked proof by proof (station_admin/hall/e2e_collect.py).
A refusal says why and changes nothing; the same file sent again is "stored" again, unchanged.
"""

from __future__ import annotations

import hashlib

from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import sealed_version
from kiosk.ballot.sealed_file import SealedFileError, parse_sealed_bytes
from station_admin.hall.close_store import HallSessions, SessionFile
from station_admin.hall.e2e_alphas import HallAlphas
from station_admin.hall.store import HallStore, MarkState
from station_admin.import_checks import check_audit_log, check_voters_served, session_of

STORED, UNSETTLED, REFUSED = "stored", "unsettled", "refused"


def take_session_file(
    package: ElectionPackage, store: HallStore, sessions: HallSessions, station: StationId,
    session_id: SessionId, name: str, data: bytes, alphas: HallAlphas | None = None,
) -> dict[str, str]:
    """The hall's answer: {"outcome": stored | unsettled | refused, "reason": ...}. A file of
    end-to-end ballots (version 2) goes to station_admin/hall/e2e_collect.py."""
    if sealed_version(data) == 2 and alphas is not None:
        from station_admin.hall.e2e_collect import take_e2e_session_file

        return take_e2e_session_file(package, store, sessions, alphas, station, session_id, name, data)
    try:
        sealed = parse_sealed_bytes(data, package)
        check_voters_served(sealed, package)
        check_audit_log(sealed)
    except SealedFileError as exc:
        return _refused(str(exc))
    answer = against_the_hall(store, sessions, station, session_id, sealed.manifest.station,
                              session_of(sealed), {voter for _, voter in sealed.marks})  # fmt: skip
    if answer is not None:
        return answer
    file = SessionFile(station, sealed.sha256, name, data, len(sealed.ballots))
    if not sessions.put_file(session_id, file):
        return _refused(f"the hall holds another session file of booth {station!r} for {session_id!r}")
    return {"outcome": STORED, "reason": hashlib.sha256(data).hexdigest()}


def against_the_hall(
    store: HallStore, sessions: HallSessions, station: StationId, session_id: SessionId, file_station: str,
    file_session: str | None, held: set[str],
) -> dict[str, str] | None:
    """None when a read file is the sending booth's, of that vote, closed at the hall, and holds
    exactly the marks this booth confirmed there; else the hall's answer (nothing changed)."""
    if file_station != station:
        return _refused(f"the file is booth {file_station!r}'s, sent by booth {station!r}")
    if file_session != session_id:
        return _refused(f"the file is not the session file of {session_id!r}")
    if session_id not in sessions.closed():
        return _refused(f"the vote {session_id!r} is not closed at the hall")
    at_hall = [m for m in store.marks() if m.station == station and m.session_id == session_id]
    if any(m.state == MarkState.RESERVED for m in at_hall):
        return {"outcome": UNSETTLED, "reason": "a cast of this booth is not settled at the hall yet"}
    confirmed = {m.voter_id for m in at_hall}
    if held != confirmed:
        extra, missing = sorted(held - confirmed), sorted(confirmed - held)
        return _refused(f"its marks differ from the hall's: {len(extra)} more (first {extra[:1]}), "
                        f"{len(missing)} missing (first {missing[:1]})")  # fmt: skip
    return None


def _refused(reason: str) -> dict[str, str]:
    return {"outcome": REFUSED, "reason": reason}
