"""Prints the booth's runtime dependencies, direct and transitive, pinned to the versions installed in
this venv: the constraints the booth package's venv is built with, so that two builds hold the same
wheels. Run after changing a pin in pyproject.toml:

    .venv/bin/python packaging/freeze_runtime.py > packaging/constraints.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(direct: list[str]) -> dict[str, str]:
    """Every distribution the direct requirements pull in (with their extras), name -> version."""
    env = {k: str(v) for k, v in default_environment().items()}
    pinned: dict[str, str] = {}
    todo = [(Requirement(r), set(Requirement(r).extras)) for r in direct]
    while todo:
        req, extras = todo.pop()
        name = _canonical(req.name)
        dist = metadata.distribution(req.name)
        pinned[name] = dist.version
        for sub in dist.requires or []:
            sub_req = Requirement(sub)
            wanted = sub_req.marker is None or any(
                sub_req.marker.evaluate({**env, "extra": e}) for e in (extras or {""})
            )
            if wanted and _canonical(sub_req.name) not in pinned:
                todo.append((sub_req, set(sub_req.extras)))
    return dict(sorted(pinned.items()))


def main() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    sys.stdout.write("# The booth's runtime dependencies, pinned: written by packaging/freeze_runtime.py\n")
    for name, version in runtime_closure(project["dependencies"]).items():
        sys.stdout.write(f"{name}=={version}\n")


if __name__ == "__main__":
    main()
