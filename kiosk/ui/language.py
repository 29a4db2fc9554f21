"""The voter's language: Qt translations of the booth's own texts, and the election's in its language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Property, QCoreApplication, QObject, QTranslator, Signal, Slot
from PySide6.QtQml import QQmlEngine

from kiosk.ballot.definition import Text

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
SOURCE_LANGUAGE = "en"  # the texts in the QML are English; other languages come from .qm files
# Each language's name in itself, as a voter looks for it on a button.
NATIVE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "ru": "Русский",
                "zh": "中文", "de": "Deutsch", "pt": "Português"}


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"booth_{language}.qm"


class Language(QObject):
    changed = Signal()

    def __init__(self, languages: list[str], default: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._languages = languages
        self._default = default if default in languages else languages[0]
        self._current = SOURCE_LANGUAGE
        self._translator: QTranslator | None = None
        self._engine: QQmlEngine | None = None

    def attach(self, engine: QQmlEngine) -> None:
        self._engine = engine
        self.set_language(self._default)

    def code(self) -> str:
        """The voter's language now, for what the booth prints."""
        return self._current

    def _get_current(self) -> str:
        return self._current

    def _get_choices(self) -> list[dict[str, str]]:
        return [{"code": code, "name": NATIVE_NAMES.get(code, code)} for code in self._languages]

    current = Property(str, _get_current, notify=changed)
    choices = Property(list, _get_choices, constant=True)

    @Slot(str)
    def choose(self, language: str) -> None:
        self.set_language(language)

    def set_language(self, language: str) -> None:
        if language not in self._languages:
            raise ValueError(f"the election offers no language {language!r}")
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if language != SOURCE_LANGUAGE and app is not None:
            translator = QTranslator(self)
            if not translator.load(str(qm_path(language))):
                raise FileNotFoundError(f"no translation file {qm_path(language)}")
            app.installTranslator(translator)
            self._translator = translator
        self._current = language
        if self._engine is not None:
            self._engine.retranslate()
        self.changed.emit()

    def text(self, text: Text) -> str:
        """An election text in the voter's language (the definition has every declared language)."""
        return text.get(self._current) or text.get(self._default) or next(iter(text.values()), "")

    def release(self) -> None:
        """Removes this booth's translator from the application (the window is going away)."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        self._translator = None

    def reset(self) -> None:
        if self._current != self._default:
            self.set_language(self._default)
