"""Whose card is this: the election package's registry of card keys, holders and roles.

The card's serial number or ATR never says who holds it; only the registered key does, once the
reader has checked the card's signature of a fresh challenge against it.
"""

from __future__ import annotations

from kiosk.ballot.package import ElectionPackage, PackageCard


def registered_card(
    package: ElectionPackage, public_key: str, role: str | None = None
) -> PackageCard | None:
    """The package's entry for a card's key (of that role, when one is given)."""
    for card in package.body.cards:
        if card.public_key == public_key.lower() and role in (None, card.role):
            return card
    return None


def poll_worker_holding(package: ElectionPackage, station_id: str, public_key: str) -> str | None:
    """The poll worker of this booth registered with this card, if any."""
    card = registered_card(package, public_key, "poll_worker")
    workers = {w.id for w in package.definition.poll_workers if station_id in w.stations}
    if card is None or card.holder not in workers:
        return None
    return card.holder
