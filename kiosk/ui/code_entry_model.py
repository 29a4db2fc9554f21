"""The code-entry screen: our own keypad with only the code's alphabet, and the scanner.

The typed code is shown in its groups; the check character catches a mistyped code before any
look-up (in the core) and the screen names the group to check. A scanner types like a keyboard and
ends with Enter: the QML forwards its text here as one scan.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.ballot.codes import ALPHABET, CODE_LENGTH, GROUP_SIZE, normalise
from kiosk.booth.voter_auth import CodeRefusal, CodeRefused
from kiosk.ui.walk_model import WalkModel

PLACEHOLDER = "·"  # an untyped place in a group, so the voter sees how much is left


class CodeEntryModel(QObject):
    changed = Signal()

    def __init__(
        self, walk: WalkModel, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._walk = walk
        self._clock = clock
        self._typed = ""
        self._refusal: CodeRefused | None = None
        self._locked_until = 0.0
        walk.loggedOut.connect(self.reset)
        walk.ticked.connect(self._tick)

    @Slot(str)
    def press(self, key: str) -> None:
        if key in ALPHABET and len(self._typed) < CODE_LENGTH and not self._locked():
            self._typed += key
            self.changed.emit()

    @Slot()
    def deleteLast(self) -> None:
        self._typed = self._typed[:-1]
        self.changed.emit()

    @Slot()
    def clear(self) -> None:
        self._typed = ""
        self.changed.emit()

    @Slot()
    def submit(self) -> None:
        self._check(self._typed)

    @Slot(str)
    def scanned(self, text: str) -> None:
        """A whole code from the scanner (keyboard wedge), Enter already stripped."""
        self._typed = normalise(text)[:CODE_LENGTH]
        self._check(text)

    def _check(self, text: str) -> None:
        if self._locked():
            return
        outcome = self._walk.enter_code(text)
        if isinstance(outcome, CodeRefused):
            self._refusal = outcome
            if outcome.reason is CodeRefusal.LOCKED:
                self._locked_until = self._clock() + outcome.locked_seconds
            if outcome.reason is not CodeRefusal.MISTYPED:
                self._typed = ""  # a mistyped code stays, so the voter fixes one group
        else:
            self.reset()
        self.changed.emit()

    def _locked(self) -> bool:
        return self._clock() < self._locked_until

    def _tick(self) -> None:
        """Counts the lock down, and gives the keypad back when it ends."""
        if self._refusal is not None and self._refusal.reason is CodeRefusal.LOCKED:
            if not self._locked():
                self._refusal = None
            self.changed.emit()

    @Slot()
    def reset(self) -> None:
        self._typed, self._refusal, self._locked_until = "", None, 0.0
        self.changed.emit()

    def card_refused(self, refusal: CodeRefused) -> None:
        """A card was refused: said where a refused code is, so the voter sees why."""
        self._refusal, self._typed = refusal, ""
        self.changed.emit()

    def unlocked(self) -> None:
        """A poll worker cleared the lock."""
        self.reset()

    def _groups(self) -> list[str]:
        padded = self._typed + PLACEHOLDER * (CODE_LENGTH - len(self._typed))
        return [padded[i : i + GROUP_SIZE] for i in range(0, CODE_LENGTH, GROUP_SIZE)]

    def _reason(self) -> str:
        return self._refusal.reason.value if self._refusal else ""

    def _groups_to_check(self) -> str:
        return ", ".join(str(g) for g in self._refusal.groups_to_check) if self._refusal else ""

    def _locked_seconds(self) -> int:
        return max(0, int(self._locked_until - self._clock() + 0.999))

    keys = Property(list, lambda self: list(ALPHABET), constant=True)
    typed = Property(str, lambda self: self._typed, notify=changed)
    groups = Property(list, _groups, notify=changed)
    complete = Property(bool, lambda self: len(self._typed) == CODE_LENGTH, notify=changed)
    refusal = Property(str, _reason, notify=changed)
    groupsToCheck = Property(str, _groups_to_check, notify=changed)
    wrongLength = Property(bool, lambda self: bool(self._refusal and self._refusal.wrong_length),
                           notify=changed)
    failuresLeft = Property(int, lambda self: self._refusal.failures_left if self._refusal else 0,
                            notify=changed)
    locked = Property(bool, _locked, notify=changed)
    lockedSeconds = Property(int, _locked_seconds, notify=changed)
