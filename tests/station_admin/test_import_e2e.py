"""`station-admin import` of sealed files /2: every proof checked with the producer's own code.

Threat throughout: someone holding the stick between a booth and the desk (any byte of the file),
and where said the booth's own key too (a booth whose disk or key was taken, or that cheats). Each
refused file names its reason and changes nothing in the tally database.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, func, select

from kiosk.ballot.crypto.group import Point
from kiosk.ballot.e2e_ballot import new_ballot_nonce
from kiosk.ballot.e2e_record import CheckedBallot
from kiosk.ballot.e2e_seal import encrypt_ballot
from kiosk.ballot.sealed_file import Refusal
from station_admin import tally_db as db
from station_admin.cli import main as admin
from station_admin.importer import ImportResult, import_file
from station_admin.importer_e2e import NO_CEREMONY
from station_admin.quarantine import Replacement
from tests.ballot.sealed_kit import BoothDay, booth_day, members, rezip
from tests.kit import ElectionKit
from tests.station_admin.e2e_kit import E2EKit, make_e2e_election
from tests.station_admin.forged_ballots import forge_question
from tests.station_admin.polling import day_ballots, polling_day


@pytest.fixture(scope="module")
def e2e(tmp_path_factory: pytest.TempPathFactory) -> E2EKit:
    return make_e2e_election(tmp_path_factory.mktemp("e2e-election"))


@pytest.fixture(scope="module")
def days(e2e: E2EKit) -> dict[str, BoothDay]:
    return {s: booth_day(e2e.kit, e2e.e2e.election, s) for s in ("booth-1", "booth-2")}


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return db.open_db(f"sqlite:///{tmp_path / 'tally.sqlite'}")


def _write(tmp_path: Path, day: BoothDay, name: str = "booth.isoloir") -> Path:
    path = tmp_path / name
    path.write_bytes(day.sealed())
    return path


def _rows(engine: Engine) -> tuple[int, ...]:
    with engine.connect() as c:
        tables = (db.imports, db.e2e_ballots, db.e2e_checked, db.e2e_seals, db.marks, db.audit_logs)
        return tuple(c.execute(select(func.count()).select_from(t)).scalar() or 0 for t in tables)


def _import(engine: Engine, e2e: E2EKit, path: Path) -> ImportResult:
    return import_file(engine, e2e.kit.package, path, e2e=e2e.e2e)


def _refused(engine: Engine, e2e: E2EKit, path: Path, refusal: Refusal) -> str:
    before = _rows(engine)
    result = _import(engine, e2e, path)
    assert result.status == "refused" and result.reason.startswith(refusal.value), result.reason
    assert _rows(engine) == before
    return result.reason


def test_two_booths_import_with_every_proof_checked_and_only_once(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    for station, day in days.items():
        result = _import(engine, e2e, _write(tmp_path, day, f"{station}.isoloir"))
        assert (result.status, result.ballots, result.marks) == ("imported", len(day.ballots), len(day.marks))
    again = _import(engine, e2e, tmp_path / "booth-1.isoloir")
    assert again.status == "already imported"
    cast = sum(len(d.ballots) for d in days.values())
    assert _rows(engine) == (2, cast, 2, 2, cast, 2)


def test_the_cli_imports_end_to_end_files_and_refuses_an_altered_one(
    e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    genuine = _write(tmp_path, days["booth-1"])
    altered = tmp_path / "altered.isoloir"
    contents = members(days["booth-2"].sealed())
    contents["audit.jsonl"] = contents["audit.jsonl"].replace(b"polls_closed", b"polls_clozed")
    altered.write_bytes(rezip(contents))
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = CliRunner().invoke(admin, ["import", "--election", str(e2e.kit.folder.root), "--db", url,
                                        "--jobs", "2", str(genuine), str(altered)])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "1 imported, 0 already imported (nothing changed), 1 refused" in result.output
    assert "altered after sealing" in result.output


def test_an_hpke_file_is_refused_in_an_end_to_end_election_and_the_reverse(
    engine: Engine, e2e: E2EKit, small_election: ElectionKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # An HPKE file (a booth set up before end-to-end ballots) could be counted by whoever recovers
    # its key alone: an end-to-end election never takes one.
    old = polling_day(e2e.kit, tmp_path / "old", "booth-1", day_ballots())
    assert "version 1 (HPKE ballots" in _refused(engine, e2e, old, Refusal.OLD_FORMAT)
    result = import_file(engine, small_election.package, _write(tmp_path, days["booth-1"]))
    assert result.status == "refused" and NO_CEREMONY in result.reason


def test_two_votes_in_a_one_of_n_question_are_refused_though_signed_by_the_booth(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # Threat: a cheating booth (its own key) marks "yes" and "no" on one ballot, each a valid 0 or 1.
    day = days["booth-1"]
    session = e2e.kit.definition.session("budget")
    victim = next(b for b in day.ballots if b.context.session == "budget")
    size = len(session.questions[0].choices)
    forged = forge_question(e2e.e2e.election, session, victim, 0, [1, 1] + [0] * (size - 2), claimed=1)
    bad = dataclasses.replace(day, ballots=[forged if b is victim else b for b in day.ballots])
    reason = _refused(engine, e2e, _write(tmp_path, bad), Refusal.INVALID_BALLOT)
    assert "question's proof that its count is allowed does not verify" in reason


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_invalid_element_is_refused_by_the_proof_check_that_alone_validates_it(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path, jobs: int
) -> None:
    # Threat: the booth's key; a β replaced by bytes that are no ristretto255 element (a
    # non-canonical encoding). The import's parent no longer validates elements (each is validated
    # once, by the worker that computes with it): the worker must refuse it, nothing stored.
    day = days["booth-1"]
    victim = day.ballots[-1]
    question = victim.questions[0]
    bad = Point.decode_unchecked(b"\xff" * 32)
    ct = dataclasses.replace(question.ciphertexts[0], beta=bad)
    changed = dataclasses.replace(question, ciphertexts=(ct, *question.ciphertexts[1:]))
    forged = dataclasses.replace(victim, questions=(changed, *victim.questions[1:]))
    sealed = dataclasses.replace(day, ballots=[*day.ballots[:-1], forged])
    before = _rows(engine)
    result = import_file(engine, e2e.kit.package, _write(tmp_path, sealed), e2e=e2e.e2e, jobs=jobs)
    assert result.status == "refused" and result.reason.startswith(Refusal.TAMPERED.value), result.reason
    assert "is malformed" in result.reason and "element" in result.reason
    assert _rows(engine) == before


def test_a_changed_proof_scalar_is_refused_though_signed_by_the_booth(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # Threat: the booth's key; a proof's response replaced by the challenge (any valid scalar).
    day = days["booth-1"]
    victim = day.ballots[0]
    question = victim.questions[0]
    pair = question.option_proofs[0][0]
    swapped = ((dataclasses.replace(pair, response=pair.challenge), *question.option_proofs[0][1:]),)
    changed = dataclasses.replace(question, option_proofs=swapped + question.option_proofs[1:])
    forged = dataclasses.replace(victim, questions=(changed, *victim.questions[1:]))
    bad = dataclasses.replace(day, ballots=[forged, *day.ballots[1:]])
    reason = _refused(engine, e2e, _write(tmp_path, bad), Refusal.INVALID_BALLOT)
    assert "0 or 1 does not verify" in reason


def test_a_ballot_copied_from_another_booths_file_is_refused(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # Threat: booth-2's key; one of booth-1's ballots (with booth-1's genuine proofs) slipped into
    # booth-2's file in place of one of its own, mark untouched. The context names booth-1, so booth-2's
    # header makes its code and proofs fail.
    one, two = days["booth-1"], days["booth-2"]
    stolen = next(b for b in one.ballots if b.context.session == "roll-call")
    victim = next(b for b in two.ballots if b.context.session == "roll-call")
    moved = dataclasses.replace(stolen, context=victim.context)
    bad = dataclasses.replace(two, ballots=[moved if b is victim else b for b in two.ballots])
    _refused(engine, e2e, _write(tmp_path, bad), Refusal.INVALID_BALLOT)


def test_a_checked_ballot_whose_shown_choices_differ_from_its_encryption_is_refused(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # Threat: a booth that encrypted "no" while the voter's slip (and the opening) say "yes".
    day = days["booth-1"]
    session = e2e.kit.definition.session("budget")
    context = day.checked[0].context if day.checked[0].context.session == "budget" else None
    context = context or next(b.context for b in day.ballots if b.context.session == "budget")
    nonce = new_ballot_nonce()
    sealed = encrypt_ballot(e2e.e2e.election, session, context, {"q1": ("no",)}, nonce)
    lie = CheckedBallot(context, sealed.code, nonce, {"q1": ("yes",)})
    bad = dataclasses.replace(day, checked=[lie])
    reason = _refused(engine, e2e, _write(tmp_path, bad), Refusal.CHECK_FAILED)
    assert "do not give the printed code" in reason


def test_a_second_booth_set_up_as_booth_1_is_refused(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # Threat: a rogue poll worker of booth-1 sets up a second machine as booth-1 (genuine card) and
    # brings its file too: two booth keys for one station, a double vote for each of its voters.
    assert _import(engine, e2e, _write(tmp_path, days["booth-1"], "one.isoloir")).status == "imported"
    twin = booth_day(e2e.kit, e2e.e2e.election, "booth-1")
    reason = _refused(engine, e2e, _write(tmp_path, twin, "twin.isoloir"), Refusal.SECOND_BOOTH_KEY)
    assert "only one booth key per station" in reason


def test_a_wrong_file_replaced_on_the_record_leaves_the_count_with_all_its_ballots(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # Threat: a rogue twin of booth-1 whose file reached the desk first; officials find out which
    # booth is genuine and replace it: the twin's ballots, checked ballots and marks all leave.
    twin = booth_day(e2e.kit, e2e.e2e.election, "booth-1", voters=["v01", "v03"])
    assert _import(engine, e2e, _write(tmp_path, twin, "twin.isoloir")).status == "imported"
    genuine = _write(tmp_path, days["booth-1"], "genuine.isoloir")
    replace = Replacement("booth-1", "a second booth set up as booth-1", "the returning officer")
    result = import_file(engine, e2e.kit.package, genuine, replace=replace, e2e=e2e.e2e)
    assert result.status == "imported" and result.replaced, result.reason
    cast = len(days["booth-1"].ballots)
    assert _rows(engine) == (1, cast, 1, 1, cast, 1)


def test_a_ciphertext_repeated_from_another_booths_file_is_refused_naming_both_files(
    engine: Engine, e2e: E2EKit, days: dict[str, BoothDay], tmp_path: Path
) -> None:
    # Threat: a booth's software that knows one of booth-1's ballot nonces (the same corrupted build
    # on both booths, or one booth replaying a ballot it made) re-proves that ballot's ciphertexts
    # under booth-2's own context and signs the file with booth-2's key: every proof and code holds,
    # the copied vote would count twice (Cortier–Smyth). Only its repeated α shows the copy.
    session = e2e.kit.definition.session("budget")
    size = len(session.questions[0].choices)
    copied = {}
    for station in ("booth-1", "booth-2"):
        day = days[station]
        victim = next(b for b in day.ballots if b.context.session == "budget")
        forged = forge_question(e2e.e2e.election, session, victim, 0, [1] + [0] * (size - 1), claimed=1)
        copied[station] = dataclasses.replace(
            day, ballots=[forged if b is victim else b for b in day.ballots]
        )
    first = _import(engine, e2e, _write(tmp_path, copied["booth-1"], "booth-1.isoloir"))
    assert first.status == "imported", first.reason
    with engine.connect() as c:
        alphas = c.execute(select(func.count()).select_from(db.e2e_alphas)).scalar()
    assert alphas == sum(len(q.ciphertexts) for b in copied["booth-1"].ballots for q in b.questions)
    reason = _refused(
        engine, e2e, _write(tmp_path, copied["booth-2"], "booth-2.isoloir"), Refusal.INVALID_BALLOT
    )
    assert "booth 'booth-2'" in reason and "booth 'booth-1'" in reason and "copied" in reason
    # The genuine booth-2 file (no α of booth-1's) still imports: the check is on the ciphertext.
    assert _import(engine, e2e, _write(tmp_path, days["booth-2"], "genuine-2.isoloir")).status == "imported"
