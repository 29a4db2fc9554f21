"""The end-to-end modules stay in the domain layer: no Qt, no device, no booth service."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted([*ROOT.glob("kiosk/ballot/crypto/*.py"), *ROOT.glob("kiosk/ballot/e2e_*.py")])


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_e2e_modules_import_only_the_ballot_domain_and_plain_libraries() -> None:
    assert len(MODULES) >= 8
    for path in MODULES:
        for name in _imports(path):
            assert not name.startswith("PySide6"), f"{path.name} imports Qt"
            if name.startswith("kiosk"):
                assert name.startswith("kiosk.ballot"), f"{path.name} imports {name} from an upper layer"
