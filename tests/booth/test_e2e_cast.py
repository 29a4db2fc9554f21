"""Cast or check at an end-to-end booth: what is stored, what is signed, and what a check opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.ballot.audit import verify_chain
from kiosk.ballot.e2e_ballot import verify_ballot
from kiosk.ballot.e2e_receipt import parse_cast, parse_checked, receipt_message, signature_holds
from kiosk.ballot.e2e_record import ballot_from_json
from kiosk.ballot.e2e_slip_check import SlipVerdict, check_slip
from kiosk.booth.station import CastRefused, Station
from kiosk.booth.voter_auth import Authenticated
from tests.kit import POLL_WORKER, ElectionKit

BUDGET_YES = {"q1": ("yes",)}


def voter_of(station: Station, kit: ElectionKit, index: int = 0) -> str:
    voter = [v for v in kit.definition.voters if v.station == "booth-1"][index]
    assert isinstance(station.authenticate_code(kit.codes()[voter.id]), Authenticated)
    return voter.id


def booth_public_key(station: Station) -> bytes:
    return bytes.fromhex(station.booth_key()[0].body.booth_public_key)


def test_a_cast_stores_a_ballot_that_verifies_and_encrypts_her_choices(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    voter = voter_of(e2e_booth, e2e_election)
    sealed = e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, BUDGET_YES)
    receipt = e2e_booth.cast_sealed(sealed)
    assert e2e_booth.counts()["budget"] == (1, 1)
    [(code, session, line)] = e2e_booth.box.all_ballots()
    stored = ballot_from_json(json.loads(line), session, "booth-1")
    election = e2e_booth.e2e_caster.election_key()
    assert verify_ballot(election, e2e_election.definition.session("budget"), stored) is None
    assert code == stored.code.hex() and receipt.tracking_code == sealed.short_code
    assert e2e_election.ceremony is not None
    options = e2e_election.definition.session("budget").questions[0].choices
    values = [e2e_election.ceremony.decrypt(ct) for ct in stored.questions[0].ciphertexts]
    assert dict(zip(options, values, strict=True)) == {"yes": 1, "no": 0, "abstain": 0}
    # The receipt's QR: the board's short code, the full code, and the booth's signature over it.
    slip = parse_cast(receipt.qr)
    assert f"code={receipt.tracking_code}" in receipt.qr and slip.code == stored.code
    message = receipt_message(election.extended_hash, "budget", stored.code, "cast")
    assert signature_holds(booth_public_key(e2e_booth), message, slip.signature)
    assert [e.event for e in e2e_booth.box.audit_entries()][-1] == "ballot_cast"
    verify_chain(e2e_booth.box.audit_entries())


def test_the_nonce_of_a_cast_ballot_never_reaches_the_disk(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    """Threat: whoever copies the booth's disk (a technician, a thief) and holds the receipt would
    open a cast ballot with its ξ_B. Only a checked (spoiled) ballot's nonce is ever written."""
    voter = voter_of(e2e_booth, e2e_election)
    sealed = e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, BUDGET_YES)
    e2e_booth.cast_sealed(sealed)
    e2e_booth.box.close()
    for path in e2e_booth.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert bytes(sealed.nonce) not in data and sealed.nonce.hex().encode() not in data, path


def test_a_check_opens_the_ballot_counts_nothing_and_she_votes_again(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    voter = voter_of(e2e_booth, e2e_election)
    first = e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, BUDGET_YES)
    checked = e2e_booth.check_sealed(first)
    assert e2e_booth.counts()["budget"] == (0, 0)  # no ballot, no mark: she has not voted
    [(code, _session, line)] = e2e_booth.box.all_checked()
    assert code == first.ballot.code.hex() and json.loads(line)["choices"] == {"q1": ["yes"]}
    slip = parse_checked(checked.qr)
    election = e2e_booth.e2e_caster.election_key()
    verdict = check_slip(election, e2e_election.definition, slip, booth_public_key(e2e_booth))
    assert verdict.verdict is SlipVerdict.MATCH and verdict.choices == {"q1": ("yes",)}
    second = e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, {"q1": ("no",)})
    assert second.nonce != first.nonce and second.ballot.code != first.ballot.code
    e2e_booth.cast_sealed(second)
    assert e2e_booth.counts()["budget"] == (1, 1)
    assert [c for c, _, _ in e2e_booth.box.all_ballots()] == [second.ballot.code.hex()]
    events = [e.event for e in e2e_booth.box.audit_entries()]
    assert events[-2:] == ["ballot_checked", "ballot_cast"]


def test_a_revealed_nonce_is_never_drawn_again(
    e2e_booth: Station, e2e_election: ElectionKit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Threat: a weak random source that repeats ξ_B; the checked slip of the first would open the
    second, cast ballot. The booth refuses a draw equal to a revealed nonce."""
    voter = voter_of(e2e_booth, e2e_election)
    first = e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, BUDGET_YES)
    e2e_booth.check_sealed(first)
    draws = iter([first.nonce, first.nonce, b"\x07" * 32])
    monkeypatch.setattr("kiosk.booth.e2e_cast.new_ballot_nonce", lambda: next(draws))
    prepared = e2e_booth.prepare_ballot(voter, "budget")
    assert prepared.ballot_nonce == b"\x07" * 32


def test_a_check_after_her_cast_is_refused_and_stores_nothing(
    e2e_booth: Station, e2e_election: ElectionKit
) -> None:
    voter = voter_of(e2e_booth, e2e_election)
    spare = e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, BUDGET_YES)
    e2e_booth.cast(voter, "budget", BUDGET_YES)
    with pytest.raises(CastRefused):
        e2e_booth.check_sealed(spare)
    with pytest.raises(CastRefused):
        e2e_booth.cast_sealed(spare)
    assert e2e_booth.counts()["budget"] == (1, 1) and e2e_booth.box.all_checked() == []


def test_the_close_exports_a_version_2_sealed_file_with_cast_and_checked_ballots(
    e2e_booth: Station, e2e_election: ElectionKit, tmp_path: Path
) -> None:
    from kiosk.ballot.e2e_ballot import open_checked
    from kiosk.ballot.e2e_slip_check import SlipVerdict
    from kiosk.ballot.sealed_e2e import read_sealed_e2e

    voter = voter_of(e2e_booth, e2e_election)
    spoiled = e2e_booth.seal(e2e_booth.prepare_ballot(voter, "budget"), voter, BUDGET_YES)
    e2e_booth.check_sealed(spoiled)
    e2e_booth.cast(voter, "budget", {"q1": ("no",)})
    e2e_booth.abandon_sealed("board")
    other = voter_of(e2e_booth, e2e_election, 1)
    e2e_booth.cast(other, "budget", {"q1": ("abstain",)})
    e2e_booth.close_polls(POLL_WORKER)
    (tmp_path / "stick").mkdir()
    path = e2e_booth.export(tmp_path / "stick")
    election = e2e_booth.e2e_caster.election_key()
    sealed = read_sealed_e2e(path, e2e_booth.package, election)  # type: ignore[arg-type]
    assert sealed.manifest.format == "isoloir-sealed-ballots/2"
    assert len(sealed.ballots["budget"]) == 2 and len(sealed.checked["budget"]) == 1
    [opened] = sealed.checked["budget"]
    session = e2e_election.definition.session("budget")
    assert opened.code == spoiled.ballot.code
    outcome = open_checked(election, session, opened.context, opened.nonce, opened.choices, opened.code)
    assert outcome.name == SlipVerdict.MATCH.name
    assert all(verify_ballot(election, session, b) is None for b in sealed.ballots["budget"])
