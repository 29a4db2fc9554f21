"""`make demo` prepares a new sample election each run, and keeps the screens an earlier run drew."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _demo_setup() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_setup", ROOT / "scripts/demo_setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_second_demo_run_keeps_the_tour_of_the_first(tmp_path: Path) -> None:
    demo = _demo_setup()
    out = tmp_path / "demo-data"
    demo.main(out)
    first_made = (out / "ELECTION").stat().st_mtime_ns
    drawn = out / "tour" / "en-default-01-welcome.png"
    drawn.parent.mkdir()
    drawn.write_bytes(b"a screen drawn by the first run")
    (out / "stale-leftover.txt").write_text("from an older demo")
    demo.main(out)
    assert drawn.read_bytes() == b"a screen drawn by the first run"
    assert not (out / "stale-leftover.txt").exists()  # the rest is made anew
    assert (out / "booth.toml").exists() and (out / "ELECTION").stat().st_mtime_ns != first_made
