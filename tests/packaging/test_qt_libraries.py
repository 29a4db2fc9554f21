"""Every shared library the booth's Qt loads is on the system, and the booth package depends on it.

Qt loads its platform plugin at run time: a missing library is not seen at `pip install`, only when
the window fails to open, and then Qt's message names the wrong library (issue 11: it blamed
libxcb-cursor0 where libxcb-icccm4 was missing). These tests run `ldd` over the plugins the booth
uses and name the library, and the Debian package that provides it, before a booth ever starts.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]
QT = Path(PySide6.__file__).parent / "Qt"
CONTROL = ROOT / "packaging/debian/control.in"
QML = ROOT / "kiosk/ui/qml"
SYSTEM_PACKAGES = ROOT / "scripts/system-packages.txt"

# The platform plugins and their helpers that the booth loads: xcb under X (`make demo`, Xvfb),
# wayland under cage (a booth, and `make package-test`), offscreen (the tests and the tour).
X11 = ["plugins/platforms/libqxcb.so", "plugins/xcbglintegrations"]
WAYLAND = [
    "plugins/platforms/libqwayland.so",
    "plugins/wayland-shell-integration/libxdg-shell.so",
    "plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    "plugins/wayland-decoration-client",
]
OFFSCREEN = ["plugins/platforms/libqoffscreen.so"]


def _shared_objects(relative: list[str]) -> list[Path]:
    paths: list[Path] = []
    for name in relative:
        path = QT / name
        assert path.exists(), f"PySide6 no longer ships {name}: update this list"
        paths.extend(sorted(path.glob("*.so")) if path.is_dir() else [path])
    return paths


def _qml_plugins() -> list[Path]:
    """The plugins of every QML module the booth's screens import (`import QtQuick` and the like)."""
    modules = {
        match.group(1)
        for qml in QML.glob("*.qml")
        for match in re.finditer(r"^import\s+([A-Za-z][\w.]*)", qml.read_text(encoding="utf-8"), re.M)
    }
    assert modules, "no QML imports found: the screens moved?"
    plugins: list[Path] = []
    for module in sorted(modules):
        folder = QT / "qml" / module.replace(".", "/")
        found = sorted(folder.glob("*.so"))
        assert found, f"no plugin for QML module {module} under {folder}"
        plugins.extend(found)
    return plugins


def _ldd(path: Path) -> dict[str, str | None]:
    """Each library `path` loads (all of them, recursively, as ldd lists) and where it resolves."""
    ldd = shutil.which("ldd")
    assert ldd is not None, "ldd is missing (Debian's libc-bin)"
    listing = subprocess.run([ldd, str(path)], capture_output=True, text=True, check=True).stdout
    resolved: dict[str, str | None] = {}
    for line in listing.splitlines():
        if "=>" not in line:
            continue
        name, target = (part.strip() for part in line.split("=>", 1))
        resolved[name] = None if target.startswith("not found") else target.split(" (", 1)[0]
    return resolved


def _missing(paths: list[Path]) -> dict[str, list[str]]:
    """Library → the plugins that need it and cannot find it."""
    missing: dict[str, list[str]] = {}
    for path in paths:
        for name, target in _ldd(path).items():
            if target is None:
                missing.setdefault(name, []).append(str(path.relative_to(QT)))
    return missing


@pytest.mark.parametrize(
    "display, plugins",
    [("X11 (make demo)", X11), ("Wayland (cage on a booth)", WAYLAND), ("offscreen", OFFSCREEN)],
)
def test_every_library_of_the_qt_platform_plugins_is_installed(display: str, plugins: list[str]) -> None:
    missing = _missing(_shared_objects(plugins) + _qml_plugins())
    assert not missing, (
        f"Qt cannot open the booth's window on {display}: these libraries are not installed "
        f"(add their Debian packages to {SYSTEM_PACKAGES.relative_to(ROOT)}): "
        + "; ".join(f"{name} (needed by {', '.join(sorted(set(by)))})"
                    for name, by in sorted(missing.items()))
    )


def _system_libraries(paths: list[Path]) -> set[str]:
    """The libraries outside PySide6 (those come from Debian) that `paths` load, as resolved here."""
    libraries: set[str] = set()
    for path in paths:
        for target in _ldd(path).values():
            if target is not None and not Path(target).resolve().is_relative_to(QT.parent.resolve()):
                libraries.add(str(Path(target).resolve()))
    return libraries


def _owners(libraries: set[str]) -> dict[str, str]:
    """The Debian package holding each library (matched by file name, as /lib and /usr/lib are one)."""
    names = {Path(library).name: library for library in libraries}
    patterns = [f"*/{name}" for name in sorted(names)]
    found = subprocess.run(["dpkg", "-S", *patterns], capture_output=True, text=True)
    owners: dict[str, str] = {}
    for line in found.stdout.splitlines():
        package, _, path = line.partition(": ")
        if Path(path).name in names:
            owners.setdefault(names[Path(path).name], package.split(":")[0].split(",")[0])
    unowned = sorted(set(libraries) - set(owners))
    assert not unowned, f"no Debian package holds {', '.join(unowned)}"
    return owners


def _depends_line() -> list[list[str]]:
    """control.in's Depends, each entry with its alternatives, versions dropped."""
    text = CONTROL.read_text(encoding="utf-8")
    match = re.search(r"^Depends:\s*(.+)$", text, re.M)
    assert match is not None
    return [
        [re.sub(r"\s*\(.*?\)|:any", "", alternative).strip() for alternative in entry.split("|")]
        for entry in match.group(1).split(",")
    ]


def _closure(packages: list[str]) -> set[str]:
    """`packages` and everything they depend on (Depends and Pre-Depends, every alternative), from
    Debian's package lists: what a booth gets installed, whatever this machine happens to have."""
    listing = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
         "--no-breaks", "--no-replaces", "--no-enhances", *packages],
        capture_output=True, text=True,
    )
    assert listing.returncode == 0, f"apt-cache does not know them: run `apt-get update` ({listing.stderr})"
    names = set(packages)
    for line in listing.stdout.splitlines():
        entry = line.strip().lstrip("|")
        if entry.startswith(("Depends:", "PreDepends:")):
            names.add(entry.split(":", 1)[1].strip().strip("<>").split(":")[0])
        elif line and not line.startswith(" "):
            names.add(line.strip().strip("<>").split(":")[0])
    return names


def test_the_booth_package_depends_on_every_library_its_wayland_window_loads() -> None:
    """The package's Depends, with what they depend on in turn, bring every library that Qt's
    wayland plugin and the screens load under cage: checked against Debian's lists, not against
    what this machine has installed by chance."""
    if shutil.which("apt-cache") is None or shutil.which("dpkg") is None:
        pytest.fail("apt-cache and dpkg are needed: the booths are Debian machines")
    brought = _closure([name for alternatives in _depends_line() for name in alternatives])
    libraries = _system_libraries(_shared_objects(WAYLAND) + _qml_plugins() + [QT / "lib/libQt6Quick.so.6"])
    unbrought = {library: owner for library, owner in _owners(libraries).items() if owner not in brought}
    assert not unbrought, (
        "the booth package does not depend on these libraries that its window loads (add the packages "
        f"to Depends in {CONTROL.relative_to(ROOT)}): "
        + "; ".join(f"{Path(lib).name} from {owner}" for lib, owner in sorted(unbrought.items()))
    )
