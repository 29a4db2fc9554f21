"""Counting an end-to-end election from k trustees' partial decryptions of its sums.

The officials hold no key: they recompute the aggregates from the imported ballots, check that the
trustees answered exactly that request (the same bytes), check every trustee's proof, combine any k
of them (k − 1 are refused), take each discrete log within its bound, and fill the results shape of
kiosk.ballot.counting, so the outcomes, the PDF report and the board work as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.ballot.counting import Tally
from kiosk.ballot.crypto.ceremony_record import CeremonyKeys
from kiosk.ballot.crypto.decryption import DecryptionRefused, Partial, combine
from kiosk.ballot.crypto.decryption_messages import load_partials, make_request
from kiosk.ballot.crypto.discrete_log import DiscreteLogTable
from kiosk.ballot.crypto.elgamal import Ciphertext
from kiosk.ballot.definition import ElectionDefinition, MultipleChoice
from kiosk.ballot.e2e_layout import session_layout
from station_admin.e2e_aggregates import SessionSums, request_ciphertexts


class E2ETallyError(ValueError):
    """The tally cannot go ahead; the message says what to do."""


@dataclass(frozen=True)
class Decrypted:
    values: dict[str, int]  # request id -> t
    partials: dict[int, dict[str, Partial]]  # trustee -> request id -> its proved partial


def request_text(keys: CeremonyKeys, sums: Sequence[SessionSums]) -> str:
    return make_request(keys.h_e, request_ciphertexts(sums))


OFF_HALL_AGGREGATE = "station-admin aggregate --out DIR"  # what makes the request at a desk of sticks


def decrypt_sums(
    keys: CeremonyKeys, sums: Sequence[SessionSums], request: bytes, answers: Sequence[bytes],
    aggregate_command: str = OFF_HALL_AGGREGATE,
) -> Decrypted:
    """t for every requested sum, from at least k trustees whose every proof holds. A request that
    is not these sums is refused, naming the command that makes it (`aggregate_command`)."""
    if request != request_text(keys, sums).encode():
        raise E2ETallyError(
            "this request is not the sums of the ballots counted (ballots were added or taken out since "
            f"it was made, or it was changed): run `{aggregate_command}` again and have the trustees "
            "decrypt the new request"
        )
    wanted = request_ciphertexts(sums)
    bounds = {a.id: a.bound for s in sums for a in s.aggregates}
    try:
        by_trustee = [load_partials(keys, request, data) for data in answers]
        partials = {next(iter(p.values())).trustee: p for p in by_trustee if p}
        if len(partials) != len(by_trustee):
            raise DecryptionRefused("the same trustee's partial decryption was given twice")
        verification = {ell: keys.verification_key(ell) for ell in partials}
        tables: dict[int, DiscreteLogTable] = {}
        values = {}
        for ident, ciphertext in wanted.items():
            values[ident] = _value(
                keys, verification, ident, ciphertext, bounds.get(ident, 1), partials, tables
            )
    except DecryptionRefused as exc:
        raise E2ETallyError(str(exc)) from None
    return Decrypted(values, partials)


def _value(
    keys: CeremonyKeys,
    verification: dict[int, Any],
    ident: str,
    ciphertext: Ciphertext,
    bound: int,
    partials: dict[int, dict[str, Partial]],
    tables: dict[int, DiscreteLogTable],
) -> int:
    if len(partials) < keys.k:  # said before any work, and by combine for each ciphertext again
        raise DecryptionRefused(f"{len(partials)} trustee(s) cannot decrypt: the threshold is {keys.k}")
    target = combine(
        keys.h_e, keys.key, keys.k, verification, ciphertext, [p[ident] for p in partials.values()]
    )
    table = tables.setdefault(bound, DiscreteLogTable(keys.key, bound))
    t = table.log(target)
    if t is None:
        raise DecryptionRefused(f"{ident} does not decrypt to a count between 0 and {bound}")
    return t


def e2e_results(
    definition: ElectionDefinition, sums: Sequence[SessionSums], values: dict[str, int]
) -> dict[str, Any]:
    """The decrypted sums in the results shape of kiosk.ballot.counting (votes, blanks, groups,
    recorded votes), ready for the outcomes."""
    tally = Tally(definition)
    for s in sums:
        session = definition.session(s.session)
        tally.ballots[s.session] = s.ballots
        layouts = session_layout(session)
        for qi, (question, layout) in enumerate(zip(session.questions, layouts, strict=True)):
            options = [0] * layout.size
            for a in (a for a in s.aggregates if a.qi == qi):
                t = values[a.id]
                options[a.oi] += t
                if session.carries_group and a.group and a.oi < len(layout.choices):
                    tally.by_group[(s.session, a.group, question.id, layout.choices[a.oi])] = t
            for oi, choice in enumerate(layout.choices):
                tally.votes[(s.session, question.id, choice)] = options[oi]
            tally.blank[(s.session, question.id)] = _blank(question, layout.blank_flag, options, s)
        if session.carries_group:  # counted by group, or a show of hands (its groups always published)
            for group, weight in s.weights.items():
                tally.group_ballots[(s.session, group)] = weight
        for r in s.recorded:
            plain = [[values[r.id(qi, oi)] for oi in range(len(row))] for qi, row in enumerate(r.ciphertexts)]
            answers = {
                layout.question_id: list(layout.chosen(tuple(p)))
                for layout, p in zip(layouts, plain, strict=True)
            }
            tally.recorded.setdefault(s.session, []).append({"voter": r.voter, "answers": answers})
    return tally.as_results()


def _blank(question: object, flag: bool, options: list[int], s: SessionSums) -> int:
    """§9.1: 1-of-n and lists: total weight − Σ options; `multiple` with a flag: the flag; else 0."""
    if flag:
        return options[-1]
    if isinstance(question, MultipleChoice):
        return 0
    return s.vote_total - sum(options)
