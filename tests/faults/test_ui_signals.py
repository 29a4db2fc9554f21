"""A polling day emits millions of Qt signals (every tap, every second's tick, every screen change).
PySide6 6.12.0 on Python 3.11 dropped a reference to True and None at each Signal.emit(), so a booth
aborted ("Fatal Python error: bool_dealloc") after a few hundred signals: about ten voters, or ten
idle minutes. This is the guard that the pinned Qt bindings keep their counts."""

from __future__ import annotations

import subprocess
import sys

DAY_OF_SIGNALS = 100_000  # more than True's whole reference count: a leak of one per emit aborts

EMITTER = f"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Model(QObject):
    changed = Signal()
    ticked = Signal(int)

app = QCoreApplication([])
model = Model()
model.changed.connect(lambda: None)
before = sys.getrefcount(True), sys.getrefcount(None)
for second in range({DAY_OF_SIGNALS}):
    model.changed.emit()
    model.ticked.emit(second)
after = sys.getrefcount(True), sys.getrefcount(None)
print(before[0] - after[0], before[1] - after[1])
"""


def test_a_day_of_qt_signals_leaves_python_s_constants_alone() -> None:
    done = subprocess.run([sys.executable, "-c", EMITTER], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"the process aborted: {done.stderr[-300:]}"
    lost_true, lost_none = (int(n) for n in done.stdout.split())
    assert abs(lost_true) < 100 and abs(lost_none) < 100
