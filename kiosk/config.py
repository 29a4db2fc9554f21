"""The booth config (/etc/isoloir/booth.toml), parsed at the edge into typed settings."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_CONFIG = Path("/etc/isoloir/booth.toml")
# The voting-system guidelines (VVSG 2005 3.2.6.1.e, kept in VVSG 2.0's usability chapter) set the
# inactivity time before the alert between 2 and 5 minutes: 2 minutes frees the booth soonest.
INACTIVITY_WARNING_SECONDS = 120
WARNING_RANGE_SECONDS = (120, 300)
# ... and the alert time, for the voter to ask for more time, between 20 and 45 seconds.
INACTIVITY_COUNTDOWN_SECONDS = 45
COUNTDOWN_RANGE_SECONDS = (20, 45)


class ConfigError(ValueError):
    """The config cannot be used: the message names the file, each key and what is wrong."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Devices(_Model):
    """Spec strings, parsed into devices by the composition root (see kiosk/devices/config.py)."""

    printer: str = "sim"  # "sim", "usb:VID:PID", "serial:DEV", "tcp:HOST:PORT", "file:PATH"
    paper_mm: Literal[58, 80] = 80  # the receipt roll's width: what fits on a line depends on it
    card_reader: str = Field(default="sim", pattern=r"^(pcsc(:.+)?|sim)$")
    media: str = "sim"  # "udev" for real USB sticks, a folder standing in for one, or "sim"
    scanner: str = Field(default="wedge", pattern=r"^(wedge|none)$")
    # The audio ballot's voice: espeak-ng played with aplay (ALSA), or with the sound server's player.
    speech: str = Field(default="espeak", pattern=r"^(espeak(:(aplay|paplay|pw-play))?|sim|none)$")


class UiSettings(_Model):
    inactivity_warning_seconds: int = Field(
        default=INACTIVITY_WARNING_SECONDS, ge=WARNING_RANGE_SECONDS[0], le=WARNING_RANGE_SECONDS[1]
    )
    inactivity_countdown_seconds: int = Field(
        default=INACTIVITY_COUNTDOWN_SECONDS, ge=COUNTDOWN_RANGE_SECONDS[0], le=COUNTDOWN_RANGE_SECONDS[1]
    )
    language: str = "en"
    # The glass's width in millimetres, for screens that report their size wrongly (a bad EDID, a
    # projector): the text sizes and touch targets are then measured from it, not from the screen.
    screen_width_mm: float | None = Field(default=None, gt=50, lt=3000)


class HallSettings(_Model):
    # The hall's server on the hall network (`station-admin hall serve`): any delegate may then vote
    # at this booth, and every has-voted mark is reserved there first. Left out: a booth of its own.
    url: str = Field(pattern=r"^https://[A-Za-z0-9.-]+:[0-9]{1,5}$")


class BoothConfig(_Model):
    # Which booth this machine is: set-up refuses a stick provisioned for another one. Left out, the
    # booth becomes whichever booth the first valid stick provisions. Ids as in the election definition.
    station: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    station_data: Path = Path("/var/lib/isoloir")
    # The election authority's public key (`station-admin election show`): set-up refuses a package
    # signed by any other. Left out, the first set-up's authority is trusted from then on (until wiped).
    authority: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{64}$")
    devices: Devices = Devices()
    ui: UiSettings = UiSettings()
    hall: HallSettings | None = None


def parse_config(text: str, source: str = "config") -> BoothConfig:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None
    try:
        return BoothConfig.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in exc.errors()
        ]
        raise ConfigError(f"{source}: " + "; ".join(problems)) from None


def load_config(path: Path) -> BoothConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_config(text, str(path))
