"""What the audio ballot says for a screen: the screen's own texts and buttons, in reading order.

Built from the items on the window, so the voice says exactly what the glass shows, in the language
it shows (the texts are the QML's, translated by Qt, and the election's in the voter's language).
The voter's tools (language, size, contrast) are left out: the keypad reaches them after the screen.
"""

from __future__ import annotations

import re

from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.ui.navigation import shown_items

SCREEN = "screen"  # the Loader that holds the current screen
# Signs that go with words on the glass but mean nothing said aloud (the words say it).
_SIGNS = re.compile(r"[✓▲▼⌫!●·]+")
_END = re.compile(r"[.?!:;…]$")


def screen_script(window: QQuickWindow) -> list[str]:
    """The screen's sentences, in order: its texts, then each button as the keypad names it."""
    root = window.contentItem()
    modal = next((i for i in shown_items(root) if i.property("modal") is True), None)
    screen = modal or next((i for i in shown_items(root) if i.objectName() == SCREEN), root)
    lines: list[str] = []
    _collect(screen, lines)
    return [line for line in lines if line]


def _collect(item: QQuickItem, lines: list[str]) -> None:
    if not item.isVisible() or item.opacity() == 0:
        return
    summary = item.property("spokenAs")
    if isinstance(summary, str):
        lines.append(_sentence(summary))
        return  # a group read as one sentence (the code keypad's 32 keys)
    spoken = item.property("spoken")
    if isinstance(spoken, str) and item.property("navigable") is not False:
        lines.append(_sentence(spoken))
        return  # a button's own texts are in its spoken label
    if item.property("navigable") is False:
        return  # the pager's buttons: the keypad scrolls by itself
    if item.inherits("QQuickText"):
        text = str(item.property("text") or "")
        lines.append(_sentence(_spelled(text) if item.property("spell") is True else text))
    for child in item.childItems():
        _collect(child, lines)


def _spelled(text: str) -> str:
    """A code said one symbol at a time (placeholders for untyped symbols left out)."""
    return " ".join(c for c in text if c.isalnum())


def _sentence(text: str) -> str:
    text = " ".join(_SIGNS.sub(" ", text).replace(" — ", ", ").split())
    return text if not text or _END.search(text) else text + "."


def script_text(lines: list[str]) -> str:
    return " ".join(lines)
