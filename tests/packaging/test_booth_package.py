"""The booth package's files, checked without building it (make package-test builds and installs it)."""

from __future__ import annotations

import importlib.util
import os
import re
import stat
import struct
import subprocess
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageDraw

from kiosk.config import load_config

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
FILES = PACKAGING / "root"
UNIT = FILES / "lib/systemd/system/isoloir-booth.service"
RULES = FILES / "lib/udev/rules.d/70-isoloir-booth.rules"
BOOTH_CONFIG = FILES / "etc/isoloir/booth.toml"
POSTINST = PACKAGING / "debian/postinst"


def _module(name: str) -> ModuleType:
    """packaging/NAME.py (the folder's name is PyPA's package's, so it is loaded by path)."""
    spec = importlib.util.spec_from_file_location(f"booth_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _unit() -> dict[str, list[str]]:
    """The unit's settings, each key with every value it is given (systemd allows repeats)."""
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def test_the_unit_starts_the_kiosk_under_cage_on_the_first_console_as_the_booth_user() -> None:
    unit = _unit()
    command = unit["ExecStart"][0].split()
    assert command[0] == "/usr/bin/cage"
    assert "-s" not in command[: command.index("--")]  # -s would let a voter switch consoles
    assert command[command.index("--") + 1 :] == [
        "/opt/isoloir/venv/bin/kiosk", "run", "--config", "/etc/isoloir/booth.toml"
    ]
    assert unit["User"] == ["isoloir"] and unit["TTYPath"] == ["/dev/tty1"]
    assert "getty@tty1.service" in unit["Conflicts"][0]
    assert (FILES / "etc/pam.d" / unit["PAMName"][0]).read_text().count("pam_systemd.so") == 1


def test_cage_gets_the_seat_and_its_socket_in_the_booth_users_session() -> None:
    """Found booting the package in a VM: each got cage refused at start on a real console."""
    unit = _unit()
    assert "ProtectHome" not in unit  # it hides /run/user, where cage opens the Wayland socket
    # A command run as the booth user gets a logind session of its own, which would hold tty1.
    assert all(command.startswith(("+", "-+", "+-")) for command in unit.get("ExecStartPre", []))
    control = (PACKAGING / "debian/control.in").read_text()
    assert re.search(r"\bpolkitd\b", control)  # logind lets the session take the seat only through polkit


def test_the_booth_comes_back_whenever_it_stops() -> None:
    unit = _unit()
    assert unit["Restart"] == ["always"] and unit["StartLimitIntervalSec"] == ["0"]
    assert unit["WantedBy"] == ["graphical.target"]


def test_the_pointer_is_a_transparent_theme_that_cage_and_qt_both_use(tmp_path: Path) -> None:
    env = dict(value.split("=", 1) for value in _unit()["Environment"])
    assert env["XCURSOR_PATH"] == "/opt/isoloir/share/icons" and env["XCURSOR_THEME"] == "default"
    written = _module("hidden_cursor").write_theme(tmp_path)
    assert {"left_ptr", "pointer", "text"} <= {p.name for p in written}
    data = (tmp_path / "default/cursors/left_ptr").read_bytes()
    assert data[:4] == b"Xcur"
    header, kind, _size, _version, width, height = struct.unpack_from("<6I", data, 28)
    assert (header, kind, width, height) == (36, 0xFFFD0002, 1, 1)
    assert data[-4:] == b"\0\0\0\0"  # its one pixel: alpha 0


def test_the_shipped_config_loads_and_names_real_devices() -> None:
    config = load_config(BOOTH_CONFIG)
    assert config.station_data == Path("/var/lib/isoloir")
    assert _unit()["StateDirectory"] == ["isoloir"]  # systemd makes that folder the booth user's
    assert config.devices.printer != "sim" and config.devices.card_reader == "pcsc"
    assert config.devices.media == "udev"


def _udev_rules() -> list[list[tuple[str, str, str]]]:
    """Each rule as (key, operator, value) triples; a line that is not only such triples fails."""
    pair = re.compile(r'\s*([A-Za-z_]+(?:\{[^}]+\})?)\s*(==|!=|\+=|:=|=)\s*"([^"]*)"\s*(?:,|$)')
    rules = []
    for line in RULES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        triples, position = [], 0
        while position < len(line):
            match = pair.match(line, position)
            assert match, f"udev rule not understood at {line[position:]!r}"
            triples.append((match[1], match[2], match[3]))
            position = match.end()
        rules.append(triples)
    return rules


def test_udev_gives_receipt_printers_and_card_readers_to_the_booth_user() -> None:
    rules = _udev_rules()
    granted = [dict(((k, op), v) for k, op, v in rule) for rule in rules]
    assert all(r[("GROUP", "=")] == "isoloir" and r[("MODE", "=")] == "0660" for r in granted)
    interfaces = {r.get(("ENV{ID_USB_INTERFACES}", "==")) for r in granted}
    assert {"*:07????:*", "*:0b????:*"} <= interfaces  # USB printer class, smart-card (CCID) class
    assert any(r.get(("KERNEL", "==")) == "lp[0-9]*" for r in granted)


def test_the_pinned_runtime_matches_the_projects_pins() -> None:
    """packaging/constraints.txt must follow pyproject.toml (packaging/freeze_runtime.py rewrites it)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = dict(
        line.split("==") for line in (PACKAGING / "constraints.txt").read_text().splitlines()
        if line and not line.startswith("#")
    )
    for requirement in project["dependencies"]:
        name, version = re.split(r"==", requirement)
        name = re.sub(r"\[.*\]", "", name)
        refresh = "packaging/freeze_runtime.py > packaging/constraints.txt"
        assert locked.get(re.sub(r"[-_.]+", "-", name).lower()) == version, (
            f"{name}=={version} in pyproject.toml; run {refresh}"
        )


def _stubs(folder: Path) -> Path:
    """Commands postinst calls, as shell stubs that log their arguments; adduser makes the user."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    stubs = {
        "getent": '[ "$1" != passwd ] || [ -f "$STUB_STATE/user" ]',
        "adduser": 'if [ "$1" = --system ]; then touch "$STUB_STATE/user"; fi',
        "id": 'echo isoloir',
        "chown": ":",
    }
    for name in ("adduser", "getent", "id", "chown", "systemctl", "udevadm", "deb-systemd-helper",
                 "deb-systemd-invoke"):
        script = bin_dir / name
        script.write_text(
            f'#!/bin/sh\necho "{name} $*" >> "$STUB_STATE/calls"\n{stubs.get(name, ":")}\n', encoding="utf-8"
        )
        script.chmod(0o755)
    return bin_dir


def test_postinst_run_twice_makes_the_user_once_and_leaves_the_same_booth(tmp_path: Path) -> None:
    fake_root, state = tmp_path / "root", tmp_path / "state"
    fake_root.mkdir()
    state.mkdir()
    env = {
        "PATH": f"{_stubs(tmp_path)}:/usr/bin:/bin", "DPKG_ROOT": str(fake_root), "STUB_STATE": str(state),
    }
    for _ in range(2):
        done = subprocess.run(["sh", str(POSTINST), "configure", "0.1.0"], env=env, capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
    calls = (state / "calls").read_text().splitlines()
    assert sum(c.startswith("adduser --system") for c in calls) == 1
    storage = fake_root / "var/lib/isoloir"
    assert stat.S_IMODE(os.stat(storage).st_mode) == 0o750
    assert "systemctl --root=" + str(fake_root) + " mask ctrl-alt-del.target" in calls
    assert calls.count("deb-systemd-helper enable isoloir-booth.service") == 2
    assert not any(c.startswith(("udevadm", "deb-systemd-invoke")) for c in calls)  # not in a fake root


@pytest.mark.parametrize("drawn", [False, True])
def test_a_blank_screenshot_is_told_from_a_screen(tmp_path: Path, drawn: bool) -> None:
    image = Image.new("RGB", (320, 200), "white")
    if drawn:
        pen = ImageDraw.Draw(image)
        for row in range(8):
            pen.text((10, 10 + 22 * row), "Insert your card or enter your voting code", fill=(0, 20, 80))
        pen.rounded_rectangle((10, 180, 200, 198), radius=6, fill=(0, 30, 90))
    image.save(tmp_path / "shot.png")
    reason = _module("check_screenshot").blank_reason(tmp_path / "shot.png")
    assert (reason is None) is drawn
