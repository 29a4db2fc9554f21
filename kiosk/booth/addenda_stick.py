"""The next addendum, read off the officials' stick (which carries every addendum so far).

The booth asks for the one it needs by name (the one after those it holds) and checks that the file
is that addendum; when it is missing, the stick is named for what it holds instead: only later
addenda (one was skipped) or only those already taken in (a replay).
"""

from __future__ import annotations

from kiosk.ballot.addendum import AddendumError, AddendumRefusal, addendum_name
from kiosk.devices.media import Media

# How far past the next number the booth looks to tell "skipped" from "nothing here": a day's
# order of business brings a handful of addenda, never fifty between two visits of the stick.
LOOK_AHEAD = 50


def next_addendum_bytes(media: Media, held: int) -> bytes:
    """The bytes of addendum held+1 on the stick; AddendumError (no_addendum, skipped, repeated)."""
    if not media.present():
        raise AddendumError(AddendumRefusal.NO_ADDENDUM, "no stick")
    data = media.read_file(addendum_name(held + 1))
    if data is not None:
        return data
    ahead = range(held + 2, held + 2 + LOOK_AHEAD)
    later = [n for n in ahead if media.read_file(addendum_name(n)) is not None]
    if later:
        detail = f"the stick holds addendum {later[0]} but not addendum {held + 1}, which comes first"
        raise AddendumError(AddendumRefusal.SKIPPED, detail)
    if any(media.read_file(addendum_name(n)) is not None for n in range(1, held + 1)):
        detail = f"the stick holds only addenda this booth took in (it holds {held})"
        raise AddendumError(AddendumRefusal.REPEATED, detail)
    raise AddendumError(AddendumRefusal.NO_ADDENDUM, "the stick holds no addendum")
