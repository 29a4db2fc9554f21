"""The offline check of a checked slip (`kiosk check-slip`) catches a booth that encrypted something
else than the voter chose. Each test names the attacker and what they hold."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner, Result

from kiosk.ballot.e2e_receipt import checked_link, parse_checked
from kiosk.ballot.e2e_seal import PreparedBallot, seal_ballot
from kiosk.ballot.package import PACKAGE_FILE
from kiosk.ballot.selections import Selections
from kiosk.booth.e2e_cast import E2ECaster, SealedBallot
from kiosk.booth.station import Station
from kiosk.cli import main as kiosk
from tests.booth.test_e2e_cast import booth_public_key, voter_of
from tests.kit import ElectionKit

BOARD = {"members": ("ana", "chloe"), "lists": ("l2",)}


def check(e2e_election: ElectionKit, qr: str, *extra: str) -> Result:
    package = e2e_election.media["booth-1"] / PACKAGE_FILE
    return CliRunner().invoke(kiosk, ["check-slip", "--package", str(package), *extra, qr])


class FlippingCaster(E2ECaster):
    """A cheating booth: it shows and prints the voter's choices but encrypts others."""

    def __init__(self, honest: E2ECaster, instead: Selections) -> None:
        self.__dict__.update(honest.__dict__)
        self.instead = instead

    def seal(self, prepared: PreparedBallot, voter_id: str, selections: Selections) -> SealedBallot:
        ballot = seal_ballot(prepared, self.instead)
        chosen = {q: tuple(c) for q, c in selections.items()}
        return SealedBallot(voter_id, prepared.session.id, chosen, ballot, prepared.ballot_nonce)


def _board_choices(e2e_election: ElectionKit) -> dict[str, tuple[str, ...]]:
    session = e2e_election.definition.session("board")
    return {q.id: BOARD.get(q.id, ()) for q in session.questions}


def test_an_honest_checked_slip_is_confirmed_with_its_choices_in_her_language(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    voter = voter_of(e2e_booth, e2e_election)
    chosen = _board_choices(e2e_election)
    slip = e2e_booth.check_sealed(e2e_booth.seal(e2e_booth.prepare_ballot(voter, "board"), voter, chosen))
    key = booth_public_key(e2e_booth).hex()
    result = check(e2e_election, slip.qr, "--booth-key", key, "--language", "fr")
    assert result.exit_code == 0, result.output
    assert "OK: the booth encrypted exactly these choices; the booth's signature holds" in result.output
    assert slip.tracking_code in result.output


def test_a_booth_that_encrypts_other_choices_is_caught_by_the_check(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: booth software altered to vote "no" while it shows and prints "yes" (a malicious
    update, a corrupted technician). It cannot find a nonce that gives the printed code for "yes"."""
    e2e_booth.e2e_caster = FlippingCaster(e2e_booth.e2e_caster, {"q1": ("no",)})
    voter = voter_of(e2e_booth, e2e_election)
    slip = e2e_booth.check_sealed(
        e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, {"q1": ("yes",)})
    )
    assert "p=AQAA" in slip.qr  # the slip claims "yes", the voter's choice
    result = check(e2e_election, slip.qr, "--booth-key", booth_public_key(e2e_booth).hex())
    assert result.exit_code == 1
    assert "do not give the printed code: the booth cheated" in result.output


def test_a_booth_that_reveals_another_nonce_is_caught(e2e_booth: Station, e2e_election: ElectionKit) -> None:
    """Threat: a booth that, asked to open, prints a made-up nonce (and signs it) hoping no one checks."""
    voter = voter_of(e2e_booth, e2e_election)
    slip = e2e_booth.check_sealed(
        e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, {"q1": ("yes",)})
    )
    parsed = parse_checked(slip.qr)
    lying = checked_link("https://x.example/v", replace(parsed, nonce=bytes(32)))
    result = check(e2e_election, lying)
    assert result.exit_code == 1 and "the booth cheated" in result.output


def test_a_slip_edited_after_printing_fails_the_signature(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: someone who prints a fake "checked" slip for another choice to discredit an honest booth."""
    voter = voter_of(e2e_booth, e2e_election)
    slip = e2e_booth.check_sealed(
        e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, {"q1": ("yes",)})
    )
    edited = checked_link("https://x.example/v", replace(parse_checked(slip.qr), plaintext=b"\x00\x01\x00"))
    result = check(e2e_election, edited, "--booth-key", booth_public_key(e2e_booth).hex())
    assert result.exit_code == 1 and "not signed by this booth's key" in result.output


def test_a_cast_receipt_or_garbage_is_refused_with_a_reason(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    voter = voter_of(e2e_booth, e2e_election)
    receipt = e2e_booth.cast(voter, "budget", {"q1": ("yes",)})
    result = check(e2e_election, receipt.qr)
    assert result.exit_code == 1 and "a cast receipt cannot be opened" in result.output
    garbage = check(e2e_election, "https://x.example/v?check=2&s=budget")
    assert garbage.exit_code == 1 and "exactly the fields" in garbage.output


def test_the_check_works_from_the_published_manifest_and_ceremony(
    e2e_booth: Station, e2e_election: ElectionKit, tmp_path: Path
) -> None:
    voter = voter_of(e2e_booth, e2e_election)
    slip = e2e_booth.check_sealed(
        e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, {"q1": ("abstain",)})
    )
    from tests.kit import SMALL_ELECTION

    ceremony = e2e_election.folder.root.parent / "TRUSTEES" / "ceremony.json"
    result = CliRunner().invoke(
        kiosk, ["check-slip", "--manifest", str(SMALL_ELECTION), "--ceremony", str(ceremony), slip.qr]
    )
    assert result.exit_code == 0, result.output
    assert "Abstain" in result.output
