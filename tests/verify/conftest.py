"""Where the verifier's tests find the producer's test vectors (E2E.md §13).

`vectors/` at the top of the repository, made by the producer's scripts/make_vectors.py; or the
folder named by ISOLOIR_VECTORS (to run this branch's verifier against another branch's vectors).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def vectors() -> Path:
    folder = Path(os.environ.get("ISOLOIR_VECTORS", REPO / "vectors"))
    if not folder.is_dir():
        pytest.skip(f"no test vectors at {folder} (made by scripts/make_vectors.py)")
    return folder
