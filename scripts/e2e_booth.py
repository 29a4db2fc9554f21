"""A headless booth for the end-to-end walk (scripts/e2e-walk.sh): set up from its provisioning stick
with a poll worker's (simulated) card, a polling day of end-to-end ballots, a challenged ballot,
and the sealed file /2 on its export stick.

    .venv/bin/python scripts/e2e_booth.py --media MEDIA --card CARD.json --ceremony ceremony.json \\
        --out STICK [--voters N] [--check]

Until the booth's own end-to-end cast lands (kiosk/booth, the e2e-booth work), this stands in for it
with the same kiosk.ballot code the booth will call: its key certified by the card
(kiosk.booth.booth_key), each ballot prepared and sealed (kiosk.ballot.e2e_seal), a checked ballot
opened by its nonce, the sealed file written by kiosk.ballot.sealed_e2e. It takes H_E and the election
key from the trustees' ceremony.json given on its stick; no voter logs in and no receipt is printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.ballot.audit import GENESIS, AuditEntry, entry_hash  # noqa: E402
from kiosk.ballot.booth_certificate import CardSigner  # noqa: E402
from kiosk.ballot.crypto.ceremony_record import check_ceremony, load_ceremony  # noqa: E402
from kiosk.ballot.definition import BallotMode, MultipleChoice, VotingSession  # noqa: E402
from kiosk.ballot.e2e_ballot import ElectionKey, EncryptedBallot, new_ballot_nonce  # noqa: E402
from kiosk.ballot.e2e_layout import context_for  # noqa: E402
from kiosk.ballot.e2e_record import CheckedBallot  # noqa: E402
from kiosk.ballot.e2e_seal import encrypt_ballot  # noqa: E402
from kiosk.ballot.package import PACKAGE_FILE, PROVISION_FILE, load_package, load_provision  # noqa: E402
from kiosk.ballot.sealed_e2e import BoothSeal, build_sealed_e2e_bytes  # noqa: E402
from kiosk.ballot.sealed_file import SUFFIX, write_atomically  # noqa: E402
from kiosk.ballot.selections import Selections  # noqa: E402
from kiosk.ballot.signing import private_hex  # noqa: E402
from kiosk.booth.booth_key import certify_new_key  # noqa: E402
from kiosk.clock import iso, utc_now  # noqa: E402
from kiosk.devices.sim_card import load_card_file  # noqa: E402


def answers(session: VotingSession, n: int) -> Selections:
    """Voter n's choices: they rotate through the options, so the counts differ between options."""
    chosen: dict[str, tuple[str, ...]] = {}
    for question in session.questions:
        choices = question.choices
        count = max(question.min, 1) if isinstance(question, MultipleChoice) else 1
        chosen[question.id] = tuple(choices[(n + i) % len(choices)] for i in range(count))
    return chosen


def audit_log(events: list[tuple[str, dict[str, Any]]]) -> list[AuditEntry]:
    entries, prev = [], GENESIS
    for seq, (event, data) in enumerate(events, start=1):
        time = iso(utc_now())
        digest = entry_hash(prev, seq, time, event, data)
        entries.append(AuditEntry(seq, time, event, data, prev, digest))
        prev = digest
    return entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--media", type=Path, required=True, help="the booth's provisioning stick")
    parser.add_argument("--card", type=Path, required=True, help="a poll worker's simulated card file")
    parser.add_argument("--ceremony", type=Path, required=True, help="the trustees' ceremony.json")
    parser.add_argument("--out", type=Path, required=True, help="the export stick")
    parser.add_argument("--voters", type=int, default=0, help="how many of its voters vote (0: all)")
    parser.add_argument("--check", action="store_true", help="its first voter checks a ballot first")
    args = parser.parse_args(argv)
    package = load_package(args.media / PACKAGE_FILE)
    station = load_provision(args.media / PROVISION_FILE, package).station
    keys = check_ceremony(load_ceremony(args.ceremony.read_bytes()))
    election = ElectionKey(keys.h_e, keys.key)
    card = load_card_file(args.card)
    opened = iso(utc_now())
    key, certificate = certify_new_key(
        package, station, CardSigner(card.public_key().hex(), card.key.sign), opened
    )
    definition = package.definition
    roll = definition.voters_at(station)
    roll = roll[: args.voters] if args.voters else roll
    ballots: list[EncryptedBallot] = []
    checked: list[CheckedBallot] = []
    marks: list[tuple[str, str]] = []
    for n, voter in enumerate(roll):
        for session_id in voter.sessions:
            session = definition.session(session_id)
            context = context_for(definition, session, station, voter.id)
            if args.check and n == 0 and not checked and session.mode is not BallotMode.RECORDED:
                nonce = new_ballot_nonce()  # sealed, code printed, then "Check": opened, never counted
                shown = answers(session, n + 1)
                opened_ballot = encrypt_ballot(election, session, context, shown, nonce)
                checked.append(CheckedBallot(context, opened_ballot.code, nonce, dict(shown)))
            ballots.append(
                encrypt_ballot(election, session, context, answers(session, n), new_ballot_nonce())
            )
            marks.append((session_id, voter.id))
    worker = certificate.body.poll_worker
    events: list[tuple[str, dict[str, Any]]] = [
        ("station_set_up", {"station": station, "fingerprint": package.fingerprint,
                            "election": package.election_id}),
        ("polls_opened", {"mode": "official", "by": worker}),
        *[("session_activated", {"session": s.id, "by": worker}) for s in definition.sessions],
        *[("ballot_cast", {"session": b.context.session}) for b in ballots],
        ("polls_closed", {"ballots": len(ballots), "by": worker}),
    ]  # fmt: skip
    seal = BoothSeal(package, election, certificate, private_hex(key), "official", opened, iso(utc_now()))
    data = build_sealed_e2e_bytes(seal, ballots, checked, marks, audit_log(events))
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = seal.closed_at.replace("-", "").replace(":", "")
    path = write_atomically(args.out, f"{station}-official-{stamp}{SUFFIX}", data)
    print(f"{station}: {len(ballots)} ballots cast, {len(checked)} checked, sealed in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
