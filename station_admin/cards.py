"""Programming a voter's or poll worker's card and registering it in the election package.

The key is generated on the card (it never leaves it); its public half is added to the package,
which the authority signs again. Like any change to the package, this is done before the booths are
provisioned: their certificates bind the package's fingerprint.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.ballot.package import PackageCard
from kiosk.devices.card_programming import program_card
from kiosk.devices.cards import CardGone, CardReader, PinRejected, Role
from kiosk.devices.sim_card import SimCard, write_card_file
from station_admin.ceremony import register_cards
from station_admin.election_dir import ElectionDir


class CardError(ValueError):
    pass


def check_holder(folder: ElectionDir, holder: str, role: Role) -> None:
    definition = folder.package().definition
    known = (
        [v.id for v in definition.voters] if role is Role.VOTER else [w.id for w in definition.poll_workers]
    )
    if holder not in known:
        what = "voter" if role is Role.VOTER else "poll worker"
        raise CardError(f"no {what} {holder!r} in this election")
    booths = folder.provisioned()
    if booths:
        raise CardError(
            f"booths {', '.join(booths)} already hold this election package; register cards before "
            "provisioning, then provision the booths again on new media"
        )


def program_and_register(
    folder: ElectionDir, reader: CardReader, admin_pin: str, holder: str, role: Role
) -> tuple[str, str]:
    """The card's new public key and the package's new fingerprint."""
    check_holder(folder, holder, role)
    try:
        card = program_card(reader, admin_pin, holder, role)
    except PinRejected as exc:
        raise CardError(
            f"the card refused the admin PIN ({exc.tries_left} tries left before it locks)"
        ) from None
    except CardGone:
        raise CardError(
            "no card in the reader, or it was pulled out: insert the card and try again"
        ) from None
    fingerprint = register_cards(
        folder, [PackageCard(public_key=card.public_key, holder=holder, role=role.value)]
    )
    return card.public_key, fingerprint


def make_simulated_card(folder: ElectionDir, holder: str, pin: str, out: Path) -> tuple[str, str]:
    """A simulated poll-worker card for rehearsals, `kiosk simulate` and the demo, registered in the
    package like a real one: (its public key, the package's new fingerprint). Its private key is in
    the card file, so a simulated card belongs in a rehearsal election only, never an official one."""
    check_holder(folder, holder, Role.POLL_WORKER)
    if out.exists():
        raise CardError(f"{out} already exists; choose a new file for the card")
    card = SimCard(pin=pin)
    write_card_file(out, card, holder)
    key = card.public_key().hex()
    fingerprint = register_cards(folder, [PackageCard(public_key=key, holder=holder, role="poll_worker")])
    return key, fingerprint
