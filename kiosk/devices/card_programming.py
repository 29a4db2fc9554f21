"""`station-admin cards program`: a new authentication key on the card in a reader, registered.

The private key is generated on the card and never leaves it; the registry gets the public half.
"""

from __future__ import annotations

from kiosk.devices.cards import CardReader, RegisteredCard, Role


def program_card(reader: CardReader, admin_pin: str, holder: str, role: Role) -> RegisteredCard:
    """Raises PinRejected for a wrong admin PIN, CardGone if no card is in the reader."""
    session = reader.open()
    try:
        session.verify_admin_pin(admin_pin)
        public_key = session.generate_auth_key()
    finally:
        session.close()
    return RegisteredCard(public_key.hex(), holder, role)
