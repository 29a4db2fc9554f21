"""A cast that officials released at the hall, voided on the booth that comes back holding it.

Officials release a delegate stuck "being recorded" at a booth lost for good
(station_admin/hall/release.py); the delegate then votes at another booth. If the lost booth comes
back, its unconfirmed cast (HELD in kiosk/booth/hall_cast.py) is not a vote: the hall answers
"released" to its confirm. While the cast is unconfirmed, and only while its session is open here,
the booth's journal row names the ballot the cast stored (the live database links voter and ballot
then anyway, in the cast's WAL frame: README, "What does not hold"); so the booth takes exactly that
ballot and that mark out of the counted ones, in one transaction with `ballot_voided`. The sealed
file and the session files carry the rest; ballots == marks still holds.

What is kept of the voided ballot: its session and its tracking code (what the delegate's receipt
shows, so a help desk can say why that receipt is not on the board), never its ciphertext, which is
overwritten (secure_delete): the release names the delegate, so a voided ciphertext kept would be a
ballot whose voter is known. The voided rows stay on this booth and leave on no stick.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, MetaData, String, Table, delete, insert, select

from kiosk.ballot.audit_events import Event
from kiosk.ballot.ballot_box import BallotBox
from kiosk.ballot.box_tables import ballots, marks

voided_metadata = MetaData()
voided_ballots = Table(
    "voided_ballots",
    voided_metadata,
    Column("tracking_code", String, primary_key=True),  # sorted by code: no order of casts
    Column("session_id", String, nullable=False),
    sqlite_with_rowid=False,
)


def void_ballot(box: BallotBox, c: Connection, code: str, voter_id: str, session_id: str) -> None:
    """In the caller's transaction: the ballot and the mark leave the counted ones, audited."""
    held = ballots.c.tracking_code == code
    if c.execute(select(ballots.c.id).where(held, ballots.c.session_id == session_id)).first() is not None:
        c.execute(insert(voided_ballots).values(tracking_code=code, session_id=session_id))
        c.execute(delete(ballots).where(held))
    c.execute(delete(marks).where(marks.c.voter_id == voter_id, marks.c.session_id == session_id))
    box.append_audit(c, Event.BALLOT_VOIDED, {"session": session_id})


def voided_codes(box: BallotBox) -> list[tuple[str, str]]:
    """(session, tracking code) of every voided ballot, sorted."""
    voided_metadata.create_all(box.engine)
    with box.read() as c:
        rows = c.execute(select(voided_ballots.c.session_id, voided_ballots.c.tracking_code)
                         .order_by(voided_ballots.c.session_id, voided_ballots.c.tracking_code)).all()
    return [(s, t) for s, t in rows]
