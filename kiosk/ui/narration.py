"""The audio ballot: each screen read out when it appears, each button named as the keypad reaches it.

Speech starts with the voter's first key (a touch voter hears nothing) and ends when they leave,
and so do their rate and volume: the next voter starts at the defaults, like the text size.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtQuick import QQuickWindow

from kiosk.devices.speech import DEFAULT_RATE, DEFAULT_VOLUME, VOLUMES, WORDS_PER_MINUTE, Speech, Utterance
from kiosk.ui.accessibility import Accessibility
from kiosk.ui.language import Language
from kiosk.ui.navigation import Command, Navigator
from kiosk.ui.spoken import screen_script, script_text

# What the booth says back to each voice key, by the Main.qml property that holds it, translated.
_SAID_BACK = {Command.SLOWER: "saySlower", Command.FASTER: "sayFaster", Command.SOFTER: "saySofter",
              Command.LOUDER: "sayLouder"}


class Narrator(QObject):
    def __init__(self, window: QQuickWindow, navigator: Navigator, speech: Speech, language: Language,
                 access: Accessibility, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window, self._speech, self._language, self._access = window, speech, language, access
        self._rate, self._volume = DEFAULT_RATE, DEFAULT_VOLUME
        self.last: list[str] = []  # the script last read out, for the tests and the tour
        navigator.pageShown.connect(self.read_screen)
        navigator.moved.connect(self._say)
        navigator.audio.connect(self.command)

    def read_screen(self) -> None:
        self.last = screen_script(self._window)
        self._say(script_text(self.last))

    def command(self, command: Command) -> None:
        if command is Command.REPEAT:
            self.read_screen()
        elif command is Command.HELP:
            self._say(str(self._window.property("keypadHelp")))
        elif command in (Command.SLOWER, Command.FASTER):
            step = 1 if command is Command.FASTER else -1
            self._rate = max(0, min(len(WORDS_PER_MINUTE) - 1, self._rate + step))
            self._say(str(self._window.property(_SAID_BACK[command])))
        elif command in (Command.SOFTER, Command.LOUDER):
            step = 1 if command is Command.LOUDER else -1
            self._volume = max(0, min(len(VOLUMES) - 1, self._volume + step))
            self._say(str(self._window.property(_SAID_BACK[command])))
        elif command is Command.BLANK:
            self._access.toggleBlank()
            name = "sayScreenOff" if self._access.property("blanked") else "sayScreenOn"
            self._say(str(self._window.property(name)))

    def stop(self) -> None:
        """The voter left: silence, and the defaults for the next one."""
        self._speech.stop()
        self._rate, self._volume = DEFAULT_RATE, DEFAULT_VOLUME

    def utterance(self, text: str) -> Utterance:
        return Utterance(text, self._language.code(), WORDS_PER_MINUTE[self._rate], VOLUMES[self._volume])

    def _say(self, text: str) -> None:
        if text:
            self._speech.say(self.utterance(text))
