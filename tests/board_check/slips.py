"""Real slips for the board's check page: made by the booth's own services (kiosk.booth), signed by the
booth's key, and the board data a published record would give for them."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.ballot.crypto.wire import b64encode
from kiosk.ballot.e2e_receipt import CheckedSlip, checked_link, parse_cast, parse_checked, receipt_message
from kiosk.ballot.e2e_seal import PreparedBallot, seal_ballot
from kiosk.ballot.selections import Selections
from kiosk.ballot.signing import signing_key_from_hex
from kiosk.booth.e2e_cast import E2ECaster, SealedBallot
from kiosk.booth.station import Station
from station_admin.board_check.page import BoardData
from tests.kit import SMALL_ELECTION, ElectionKit

HERE = Path(__file__).resolve().parent
RUN_TIMEOUT_S = 300  # a few dozen slips, each ~40 group operations, on a loaded 2-core machine
VERIFY_URL = "https://vote.example.org/small-test/verify"


class FlippingCaster(E2ECaster):
    """A cheating booth: it shows and prints the voter's choices but encrypts `instead`."""

    def __init__(self, honest: E2ECaster, instead: Selections) -> None:
        self.__dict__.update(honest.__dict__)
        self.instead = instead

    def seal(self, prepared: PreparedBallot, voter_id: str, selections: Selections) -> SealedBallot:
        ballot = seal_ballot(prepared, self.instead)
        chosen = {q: tuple(c) for q, c in selections.items()}
        return SealedBallot(voter_id, prepared.session.id, chosen, ballot, prepared.ballot_nonce)


@dataclass
class Board:
    """The codes a board lists, filled as the booth casts and checks."""

    booth_key: str
    ballots: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    checked: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def add(self, kind: str, session: str, station: str, code: bytes) -> None:
        listed = (
            (self.ballots if kind == "cast" else self.checked).setdefault(session, {}).setdefault(station, [])
        )
        listed.append(b64encode(code))

    def data(self, ceremony: Path, *, drop: bytes | None = None) -> BoardData:
        dropped = b64encode(drop) if drop is not None else None
        ballots = {s: {b: [c for c in codes if c != dropped] for b, codes in by.items()}
                   for s, by in self.ballots.items()}  # fmt: skip
        return BoardData(SMALL_ELECTION.read_bytes(), json.loads(ceremony.read_text()),
                         {"booth-1": self.booth_key}, ballots, self.checked)  # fmt: skip


def ceremony_of(kit: ElectionKit) -> Path:
    return kit.folder.root.parent / "TRUSTEES" / "ceremony.json"


def voter_at(station: Station, kit: ElectionKit, index: int) -> str:
    from tests.booth.test_e2e_cast import voter_of

    return voter_of(station, kit, index)


def check_slip(station: Station, kit: ElectionKit, board: Board, index: int, session: str,
               chosen: Selections) -> str:  # fmt: skip
    voter = voter_at(station, kit, index)
    slip = station.check_sealed(station.seal(station.prepare_ballot(voter, session), voter, chosen))
    parsed = parse_checked(slip.qr)
    board.add("checked", parsed.session, parsed.station, parsed.code)
    return slip.qr


def cast_receipt(station: Station, kit: ElectionKit, board: Board, index: int, session: str,
                 chosen: Selections) -> str:  # fmt: skip
    voter = voter_at(station, kit, index)
    receipt = station.cast(voter, session, chosen)
    parsed = parse_cast(receipt.qr)
    board.add("cast", parsed.session, parsed.station, parsed.code)
    return receipt.qr


def booth_signed(station: Station, slip: CheckedSlip) -> str:
    """The booth itself signs an altered slip: the attacker is the booth's software, holding its key."""
    signing_key = signing_key_from_hex(station.booth_key()[1])
    extended_hash = station.e2e_caster.election_key().extended_hash
    message = receipt_message(extended_hash, slip.session, slip.code, "checked", (slip.nonce, slip.plaintext))
    return checked_link(VERIFY_URL, replace(slip, signature=signing_key.sign(message)))


def page_verdicts(data: BoardData, slips: list[str]) -> list[dict[str, Any]]:
    """What the page's JavaScript says of each slip, run under Node."""
    node = shutil.which("node") or shutil.which("nodejs")
    assert node is not None, "node is not installed (Debian package nodejs)"
    result = subprocess.run(
        [node, str(HERE / "run_check.js")],
        input=json.dumps({"data": data.page_json(), "slips": slips}),
        capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    verdicts: list[dict[str, Any]] = json.loads(result.stdout)
    return verdicts
