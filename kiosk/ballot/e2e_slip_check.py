"""The offline check of a challenged (checked) ballot's slip: did the booth encrypt exactly these choices?

From the slip's QR alone and the election's public data (the definition the trustees hashed and their
key), it rebuilds every ciphertext from ξ_B and the printed choices and compares all 256 bits of the
code the booth printed *before* the voter chose to check (docs/e2e-spec.md §7.6). A booth that
encrypted anything else cannot produce a nonce that gives the same code. Needs no secret, no network.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.ballot.definition import BallotMode, ElectionDefinition, ListChoice, VotingSession
from kiosk.ballot.e2e_ballot import CheckOutcome, ElectionKey, open_checked, short_code
from kiosk.ballot.e2e_layout import BallotContext, session_layout
from kiosk.ballot.e2e_receipt import CheckedSlip, receipt_message, signature_holds
from kiosk.ballot.ids import SessionId


class SlipVerdict(StrEnum):
    """What the checker says of a slip, one reason each."""

    MATCH = "the booth encrypted exactly these choices"
    CODE_MISMATCH = "these choices and this nonce do not give the printed code: the booth cheated"
    INVALID_CHOICES = "the slip's choices are not a valid answer to the session"
    UNKNOWN_CONTEXT = "the slip names a session, booth, group or voter this election does not have"
    BAD_SIGNATURE = "the slip is not signed by this booth's key"


@dataclass(frozen=True)
class SlipCheck:
    verdict: SlipVerdict
    short_code: str
    choices: dict[str, tuple[str, ...]]  # question id -> choice ids, as the slip claims them


def choices_of(session: VotingSession, plaintext: bytes) -> dict[str, tuple[str, ...]] | None:
    """The choices a plaintext vector (one byte a ciphertext) spells, or None if it spells none."""
    layouts = session_layout(session)
    if len(plaintext) != sum(layout.size for layout in layouts) or any(b > 1 for b in plaintext):
        return None
    choices, start = {}, 0
    for layout in layouts:
        values = tuple(plaintext[start : start + layout.size])
        start += layout.size
        chosen = layout.chosen(values)
        if layout.plaintext(chosen) != values:  # a blank flag that contradicts the options
            return None
        choices[layout.question_id] = chosen
    return choices


def _context_known(definition: ElectionDefinition, session: VotingSession, slip: CheckedSlip) -> bool:
    groups = {g.id for g in definition.groups}
    voters = {v.id for v in definition.voters}
    return (
        slip.station in {s.id for s in definition.stations}
        and (slip.group == "" or (session.counts_by_group and slip.group in groups))
        and (slip.voter == "" if session.mode is not BallotMode.RECORDED else slip.voter in voters)
    )


def check_slip(
    election: ElectionKey,
    definition: ElectionDefinition,
    slip: CheckedSlip,
    booth_key: bytes | None = None,
) -> SlipCheck:
    """The verdict on a checked slip; with the booth's public key, its signature is checked first."""
    shown = short_code(slip.code)
    if booth_key is not None:
        message = receipt_message(
            election.extended_hash, slip.session, slip.code, "checked", (slip.nonce, slip.plaintext)
        )
        if not signature_holds(booth_key, message, slip.signature):
            return SlipCheck(SlipVerdict.BAD_SIGNATURE, shown, {})
    session = next((s for s in definition.sessions if s.id == slip.session), None)
    if session is None or not _context_known(definition, session, slip):
        return SlipCheck(SlipVerdict.UNKNOWN_CONTEXT, shown, {})
    choices = choices_of(session, slip.plaintext)
    if choices is None:
        return SlipCheck(SlipVerdict.INVALID_CHOICES, shown, {})
    context = BallotContext(slip.session, slip.station, slip.group, slip.weight, slip.voter)
    outcome = open_checked(election, session, context, slip.nonce, choices, slip.code)
    verdict = {
        CheckOutcome.MATCH: SlipVerdict.MATCH,
        CheckOutcome.CODE_MISMATCH: SlipVerdict.CODE_MISMATCH,
        CheckOutcome.INVALID_CHOICES: SlipVerdict.INVALID_CHOICES,
    }[outcome]
    return SlipCheck(verdict, shown, choices)


def describe(definition: ElectionDefinition, session_id: SessionId, choices: dict[str, tuple[str, ...]],
             language: str = "en") -> list[str]:
    """One line a question, in the voter's language: its title and the choices the slip claims."""
    session = definition.session(session_id)

    def text(value: dict[str, str]) -> str:
        return value.get(language) or value.get("en") or next(iter(value.values()), "")

    lines = []
    for question in session.questions:
        items = question.lists if isinstance(question, ListChoice) else question.options
        labels = {item.id: text(item.label) for item in items}
        chosen = ", ".join(labels[c] for c in choices.get(question.id, ())) or "-"  # any printer's code page
        lines.append(f"{text(question.title)}: {chosen}")
    return lines
