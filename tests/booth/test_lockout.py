"""The code-entry lock as the ballot box keeps it: one text for times, never a shorter lock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.booth.lockout import FAILURES_BEFORE_LOCK, FIRST_LOCK_SECONDS, LockState

NOW = datetime(2026, 6, 1, 8, 0, 0, 400_000, tzinfo=UTC)


def _locked(now: datetime) -> LockState:
    state = LockState()
    for _ in range(FAILURES_BEFORE_LOCK):
        state = state.after_failure(now)
    return state


def test_a_lock_read_back_from_the_ballot_box_is_never_shorter_than_the_one_set() -> None:
    stored = _locked(NOW).as_dict()
    assert stored["locked_until"] == "2026-06-01T08:00:31Z"  # the booth's one time text, rounded up
    back = LockState.from_dict(stored)
    assert back.locked_at(NOW + timedelta(seconds=FIRST_LOCK_SECONDS - 0.1))
    assert back.seconds_left(NOW) == FIRST_LOCK_SECONDS + 1
    assert not back.locked_at(NOW + timedelta(seconds=FIRST_LOCK_SECONDS + 1))


def test_a_lock_a_booth_stored_in_the_earlier_text_still_holds() -> None:
    earlier = {"failures": 0, "locks": 1, "locked_until": "2026-06-01T08:00:30.400000+00:00"}
    back = LockState.from_dict(earlier)
    assert back.locked_at(NOW + timedelta(seconds=29))
    assert not back.locked_at(NOW + timedelta(seconds=30))


def test_a_clock_jumping_back_moves_the_lock_with_it() -> None:
    lock = _locked(NOW)
    jumped = lock.shifted(-3600)
    assert jumped.seconds_left(NOW - timedelta(seconds=3600)) == lock.seconds_left(NOW)
    assert LockState().shifted(-3600) == LockState()
