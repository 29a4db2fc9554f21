"""Every text of the booth comes from the translation files, complete for en, fr and es."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ballot.definition import ElectionDefinition, ListChoice
from kiosk.booth.walk import Screen
from kiosk.booth.worker_flow import WorkerScreen
from kiosk.devices.sim_card import SimCard
from kiosk.ui.accessibility import DEFAULT_TEXT_SIZE
from kiosk.ui.app import BoothUi
from kiosk.ui.language import NATIVE_NAMES, TRANSLATIONS
from kiosk.ui.tour import run_tour
from kiosk.ui.worker_tour import WorkerTour
from tests.kit import ElectionKit
from tests.ui.conftest import PIN, WORKER_CARD_KEY
from tests.ui.taps import visible_texts

QML = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml"
TOOLS = Path(sys.executable).parent
LANGUAGES = ("fr", "es")
# What the booth adds around texts: signs and separators, never words.
# Raw records shown to poll workers as they are stored (event names and data), not prose.
RECORDS = frozenset({"audit-row"})
SEPARATORS = r" — |  |: |✓ |! |▲ |▼ |⌫ |\d+/\d+|^\d+\. |, "


def messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(source, translation, type) of every message of a .ts file."""
    rows = []
    for message in ET.parse(ts).iter("message"):
        source, translation = message.find("source"), message.find("translation")
        assert source is not None and translation is not None
        rows.append((source.text or "", translation.text or "", translation.get("type")))
    return rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_translation_files_are_complete(language: str) -> None:
    rows = messages(TRANSLATIONS / f"booth_{language}.ts")
    assert rows
    unfinished = [source for source, translation, kind in rows if kind is not None or not translation.strip()]
    assert unfinished == []
    for source, translation, _ in rows:  # the same placeholders, so no number goes missing
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), source


def test_every_text_of_the_screens_is_in_the_translation_files(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *map(str, sorted(QML.glob("*.qml"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    in_qml = {source for source, _, _ in messages(fresh)}
    for language in LANGUAGES:
        assert {source for source, _, _ in messages(TRANSLATIONS / f"booth_{language}.ts")} == in_qml


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_translations_are_up_to_date(language: str, tmp_path: Path) -> None:
    compiled = tmp_path / f"booth_{language}.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TRANSLATIONS / f"booth_{language}.ts"),
                    "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == (TRANSLATIONS / f"booth_{language}.qm").read_bytes()


def english_patterns(language: str) -> list[re.Pattern[str]]:
    """The English texts that have a different translation: seeing one means it was not translated."""
    rows = messages(TRANSLATIONS / f"booth_{language}.ts")
    return [re.compile(re.escape(s).replace("%1", ".+").replace("%2", ".+")) for s, t, _ in rows if s != t]


def known_texts(language: str, election: ElectionDefinition) -> re.Pattern[str]:
    """A text the voter may see: translations, the election's own texts in that language, language
    names and codes, or several of them joined by spaces."""
    rows = messages(TRANSLATIONS / f"booth_{language}.ts")
    alternatives = [re.escape(t).replace("%1", ".+").replace("%2", ".+") for _, t, _ in rows]
    for text in election_texts(election, language):
        alternatives += [re.escape(p.strip()) for p in re.split(SEPARATORS, text) if p.strip()]
    alternatives += [re.escape(name) for name in NATIVE_NAMES.values()]
    # codes, fingerprints, numbers, signs
    alternatives.append(r"[0-9A-Z·:-]+|[0-9a-f]{16,}|\d+\.|\d+/\d+|[✓!⌫▲▼●␣▏]")  # codes, times
    one = "(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"
    return re.compile(f"{one}(?:(?: — |  | ?: |, | ){one})*")  # French puts a space before a colon


def election_texts(election: ElectionDefinition, language: str) -> list[str]:
    texts = [election.title[language], *(s.id for s in election.stations)]
    texts += [f"{v.name} ({v.id})" for v in election.voters] + [f"{v.id}▏" for v in election.voters]
    for session in election.sessions:
        texts.append(session.title[language])
        for q in session.questions:
            texts += [q.title[language], *([q.description[language]] if q.description else [])]
            for item in q.lists if isinstance(q, ListChoice) else q.options:
                texts.append(item.label[language])
            texts += [c for lst in getattr(q, "lists", []) for c in lst.candidates]
    return texts


def test_every_screen_in_every_language_has_no_untranslated_string(
    qapp: QApplication, conference: ElectionKit, carded_media: Path, tmp_path: Path
) -> None:
    seen: dict[tuple[str, str], list[str]] = {}
    screens: set[str] = set()

    def look(name: str, ui: BoothUi) -> None:
        seen[(ui.language.current, name)] = visible_texts(ui.window, RECORDS)
        if ui.worker is not None and ui.worker.flow.active:
            screens.add(f"worker-{ui.worker.flow.screen.value}")
        else:
            screens.add("timeout_warning" if ui.walk.walk.warning_shown else ui.walk.walk.screen.value)

    words = [(language, "default", DEFAULT_TEXT_SIZE) for language in conference.definition.languages]
    run_tour(conference.definition, tmp_path, hook=look, save=False,
             worker=WorkerTour(carded_media, SimCard(pin=PIN, key=WORKER_CARD_KEY)), looks=words)
    worker_screens = {f"worker-{s.value}" for s in WorkerScreen}
    assert screens == {s.value for s in Screen} | {"timeout_warning"} | worker_screens
    assert {language for language, _ in seen} == set(conference.definition.languages)
    for (language, screen), texts in seen.items():
        if language == "en":
            continue
        patterns = english_patterns(language)
        known = known_texts(language, conference.definition)
        for text in texts:
            assert known.fullmatch(text), (language, screen, text)
            for piece in filter(None, (p.strip() for p in re.split(SEPARATORS, text))):
                assert not any(p.fullmatch(piece) for p in patterns), (language, screen, piece)
