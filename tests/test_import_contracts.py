"""The layers of DESIGN.md are kept by import contracts (import-linter), not by habit.

The contracts live in pyproject.toml; `make test` runs them, and so do these tests, which also show
that each one fails on a forbidden import planted in a copy of the tree. The verifier's contract
(isoloir_verify imports nothing of kiosk or station_admin) is here: it joins pyproject.toml's once
the package exists, and is checked on the tree as soon as it does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).parent / "lint-imports"
VERIFIER = "isoloir_verify"
VERIFIER_CONTRACT = f"""
[[tool.importlinter.contracts]]
name = "the verifier imports nothing of the producer"
type = "forbidden"
source_modules = ["{VERIFIER}"]
forbidden_modules = ["kiosk", "station_admin"]
"""


def lint(root: Path, extra: str = "", roots: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """lint-imports over the tree at root, with pyproject.toml's contracts and any extra ones."""
    config = Path(tempfile.mkdtemp(prefix="contracts-")) / "contracts.toml"  # never in the checkout
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    if roots:
        listed = ", ".join(f'"{r}"' for r in ("kiosk", "station_admin", *roots))
        text = text.replace('root_packages = ["kiosk", "station_admin"]', f"root_packages = [{listed}]")
    config.write_text(text + extra, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT), "--no-logo", "--no-cache", "--config", str(config)],
                          cwd=root, env=env, capture_output=True, text=True, check=False)


def verdict(report: str, contract: str) -> str:
    """KEPT or BROKEN, as the report says of the contract whose name starts so (names may wrap)."""
    found = re.search(re.escape(contract) + r".*?\b(KEPT|BROKEN)\b", " ".join(report.split()))
    return found.group(1) if found else ""


def copy_of_tree(tmp_path: Path) -> Path:
    for package in ("kiosk", "station_admin"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns(
            "__pycache__", "*.qml", "*.qm", "*.ts", "*.json", "*.ttf", "*.png"))
    return tmp_path


def test_the_layers_are_kept() -> None:
    result = lint(ROOT) if not (ROOT / VERIFIER).is_dir() else lint(ROOT, VERIFIER_CONTRACT, (VERIFIER,))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "planted", "contract"),
    [
        ("kiosk/ballot/audit.py", "import kiosk.booth.station", "the domain (kiosk.ballot)"),
        ("kiosk/ballot/counting.py", "import PySide6.QtCore", "the domain (kiosk.ballot)"),
        ("kiosk/devices/printer.py", "import kiosk.ui.app", "the devices import no service"),
        ("kiosk/booth/walk.py", "import PySide6.QtCore", "the booth's services"),
        ("kiosk/booth/worker_flow.py", "import kiosk.ui.worker_model", "the booth's services"),
        ("station_admin/tally.py", "import kiosk.booth.station", "station_admin imports"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, planted: str, contract: str
) -> None:
    tree = copy_of_tree(tmp_path)
    path = tree / module
    planted_line = f"\n{planted}  # planted by the test\n"
    path.write_text(path.read_text(encoding="utf-8") + planted_line, encoding="utf-8")
    result = lint(tree)
    assert result.returncode != 0
    assert verdict(result.stdout, contract) == "BROKEN", result.stdout


def test_the_verifier_imports_nothing_of_kiosk_or_station_admin(tmp_path: Path) -> None:
    """Threat: a mistake in the producer copied into the checker, through a shared import."""
    tree = copy_of_tree(tmp_path)
    verifier = tree / VERIFIER
    verifier.mkdir()
    (verifier / "__init__.py").write_text('"""The independent verifier."""\n', encoding="utf-8")
    (verifier / "record.py").write_text("import json\n", encoding="utf-8")
    assert lint(tree, VERIFIER_CONTRACT, (VERIFIER,)).returncode == 0
    (verifier / "record.py").write_text("import json\nfrom kiosk.ballot import audit\n", encoding="utf-8")
    result = lint(tree, VERIFIER_CONTRACT, (VERIFIER,))
    assert result.returncode != 0
    assert verdict(result.stdout, "the verifier imports nothing of the producer") == "BROKEN"
