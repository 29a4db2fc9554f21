"""What the import checks of the addenda a sealed file says its booth held.

Each booth names, in its signed manifest (sealed files /1 and /2 alike), the addenda it took in
(number and digest). They must be the officials' own, from the first on, with none skipped; and
every session counted and every mark must fit the election as amended by exactly those addenda: a
booth that counted a vote it should not have had (an addendum the officials never issued, or one it
did not hold) is refused.
"""

from __future__ import annotations

from kiosk.ballot.addendum import Addendum, AddendumError
from kiosk.ballot.amendments import amend_all
from kiosk.ballot.definition import ElectionDefinition, Voter
from kiosk.ballot.sealed_e2e import SealedE2E
from kiosk.ballot.sealed_file import Refusal, SealedFileError
from station_admin.import_checks import AnySealed


def check_addenda(sealed: AnySealed, base: ElectionDefinition, official: list[Addendum]) -> None:
    held = [(a.number, a.digest) for a in sealed.manifest.addenda]
    issued = [(a.number, a.digest) for a in official]
    for index, (number, digest) in enumerate(held):
        if index >= len(issued) or issued[index] != (number, digest):
            raise SealedFileError(
                Refusal.ADDENDA_MISMATCH,
                f"the booth held an addendum {number} ({digest[:16]}) that officials did not issue as such",
            )
    try:
        definition = amend_all(base, official[: len(held)]).definition
    except AddendumError as exc:  # the officials' own record does not apply: never imported under it
        raise SealedFileError(Refusal.ADDENDA_MISMATCH, str(exc)) from None
    sessions = {s.id for s in definition.sessions}
    counted = _counted(sealed) | {s for s, _ in sealed.marks}
    for session in sorted(counted - sessions):
        raise SealedFileError(
            Refusal.ADDENDA_MISMATCH,
            f"it counted session {session!r}, which the addenda the booth held ({len(held)}) do not add",
        )
    if isinstance(sealed, SealedE2E) and [s.session for s in sealed.manifest.sessions] != _listed(
        sealed, definition
    ):
        raise SealedFileError(
            Refusal.ADDENDA_MISMATCH,
            f"its manifest lists other sessions than the addenda the booth held ({len(held)}) give",
        )
    voters: dict[str, Voter] = {v.id: v for v in definition.voters}  # looked up by the file's text
    for session, voter_id in sealed.marks:
        voter = voters.get(voter_id)
        if voter is None or session not in voter.sessions:
            raise SealedFileError(
                Refusal.ADDENDA_MISMATCH,
                f"voter {voter_id!r} may not vote in {session!r} under the addenda the booth held",
            )


def _listed(sealed: SealedE2E, definition: ElectionDefinition) -> list[str]:
    """The sessions a file /2 must list: every one, or the closed vote alone in a hall's session
    file (spec §10.1, its manifest's `session`)."""
    every: list[str] = [s.id for s in definition.sessions]
    closed = sealed.manifest.session
    return every if closed is None else [s for s in every if s == closed]


def _counted(sealed: AnySealed) -> set[str]:
    if isinstance(sealed, SealedE2E):
        return set(sealed.ballots) | set(sealed.checked)
    return {b.session for b in sealed.ballots}
