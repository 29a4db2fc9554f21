"""The conference's election, made once per test session; each test gets its own copy of the
officials' folder (addenda are written there) and its own booth."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conference.kit import Officials, make_conference, officials_of
from tests.kit import ElectionKit


@pytest.fixture(scope="session")
def conference(tmp_path_factory: pytest.TempPathFactory) -> ElectionKit:
    return make_conference(tmp_path_factory.mktemp("conference"))


@pytest.fixture
def officials(conference: ElectionKit, tmp_path: Path) -> Officials:
    return officials_of(conference, tmp_path)
