"""End-to-end ballots: each question kind encrypts what the voter chose, and forged ballots are refused."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.ballot.crypto.chaum_pedersen import prove_disjunctive
from kiosk.ballot.crypto.elgamal import Ciphertext, aggregate, encrypt
from kiosk.ballot.crypto.group import IDENTITY, GroupError, Nonce, Scalar
from kiosk.ballot.crypto.hashing import Digest, Field, encode_fields
from kiosk.ballot.e2e_ballot import (
    AlphaRegister,
    BallotFault,
    BallotNonces,
    CheckOutcome,
    ElectionKey,
    EncryptedBallot,
    EncryptedQuestion,
    Fault,
    code_set_digest,
    confirmation_code,
    open_checked,
    option_transcript,
    question_digest,
    question_total,
    question_transcript,
    short_code,
    verify_ballot,
)
from kiosk.ballot.e2e_layout import BallotContext, context_for, question_layout, session_layout
from kiosk.ballot.e2e_seal import AlreadySealed, encrypt_ballot, prepare_ballot, seal_ballot
from kiosk.ballot.selections import SelectionError
from tests.ballot.e2e_kit import E2EKit, make_kit

KIT = make_kit()
CTX = BallotContext("kinds", "booth-1")
NONCE = Digest(bytes([7]) * 32)
CHOICE = {"motion": ("yes",), "chair": (), "board": ("dan", "gus"), "panel": (), "seats": ("blue",)}


def _ballot(
    selections: dict[str, tuple[str, ...]] = CHOICE, context: BallotContext = CTX, nonce: Digest = NONCE
) -> EncryptedBallot:
    return encrypt_ballot(KIT.election, KIT.session(), context, selections, nonce)


def test_each_question_kind_encrypts_the_choices_and_verifies() -> None:
    ballot = _ballot()
    assert verify_ballot(KIT.election, KIT.session(), ballot) is None
    assert KIT.plaintexts(ballot) == [
        [1, 0, 0],  # motion: yes
        [0, 0, 0],  # chair: blank, no flag (blank = ballots - Σ options)
        [1, 0, 0, 1],  # board: dan and gus
        [0, 0, 0, 0, 1],  # panel: blank, its flag set
        [0, 1],  # seats: blue
    ]


def test_the_layout_follows_the_definition() -> None:
    layouts = {layout.question_id: layout for layout in session_layout(KIT.session())}
    assert layouts["motion"].allowed == (1,) and layouts["chair"].allowed == (0, 1)
    assert layouts["board"].allowed == (1, 2) and not layouts["board"].blank_flag
    # min 0 still refuses an empty answer unless blank is allowed; here the flag counts as max
    assert layouts["panel"].allowed == (1, 2, 3) and layouts["panel"].weights == (1, 1, 1, 1, 3)
    assert layouts["seats"].allowed == (0, 1)


def test_every_allowed_answer_of_a_choose_k_question_verifies() -> None:
    for panel in [("hal",), ("hal", "ivy"), ("ivy", "joe", "kim"), ()]:
        ballot = _ballot({**CHOICE, "panel": panel})
        assert verify_ballot(KIT.election, KIT.session(), ballot) is None


def test_choices_the_rules_refuse_are_not_encrypted() -> None:
    for bad in [
        {**CHOICE, "motion": ()},
        {**CHOICE, "board": ("dan", "eve", "fay")},
        {**CHOICE, "seats": ("red", "blue")},
    ]:
        with pytest.raises(SelectionError):
            _ballot(bad)


def test_the_ballot_is_deterministic_in_its_nonce_and_fresh_otherwise() -> None:
    assert _ballot().code == _ballot().code
    other = encrypt_ballot(KIT.election, KIT.session(), CTX, CHOICE, Digest(bytes([8]) * 32))
    assert other.code != _ballot().code


def test_the_short_code_is_16_symbols_of_the_codes_first_80_bits() -> None:
    code = Digest(bytes([0xFF] * 10 + [0] * 22))
    assert short_code(code) == "ZZZZ-ZZZZ-ZZZZ-ZZZZ"
    assert short_code(Digest(bytes(32))) == "0000-0000-0000-0000"
    assert len(short_code(_ballot().code).replace("-", "")) == 16


def _forge_question(
    kit: E2EKit, ballot: EncryptedBallot, qi: int, values: list[int], claimed: int
) -> EncryptedBallot:
    """A cheating booth: ciphertexts of `values`, honest 0/1 proofs, a question proof claiming `claimed`."""
    election, ctx = kit.election, ballot.context.digest(kit.election.extended_hash)
    layout = session_layout(kit.session())[qi]
    xis = [Scalar(900 + oi) for oi in range(len(values))]
    cts = tuple(encrypt(election.key, m, Nonce(xi)) for m, xi in zip(values, xis, strict=True))
    proofs = tuple(
        prove_disjunctive(
            election.key,
            (0, 1),
            m,
            xi,
            {0: Scalar(5), 1: Scalar(6)},
            {1 - m: Scalar(7)},
            option_transcript(election, ctx, qi, oi, ct),
        )
        for oi, (m, xi, ct) in enumerate(zip(values, xis, cts, strict=True))
    )
    total = question_total(cts, layout)
    total_nonce = sum((Scalar(w) * xi for w, xi in zip(layout.weights, xis, strict=True)), Scalar(0))
    fake = {j: Scalar(20 + j) for j in layout.allowed if j != claimed}
    commit = {j: Scalar(40 + j) for j in layout.allowed}
    sp = prove_disjunctive(
        election.key,
        layout.allowed,
        claimed,
        total_nonce,
        commit,
        fake,
        question_transcript(election, ctx, qi, total, layout),
    )
    questions = list(ballot.questions)
    questions[qi] = EncryptedQuestion(cts, proofs, sp)
    digests = [question_digest(election, ctx, i, q.ciphertexts) for i, q in enumerate(questions)]
    return EncryptedBallot(ballot.context, tuple(questions), confirmation_code(election, ctx, digests))


def test_two_votes_in_a_one_of_n_question_are_refused() -> None:
    # Threat: a booth that marks both "yes" and "no" (each ciphertext a valid 0 or 1) to cancel or
    # double a vote; only the question proof sees the sum of 2. The code is recomputed, so only it fails.
    forged = _forge_question(KIT, _ballot(), 0, [1, 1, 0], claimed=1)
    assert verify_ballot(KIT.election, KIT.session(), forged) == BallotFault(Fault.QUESTION_PROOF, 0)
    assert (
        KIT.decrypt(
            question_total(forged.questions[0].ciphertexts, question_layout(KIT.session().questions[0]))
        )
        == 2
    )


def test_blank_flag_with_a_choice_is_refused() -> None:
    # Threat: a booth sets the blank flag and a candidate: counted as blank and as a vote at once.
    forged = _forge_question(KIT, _ballot(), 3, [1, 0, 0, 0, 1], claimed=3)
    assert verify_ballot(KIT.election, KIT.session(), forged) == BallotFault(Fault.QUESTION_PROOF, 3)
    honest_shape = _forge_question(
        KIT, _ballot(), 3, [0, 0, 0, 0, 1], claimed=3
    )  # the same path, honest values
    assert verify_ballot(KIT.election, KIT.session(), honest_shape) is None


def test_a_ballot_moved_to_another_context_is_refused() -> None:
    # Threat: an importer or booth relabels a ballot to another booth, group or voter (or replays it
    # in another session): every proof and the code hash ctx, so the first proof already fails.
    ballot = _ballot()
    for context in [
        dataclasses.replace(CTX, station="booth-2"),
        dataclasses.replace(CTX, weight=2),
        dataclasses.replace(CTX, group="workers"),
    ]:
        moved = dataclasses.replace(ballot, context=context)
        assert verify_ballot(KIT.election, KIT.session(), moved) == BallotFault(Fault.OPTION_PROOF, 0, 0)


def test_proofs_swapped_between_options_are_refused() -> None:
    ballot = _ballot()
    q = ballot.questions[0]
    swapped = EncryptedQuestion(
        q.ciphertexts, (q.option_proofs[1], q.option_proofs[0], q.option_proofs[2]), q.question_proof
    )
    forged = dataclasses.replace(ballot, questions=(swapped, *ballot.questions[1:]))
    assert verify_ballot(KIT.election, KIT.session(), forged) == BallotFault(Fault.OPTION_PROOF, 0, 0)


def test_a_copied_ciphertext_is_refused_with_its_proof_and_under_a_fresh_one() -> None:
    # Threat (Cortier–Smyth): an attacker copies a victim's question into her own ballot to learn the
    # victim's vote from a small tally, or to double it.
    victim = _ballot()
    mine = _ballot({**CHOICE, "motion": ("no",)}, BallotContext("kinds", "booth-2"))
    copied = dataclasses.replace(mine, questions=(victim.questions[0], *mine.questions[1:]))
    assert verify_ballot(KIT.election, KIT.session(), copied) == BallotFault(Fault.OPTION_PROOF, 0, 0)
    # A booth that knows ξ can prove the copied α afresh under the new context: the register catches it.
    register = AlphaRegister()
    assert register.admit(victim) is None
    reused = _forge_question(KIT, mine, 1, [0, 0, 0], claimed=0)
    same_alpha = _forge_question(
        KIT,
        _ballot({**CHOICE, "chair": ("ana",)}, BallotContext("kinds", "booth-2"), Digest(bytes([9]) * 32)),
        1,
        [0, 0, 0],
        claimed=0,
    )
    assert verify_ballot(KIT.election, KIT.session(), same_alpha) is None
    assert register.admit(reused) is None
    assert register.admit(same_alpha) == BallotFault(Fault.COPIED_ALPHA, 1, 0)


def test_a_repeated_ballot_nonce_is_caught_by_the_alpha_register() -> None:
    # Threat: a broken random generator gives one voter's check and her next attempt the same ξ_B;
    # the checked slip would then open the cast ballot. Nonces hash ξ_B and ctx, not the choices, so
    # both ballots share every α and the register (verifier check V6) refuses the second.
    register = AlphaRegister()
    assert register.admit(_ballot()) is None
    again = _ballot({**CHOICE, "motion": ("no",)})
    assert verify_ballot(KIT.election, KIT.session(), again) is None
    assert register.admit(again) == BallotFault(Fault.COPIED_ALPHA, 0, 0)


def test_alpha_identity_is_refused_even_with_a_valid_proof() -> None:
    # Threat: a booth uses ξ = 0, so β = K^m publishes the vote; its proof is valid, the rule is not.
    election, ballot = KIT.election, _ballot()
    ctx = CTX.digest(election.extended_hash)
    ct = Ciphertext(IDENTITY, election.key)
    proof = prove_disjunctive(
        election.key,
        (0, 1),
        1,
        Scalar(0),
        {0: Scalar(3), 1: Scalar(4)},
        {0: Scalar(5)},
        option_transcript(election, ctx, 0, 0, ct),
    )
    q = ballot.questions[0]
    forged_q = EncryptedQuestion((ct, *q.ciphertexts[1:]), (proof, *q.option_proofs[1:]), q.question_proof)
    forged = dataclasses.replace(ballot, questions=(forged_q, *ballot.questions[1:]))
    assert verify_ballot(KIT.election, KIT.session(), forged) == BallotFault(Fault.IDENTITY_ALPHA, 0, 0)
    with pytest.raises(GroupError):
        Nonce(Scalar(0))  # and the booth's own path cannot make one


def test_a_changed_code_or_a_missing_question_is_refused() -> None:
    ballot = _ballot()
    assert verify_ballot(
        KIT.election, KIT.session(), dataclasses.replace(ballot, code=Digest(bytes(32)))
    ) == BallotFault(Fault.CODE)
    short = dataclasses.replace(ballot, questions=ballot.questions[:-1])
    assert verify_ballot(KIT.election, KIT.session(), short) == BallotFault(Fault.SHAPE)


def test_a_checked_ballot_opens_to_exactly_the_choices_shown() -> None:
    ballot = _ballot()
    session, election = KIT.session(), KIT.election
    assert open_checked(election, session, CTX, NONCE, CHOICE, ballot.code) is CheckOutcome.MATCH
    # Threat: a booth that shows "yes" and encrypts "no"; the voter's slip carries "yes" and ξ_B.
    cheat = _ballot({**CHOICE, "motion": ("no",)})
    assert open_checked(election, session, CTX, NONCE, CHOICE, cheat.code) is CheckOutcome.CODE_MISMATCH
    assert (
        open_checked(election, session, CTX, Digest(bytes(32)), CHOICE, ballot.code)
        is CheckOutcome.CODE_MISMATCH
    )
    other_booth = dataclasses.replace(CTX, station="booth-2")
    assert (
        open_checked(election, session, other_booth, NONCE, CHOICE, ballot.code) is CheckOutcome.CODE_MISMATCH
    )
    bad = {**CHOICE, "motion": ("yes", "no")}
    assert open_checked(election, session, CTX, NONCE, bad, ballot.code) is CheckOutcome.INVALID_CHOICES


def test_the_context_carries_group_and_voter_only_where_the_session_says() -> None:
    d = KIT.definition
    assert context_for(d, d.session("kinds"), "booth-1", "v1") == BallotContext("kinds", "booth-1")
    assert context_for(d, d.session("grouped"), "booth-1", "v1") == BallotContext(
        "grouped", "booth-1", "workers"
    )
    assert context_for(d, d.session("named"), "booth-1", "v1") == BallotContext(
        "named", "booth-1", voter="v1"
    )


def test_the_tally_of_ballots_counts_each_option() -> None:
    ballots = [
        encrypt_ballot(KIT.election, KIT.session(), CTX, {**CHOICE, "motion": (m,)}, Digest(bytes([i]) * 32))
        for i, m in enumerate(("yes", "no", "yes", "abstain"))
    ]
    totals = [KIT.decrypt(aggregate(b.questions[0].ciphertexts[oi] for b in ballots)) for oi in range(3)]
    assert totals == [2, 1, 1]


def test_the_sealed_proofs_are_the_generic_provers_and_the_fast_statement_is_the_specs() -> None:
    # The booth's prepared path hand-picks precomputed elements; the generic prover follows the
    # spec's formulas literally. Same nonces, same proofs, or the fast path drifted from the spec.
    election, ballot = KIT.election, _ballot()
    ctx = CTX.digest(election.extended_hash)
    nonces = BallotNonces(election.extended_hash, NONCE, ctx)
    for oi, m in enumerate((1, 0, 0)):
        ct = ballot.questions[0].ciphertexts[oi]
        transcript = option_transcript(election, ctx, 0, oi, ct)
        fields: list[Field] = [ctx, 0, oi, election.key, ct.alpha, ct.beta, (0, 1)]
        assert transcript.statement == encode_fields(fields)
        commit = {j: nonces("opt-u", 0, oi, j) for j in (0, 1)}
        fake = {1 - m: nonces("opt-c", 0, oi, 0)}
        xi = nonces("enc", 0, oi, 0)
        assert (
            prove_disjunctive(election.key, (0, 1), m, xi, commit, fake, transcript)
            == ballot.questions[0].option_proofs[oi]
        )


def test_the_booths_code_set_keeps_no_order() -> None:
    # Threat: a sealed file that commits to codes in cast order ties a voter seen in the queue to her
    # ballot. The digest is over the sorted set: any order gives one value, a dropped code another.
    codes = [_ballot(nonce=Digest(bytes([i]) * 32)).code for i in range(4)]
    digest = code_set_digest(KIT.election, "kinds", "booth-1", "cast", codes)
    assert digest == code_set_digest(KIT.election, "kinds", "booth-1", "cast", codes[::-1])
    assert digest != code_set_digest(KIT.election, "kinds", "booth-1", "cast", codes[:3])
    assert digest != code_set_digest(KIT.election, "kinds", "booth-1", "checked", codes)


def test_an_identity_election_key_is_refused() -> None:
    # Threat: a forged package with K = identity makes every β the identity: every vote public.
    with pytest.raises(ValueError, match="identity"):
        ElectionKey(KIT.election.extended_hash, IDENTITY)


def test_a_prepared_ballot_seals_once_and_only_in_its_session() -> None:
    # Threat (a booth bug): sealing one prepared ballot for two attempts gives both the same nonces;
    # checking one would then open the other. The second seal is refused; a refused choice is not a seal.
    prepared = prepare_ballot(KIT.election, KIT.session(), CTX, NONCE)
    with pytest.raises(SelectionError):
        seal_ballot(prepared, {**CHOICE, "motion": ()})
    assert seal_ballot(prepared, CHOICE).code == _ballot().code
    with pytest.raises(AlreadySealed):
        seal_ballot(prepared, CHOICE)
    with pytest.raises(ValueError, match="session"):
        prepare_ballot(KIT.election, KIT.session(), BallotContext("grouped", "booth-1"), NONCE)
