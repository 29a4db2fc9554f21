"""Setting the booth up from a stick in poll-worker mode: checked and shown first, then taken in
only if it is still the stick the poll worker compared."""

from __future__ import annotations

from kiosk.booth.polls import TransitionRefused
from kiosk.booth.setup import SetupPreview, SetupRefusal, SetupRefused, checked_stick, stick_files
from kiosk.booth.station import Station
from kiosk.devices.media import Media


def preview_stick(media: Media, station: Station, booth_id: str | None) -> SetupPreview:
    """What the stick would set up, checked, for the poll worker to compare; changes nothing."""
    try:
        with stick_files(media, station.data_dir) as folder:
            package, provision = checked_stick(folder, station.clock(), booth_id)
    except OSError as exc:
        raise SetupRefused(SetupRefusal.UNREADABLE, str(exc)) from exc
    station_id = provision.certificate.body.station
    return SetupPreview(dict(package.definition.title), package.fingerprint, station_id)


def take_in_stick(media: Media, station: Station, booth_id: str | None, seen: SetupPreview | None) -> None:
    """Sets the booth up from the stick, if it is still the one the poll worker compared."""
    try:
        with stick_files(media, station.data_dir) as folder:
            package, provision = checked_stick(folder, station.clock(), booth_id)
            if seen is None or (seen.fingerprint, seen.station) != (
                package.fingerprint, provision.certificate.body.station
            ):  # the poll worker compared what the preview showed: set up nothing else
                raise SetupRefused(SetupRefusal.NOT_THE_STICK_CHECKED)
            station.set_up(folder)
    except TransitionRefused as exc:
        raise SetupRefused(SetupRefusal.ALREADY_SET_UP, str(exc)) from exc
    except OSError as exc:
        raise SetupRefused(SetupRefusal.UNREADABLE, str(exc)) from exc
