"""The booth config: the packaging engineer's booth.toml is read, and mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config, parse_config

PACKAGED = """
station_data = "/var/lib/isoloir"
[devices]
printer = "usb:0x04b8:0x0202"
card_reader = "pcsc"
media = "/media/isoloir"
scanner = "wedge"
[ui]
inactivity_warning_seconds = 120
inactivity_countdown_seconds = 45
language = "fr"
"""


def test_the_packaged_config_is_read() -> None:
    config = parse_config(PACKAGED)
    assert config.station_data == Path("/var/lib/isoloir")
    assert config.devices.printer == "usb:0x04b8:0x0202" and config.devices.card_reader == "pcsc"
    assert config.ui.language == "fr" and config.ui.inactivity_countdown_seconds == 45


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[ui]\ninactivity_warning_seconds = 600\n", "ui.inactivity_warning_seconds"),
        ("[devices]\ncard_reader = \"magic\"\n", "devices.card_reader"),
        ("[ui]\nlanguag = \"en\"\n", "ui.languag"),
        ("station_data = \n", "not valid TOML"),
    ],
)
def test_a_wrong_config_names_the_key_and_the_problem(text: str, named: str) -> None:
    with pytest.raises(ConfigError, match=named.replace(".", r"\.")):
        parse_config(text)


def test_a_missing_config_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "booth.toml")


def test_the_screen_width_in_the_config_sets_the_sizes_on_the_glass(qapp: object) -> None:
    from kiosk.ui.accessibility import TEXT_SIZES_MM, TOUCH_TARGET_MM, Accessibility, dpi_from_width, pixels

    config = parse_config("[ui]\nscreen_width_mm = 270.9\n")  # a 1280-pixel panel 27 cm wide: 120 dpi
    assert config.ui.screen_width_mm is not None
    dpi = dpi_from_width(1280, config.ui.screen_width_mm)
    assert round(dpi) == 120
    access = Accessibility(dpi)
    assert access.property("target") >= pixels(TOUCH_TARGET_MM, 120) > pixels(TOUCH_TARGET_MM, 96)
    assert TEXT_SIZES_MM[1] > 0
    with pytest.raises(ConfigError, match=r"ui\.screen_width_mm"):
        parse_config("[ui]\nscreen_width_mm = 0\n")
