"""Setting the booth up from a stick in poll-worker mode: checked and shown first, then taken in
only if it is still the stick the poll worker compared; the poll worker's card certifies the booth's
new key, and the booth leaves its set-up mark on the stick so that no second booth sets up from it."""

from __future__ import annotations

import logging

from kiosk.ballot.booth_certificate import CardSigner
from kiosk.ballot.package import PackageError
from kiosk.ballot.values import Mode
from kiosk.booth.polls import TransitionRefused
from kiosk.booth.setup import SetupPreview, SetupRefusal, SetupRefused, checked_stick, stick_files
from kiosk.booth.setup_claim import CLAIM_FILE, SetUpClaim, claim_bytes
from kiosk.booth.station import Station
from kiosk.devices.media import Media

log = logging.getLogger(__name__)


def preview_stick(media: Media, station: Station, booth_id: str | None) -> SetupPreview:
    """What the stick would set up, checked, for the poll worker to compare; changes nothing."""
    try:
        with stick_files(media, station.data_dir) as folder:
            package, provision = checked_stick(folder, station.clock(), booth_id, station.data_dir,
                                               station.authority)
    except OSError as exc:
        raise SetupRefused(SetupRefusal.UNREADABLE, str(exc)) from exc
    return SetupPreview(dict(package.definition.title), package.fingerprint, provision.station)


def take_in_stick(
    media: Media,
    station: Station,
    booth_id: str | None,
    seen: SetupPreview | None,
    card: CardSigner,
    mode: Mode = "official",
) -> None:
    """Sets the booth up from the stick, if it is still the one the poll worker compared."""
    try:
        with stick_files(media, station.data_dir) as folder:
            package, provision = checked_stick(folder, station.clock(), booth_id, station.data_dir,
                                               station.authority)
            if seen is None or (seen.fingerprint, seen.station) != (package.fingerprint, provision.station):
                # the poll worker compared what the preview showed: set up nothing else
                raise SetupRefused(SetupRefusal.NOT_THE_STICK_CHECKED)
            station.set_up(folder, card, mode)
    except TransitionRefused as exc:
        raise SetupRefused(SetupRefusal.ALREADY_SET_UP, str(exc)) from exc
    except PackageError as exc:  # the card is not this booth's poll worker's, or did not sign
        raise SetupRefused(SetupRefusal.CARD_REFUSED, str(exc)) from exc
    except OSError as exc:
        raise SetupRefused(SetupRefusal.UNREADABLE, str(exc)) from exc
    _mark_stick(media, station)


def _mark_stick(media: Media, station: Station) -> None:
    """Leaves the set-up mark on the stick, so that no second booth sets up from it."""
    body = station.booth_key()[0].body
    claim = SetUpClaim(station=body.station, fingerprint=body.election_fingerprint,
                       booth_public_key=body.booth_public_key, set_up_at=body.issued)
    if not media.write_file(CLAIM_FILE, claim_bytes(claim)).ok:  # the import's one-key rule remains
        log.warning("set-up: the stick did not take the set-up mark")
