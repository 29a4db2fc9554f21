"""The sealed file, version 2: what the booth writes reads back whole, and any change is refused.

Threat throughout: someone holding the USB stick between the booth and the officials' desk, who can
rewrite any byte of the file; where said, also the booth's own key (a booth whose storage or key
was taken), which lets them sign again.
"""

from __future__ import annotations

import json

import pytest

from kiosk.ballot.crypto.wire import b64decode, b64encode
from kiosk.ballot.e2e_ballot import ElectionKey, code_set_digest, new_ballot_nonce
from kiosk.ballot.e2e_layout import BallotContext
from kiosk.ballot.e2e_record import CheckedBallot
from kiosk.ballot.e2e_seal import encrypt_ballot
from kiosk.ballot.sealed_e2e import parse_sealed_e2e, sealed_version
from kiosk.ballot.sealed_file import Refusal, SealedFileError, build_sealed_bytes
from kiosk.ballot.signing import new_signing_key, private_hex
from tests.ballot.e2e_kit import make_kit
from tests.ballot.sealed_kit import (
    CLOSED,
    OPENED,
    BoothDay,
    booth_day,
    members,
    resign,
    rezip,
    selections_for,
)
from tests.kit import SMALL_ELECTION, ElectionKit


@pytest.fixture(scope="module")
def election() -> ElectionKey:
    return make_kit(SMALL_ELECTION.read_bytes()).election


@pytest.fixture(scope="module")
def day(small_election: ElectionKit, election: ElectionKey) -> BoothDay:
    return booth_day(small_election, election)


def _refused(data: bytes, kit: ElectionKit, election: ElectionKey, refusal: Refusal) -> str:
    with pytest.raises(SealedFileError) as caught:
        parse_sealed_e2e(data, kit.package, election)
    assert caught.value.refusal is refusal, caught.value
    return str(caught.value)


def _edited(day: BoothDay, name: str, edit: object, booth_key: str | None = None) -> bytes:
    contents = members(day.sealed())
    contents[name] = edit(contents[name])  # type: ignore[operator]
    if booth_key is not None:
        contents = resign(contents, booth_key)
    return rezip(contents)


def test_a_sealed_file_reads_back_every_ballot_check_mark_and_the_audit_log(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    data = day.sealed()
    sealed = parse_sealed_e2e(data, small_election.package, election)
    assert sealed_version(data) == 2 and data == day.sealed()  # the same day, the same bytes
    read = {bytes(b.code): b for ballots in sealed.ballots.values() for b in ballots}
    assert read == {bytes(b.code): b for b in day.ballots}
    assert [c for cs in sealed.checked.values() for c in cs] == day.checked
    assert sealed.marks == sorted(day.marks) and sealed.audit == day.audit
    for stated in sealed.manifest.sessions:
        cast = sealed.ballots.get(stated.session, ())
        assert (stated.cast, stated.marks) == (len(cast), len(cast)) > (0, 0)
        codes = [b.code for b in cast]
        assert stated.cast_codes == b64encode(
            code_set_digest(election, stated.session, "booth-1", "cast", codes)
        )
    assert sealed.manifest.audit_head == day.audit[-1].hash


def test_each_ballot_block_is_the_records_file_sorted_by_code(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    lines = members(day.sealed())["ballots.jsonl"].splitlines()
    header = json.loads(lines[0])
    assert header == {"format": "isoloir-record/1 ballots", "session": "board", "station": "booth-1"}
    body = [json.loads(line) for line in lines[1 : 1 + 20]]
    assert set(body[0]) == {"code", "group", "weight", "voter", "questions"}
    codes = [b64decode(b["code"]) for b in body]
    assert codes == sorted(codes)  # bytewise: no cast order survives
    assert b"time" not in members(day.sealed())["marks.jsonl"]


def test_one_changed_byte_in_a_ballot_is_refused(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    data = _edited(day, "ballots.jsonl", lambda b: b.replace(b'"weight":1', b'"weight":2', 1))
    assert "does not match the signed manifest" in _refused(data, small_election, election, Refusal.TAMPERED)


def test_a_file_signed_again_with_a_key_of_ones_own_is_refused(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    data = _edited(day, "ballots.jsonl", lambda b: b, booth_key=private_hex(new_signing_key()))
    assert "signature does not match" in _refused(data, small_election, election, Refusal.TAMPERED)


def test_a_dropped_ballot_is_refused_even_when_signed_again_by_the_booth_key(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    # Also the booth's key: ballots no longer equal the marks, nor the stated counts.
    def drop(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        return b"".join(lines[:1] + lines[2:])

    data = _edited(day, "ballots.jsonl", drop, booth_key=day.seal.booth_key)
    assert "other counts than stated" in _refused(data, small_election, election, Refusal.INCONSISTENT)


def test_a_ballot_moved_to_another_group_is_refused_even_when_signed_by_the_booth(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    # Threat: the booth's key; the "budget" session counts by group, so moving a ballot from one
    # delegation to another changes the by-group results without changing any total.
    budget = [b for b in day.ballots if b.context.session == "budget"]
    victim = budget[0]
    other = next(g for g in ("government", "employers", "workers") if g != victim.context.group)
    session = small_election.definition.session("budget")
    forged = encrypt_ballot(
        election, session, BallotContext("budget", "booth-1", other), {"q1": ("yes",)}, new_ballot_nonce()
    )
    moved = BoothDay(
        day.seal, [forged if b is victim else b for b in day.ballots], day.checked, day.marks, day.audit
    )
    reason = _refused(moved.sealed(), small_election, election, Refusal.INCONSISTENT)
    assert "other groups, weights or names than the marked voters" in reason


def test_a_checked_ballot_that_was_also_cast_is_refused(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    # Threat: a booth that opens (publishes) a ballot it counts: its voter's choices made public.
    cast = day.ballots[0]
    nonce = new_ballot_nonce()
    opened = CheckedBallot(
        cast.context,
        cast.code,
        nonce,
        dict(selections_for(small_election.definition.session(cast.context.session), 0)),
    )
    both = BoothDay(day.seal, day.ballots, [opened], day.marks, day.audit)
    assert "also cast" in _refused(both.sealed(), small_election, election, Refusal.INCONSISTENT)


def test_a_mark_for_a_voter_of_another_booth_is_refused(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    stranger = small_election.definition.voters_at("booth-2")[0].id
    mine = next(v for s, v in day.marks if s == "budget")
    marks = [(s, stranger if (s, v) == ("budget", mine) else v) for s, v in day.marks]
    moved = BoothDay(day.seal, day.ballots, day.checked, marks, day.audit)
    assert stranger in _refused(moved.sealed(), small_election, election, Refusal.NOT_SERVED)


def test_a_file_sealed_under_another_election_key_is_refused(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    # Threat: ballots encrypted to a key someone made alone, so that they can read every one.
    other = make_kit(SMALL_ELECTION.read_bytes() + b" ").election
    reason = _refused(day.sealed(), small_election, other, Refusal.OTHER_ELECTION)
    assert "another key ceremony" in reason


def test_an_edited_audit_log_is_refused(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    data = _edited(day, "audit.jsonl", lambda b: b.replace(b'"official"', b'"test"'), day.seal.booth_key)
    assert "audit log is broken" in _refused(data, small_election, election, Refusal.TAMPERED)


def test_an_extra_member_and_a_repeated_line_are_refused(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    contents = members(day.sealed())
    _refused(rezip({**contents, "notes.txt": b"hello"}), small_election, election, Refusal.UNSAFE)

    def repeat(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        return b"".join(lines[:2] + lines[1:])

    data = _edited(day, "ballots.jsonl", repeat, day.seal.booth_key)
    assert "code order" in _refused(data, small_election, election, Refusal.TAMPERED)


def test_a_version_1_file_is_refused_with_its_reason(
    small_election: ElectionKit, election: ElectionKey, day: BoothDay
) -> None:
    # An HPKE file of a booth set up before end-to-end ballots: refused, saying so (docs/e2e-spec.md §10.1).
    manifest = {
        "election_id": small_election.package.election_id,
        "election_fingerprint": small_election.package.fingerprint,
        "station": "booth-1",
        "certificate": day.seal.certificate.model_dump(),
        "mode": "official",
        "opened_at": OPENED,
        "closed_at": CLOSED,
        "sessions": [],
        "audit_head": day.audit[-1].hash,
    }
    old = build_sealed_bytes(manifest, [], [], day.audit, day.seal.booth_key)
    assert (sealed_version(old), sealed_version(day.sealed()), sealed_version(b"not a zip")) == (1, 2, 0)
    assert "version 1 (HPKE ballots" in _refused(old, small_election, election, Refusal.OLD_FORMAT)
    _refused(b"not a zip", small_election, election, Refusal.NOT_SEALED_FILE)
