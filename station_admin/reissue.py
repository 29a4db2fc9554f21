"""Reissuing a voter's code at the officials' office, before the booths are provisioned.

The new code's hash replaces the old one in the election package, which the authority signs again,
and in the officials' codes file; the old code stops working in every booth set up from the new
package. A booth's certificate binds the package's fingerprint, which changes with any re-signing,
so once a booth is provisioned the package must stay as it is: from then on a lost code is reissued
at the voter's booth by a poll worker (the old code stops there at once, the new one is printed on
a sealed slip or shown for 120 seconds).
"""

from __future__ import annotations

import csv
import io

from kiosk.ballot.codes import format_code, generate_code, hash_code
from kiosk.ballot.ids import VoterId
from kiosk.ballot.package import Credential, parse_package
from station_admin.ceremony import sign_package
from station_admin.election_dir import ElectionDir, write_private
from station_admin.notices import VoterCode, read_codes


class ReissueError(ValueError):
    pass


def reissue_code(folder: ElectionDir, voter_id: VoterId) -> tuple[VoterCode, str]:
    """The voter's new code and the package's new fingerprint."""
    package = folder.package()
    try:
        package.definition.voter(voter_id)
    except KeyError:
        raise ReissueError(f"no voter {voter_id!r} in this election") from None
    booths = folder.provisioned()
    if booths:
        raise ReissueError(
            f"booths {', '.join(booths)} already hold this election package; reissue the code at "
            "the voter's booth (poll worker: Reissue a code), where the old code stops at once"
        )
    code = generate_code()
    new_hash = hash_code(package.election_id, code)
    credentials = [
        Credential(voter=c.voter, code_hash=new_hash) if c.voter == voter_id else c
        for c in package.body.credentials
    ]
    body = package.body.model_copy(update={"credentials": credentials})
    text = sign_package(body, folder.authority_key())
    voters = [
        VoterCode(v.voter_id, v.name, v.station, v.language, format_code(code))
        if v.voter_id == voter_id
        else v
        for v in read_codes(folder.codes_path)
    ]
    folder.package_path.write_text(text, encoding="utf-8")
    write_private(folder.codes_path, _codes_csv(folder, voters))
    reissued = next(v for v in voters if v.voter_id == voter_id)
    return reissued, parse_package(text.encode()).fingerprint


def _codes_csv(folder: ElectionDir, voters: list[VoterCode]) -> str:
    roll = folder.package().definition.voters
    groups: dict[str, str] = {v.id: v.group or "" for v in roll}  # looked up by the CSV's text
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["voter_id", "name", "group", "station", "language", "code"])
    for v in voters:
        writer.writerow([v.voter_id, v.name, groups.get(v.voter_id, ""), v.station, v.language, v.code])
    return buffer.getvalue()
