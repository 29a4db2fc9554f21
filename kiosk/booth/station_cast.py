"""The Station's cast, of HPKE ballots (kiosk/booth/cast.py) or end-to-end ones (kiosk/booth/e2e_cast.py);
a part of kiosk.booth.station.Station."""

from __future__ import annotations

from kiosk.ballot.e2e_seal import PreparedBallot
from kiosk.ballot.ids import SessionId, VoterId
from kiosk.ballot.package import ElectionPackage
from kiosk.ballot.selections import Selections
from kiosk.booth.cast import BallotCaster, CastReceipt
from kiosk.booth.e2e_cast import CheckReceipt, E2ECaster, SealedBallot


class StationCasting:
    caster: BallotCaster
    e2e_caster: E2ECaster

    def _package(self) -> ElectionPackage:
        raise NotImplementedError  # the Station's

    @property
    def e2e(self) -> bool:
        """Whether this booth seals end-to-end verifiable ballots (its package carries the trustees' key)."""
        return self._package().election_key is not None

    def cast(self, voter_id: VoterId, session_id: SessionId, selections: Selections) -> CastReceipt:
        """One commit: ballot, mark and audit event (kiosk.booth.cast, or e2e_cast without a check)."""
        if not self.e2e:
            return self.caster.cast(voter_id, session_id, selections)
        return self.cast_sealed(self.seal(self.prepare_ballot(voter_id, session_id), voter_id, selections))

    def prepare_ballot(self, voter_id: VoterId, session_id: SessionId) -> PreparedBallot:
        """While the voter chooses: every exponentiation of her ballot (kiosk.booth.e2e_cast)."""
        return self.e2e_caster.prepare(voter_id, session_id)

    def seal(self, prepared: PreparedBallot, voter_id: VoterId, selections: Selections) -> SealedBallot:
        return self.e2e_caster.seal(prepared, voter_id, selections)

    def cast_sealed(self, sealed: SealedBallot) -> CastReceipt:
        return self.e2e_caster.cast(sealed)

    def check_sealed(self, sealed: SealedBallot) -> CheckReceipt:
        return self.e2e_caster.check(sealed)

    def abandon_sealed(self, session_id: SessionId) -> None:
        self.e2e_caster.abandon(session_id)
