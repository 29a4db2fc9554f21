"""Every typed reason the core can give a screen has its own text there: an unknown reason is a
test failure here, never an empty string in front of a voter or a poll worker."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import pytest

from kiosk.ballot.addendum import AddendumRefusal
from kiosk.booth.cast import CastRefusal
from kiosk.booth.polls import PollsRefusal
from kiosk.booth.sealing import ExportRefusal
from kiosk.booth.setup import SetupRefusal
from kiosk.booth.worker_states import Problem
from kiosk.devices.media import WriteStatus

QML = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml"
WORKER_REASONS: list[type[StrEnum]] = [
    SetupRefusal, PollsRefusal, ExportRefusal, WriteStatus, AddendumRefusal
]


def cases(qml: str, function: str) -> set[str]:
    """The values a QML function's switch gives a translated text for."""
    text = (QML / qml).read_text(encoding="utf-8")
    body = text[text.index(f"function {function}(") :]
    body = body[: body.index("return \"\"")]
    return set(re.findall(r'case "([a-z_]+)": return qsTr\("[^"]+"\)', body))


@pytest.mark.parametrize("kind", WORKER_REASONS, ids=lambda k: k.__name__)
def test_every_reason_a_poll_worker_may_be_given_is_said(kind: type[StrEnum]) -> None:
    told = {r.value for r in kind if r.value != WriteStatus.OK.value}
    assert told - cases("WorkerProblem.qml", "why") == set()


def test_every_problem_a_poll_worker_may_meet_is_said() -> None:
    assert {p.value for p in Problem} - cases("WorkerProblem.qml", "said") == set()


def test_every_reason_a_cast_may_fail_is_said_to_the_voter() -> None:
    assert ({r.value for r in CastRefusal} | {"storage"}) - cases("CastFailedScreen.qml", "why") == set()


def test_the_reasons_do_not_collide() -> None:
    """One string, one meaning: the screen cannot tell two reasons with the same value apart."""
    values = [r.value for kind in (SetupRefusal, PollsRefusal, ExportRefusal, AddendumRefusal) for r in kind]
    assert len(values) == len(set(values))
