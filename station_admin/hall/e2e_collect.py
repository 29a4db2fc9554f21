"""The hall takes an end-to-end booth's sealed session file (version 2, with its `session`).

The same rules as a version-1 session file (station_admin/hall/collect.py), plus what an import of
end-to-end ballots checks: every ballot's proofs and every checked ballot's opening
(kiosk/ballot/sealed_e2e_proofs.py), and no ciphertext α already in a file the hall holds
(station_admin/hall/e2e_alphas.py). The hall keeps the file only when all of it holds:
  - a sealed file /2 of this election and key ceremony, signed by a booth key that chains to the
    authority, read wholly (kiosk/ballot/sealed_e2e.py), its audit log accounting for its ballots;
  - the file of the booth whose signed channel carries it, of the vote it names, closed at the hall;
  - its marks exactly the has-voted marks this booth confirmed at the hall in that vote.
A refusal says why and changes nothing; the same file sent again is "stored" again, unchanged.
"""

from __future__ import annotations

import hashlib
from typing import Final

from kiosk.ballot.ids import SessionId, StationId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.sealed_e2e import SealedE2E, parse_sealed_e2e
from kiosk.ballot.sealed_e2e_proofs import check_proofs
from kiosk.ballot.sealed_file import SealedFileError
from station_admin.hall.close_store import HallSessions, SessionFile
from station_admin.hall.collect import REFUSED, STORED, against_the_hall
from station_admin.hall.e2e_alphas import HallAlphas
from station_admin.hall.store import HallStore
from station_admin.import_checks import check_audit_log

PROOF_JOBS: Final = 2  # processes checking a file's proofs: the hall's PC has two cores, like ours


def take_e2e_session_file(
    package: ElectionPackage, store: HallStore, sessions: HallSessions, alphas: HallAlphas,
    station: StationId, session_id: SessionId, name: str, data: bytes,
) -> dict[str, str]:  # fmt: skip
    """The hall's answer: {"outcome": stored | unsettled | refused, "reason": ...}."""
    election = package.election_key
    if election is None:
        return _refused("this election's package holds no end-to-end key: a file /2 has no place here")
    try:
        # Elements and proofs are read once, by the proof workers below, from these same lines
        # (as the import does): this parse only compares and stores encodings (α, codes, marks).
        sealed = parse_sealed_e2e(data, package, election, check_points=False)
        check_audit_log(sealed)
    except SealedFileError as exc:
        return _refused(str(exc))
    answer = against_the_hall(store, sessions, station, session_id, sealed.station, sealed.manifest.session,
                              {voter for _, voter in sealed.marks})  # fmt: skip
    if answer is not None:
        return answer
    try:  # the slow part last, once the file is known to be this booth's for this closed vote
        check_proofs(sealed, package, election, PROOF_JOBS)
    except SealedFileError as exc:
        return _refused(str(exc))
    file = SessionFile(station, sealed.sha256, name, data, sealed.cast_count())
    reason = alphas.put_file(session_id, file, _alphas(sealed))
    if reason is not None:
        return _refused(reason)
    return {"outcome": STORED, "reason": hashlib.sha256(data).hexdigest()}


def _alphas(sealed: SealedE2E) -> list[bytes]:
    return sorted(
        ct.alpha.encode()
        for cast in sealed.ballots.values()
        for ballot in cast
        for question in ballot.questions
        for ct in question.ciphertexts
    )


def _refused(reason: str) -> dict[str, str]:
    return {"outcome": REFUSED, "reason": reason}
