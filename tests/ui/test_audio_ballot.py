"""The audio ballot: every screen read out in the voter's language by the real synthesizer, and the
voice keys (repeat, slower, faster, softer, louder, blank) as a blind delegate uses them."""

from __future__ import annotations

import shutil
import wave
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from kiosk.booth.station import Station
from kiosk.booth.walk import PrintOutcome, Timing
from kiosk.devices.speech import (
    DEFAULT_RATE,
    VOICES,
    WORDS_PER_MINUTE,
    EspeakSpeech,
    SimSpeech,
    SpeechResult,
    Utterance,
    synthesize,
)
from kiosk.ui.accessibility import DEFAULT_TEXT_SIZE
from kiosk.ui.app import BoothUi, build_ui
from kiosk.ui.spoken import screen_script, script_text
from kiosk.ui.tour import run_tour
from tests.kit import ElectionKit
from tests.ui.conftest import ManualClock
from tests.ui.keys import DOWN, press

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
SILENCE_RMS = 300  # 16-bit samples: espeak-ng's speech is in the thousands, its pauses near zero
# At 120 words a minute a word lasts half a second; pauses at full stops and long words stretch it.
SECONDS_PER_WORD = (0.25, 1.2)


def _wav(path: Path) -> tuple[float, float]:
    """(seconds, RMS amplitude) of a 16-bit mono WAV."""
    with wave.open(str(path)) as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        samples = array("h", w.readframes(w.getnframes()))
        seconds = w.getnframes() / w.getframerate()
    rms = (sum(s * s for s in samples[::7]) / max(1, len(samples[::7]))) ** 0.5
    return seconds, rms


@pytest.fixture(scope="module")
def scripts(conference: ElectionKit, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """The spoken script of every screen of the tour's walk, in each language (default look)."""
    found: dict[tuple[str, str], str] = {}

    def hear(name: str, ui: BoothUi) -> None:
        found[(ui.language.code(), name)] = script_text(screen_script(ui.window))

    looks = [(language, "default", DEFAULT_TEXT_SIZE) for language in conference.definition.languages]
    run_tour(conference.definition, tmp_path_factory.mktemp("tour"), hook=hear, save=False, looks=looks)
    return found


@needs_espeak
def test_every_screen_of_the_walk_is_spoken_aloud_in_each_language(
    scripts: dict[tuple[str, str], str], conference: ElectionKit, tmp_path: Path
) -> None:
    languages = set(conference.definition.languages)
    assert {"en", "fr", "es"} <= languages
    assert {lang for lang, _ in scripts} == languages
    for (language, name), text in scripts.items():
        assert text.strip(), f"{language} {name} says nothing"
        wav = tmp_path / f"{language}-{name}.wav"
        assert synthesize(Utterance(text, language), wav) is SpeechResult.SPOKEN
        seconds, rms = _wav(wav)
        assert rms > SILENCE_RMS, f"{language} {name} is silent"
        per_word = seconds / len(text.split())
        assert SECONDS_PER_WORD[0] <= per_word <= SECONDS_PER_WORD[1], (language, name, per_word)


@needs_espeak
def test_the_spoken_screens_are_in_the_voters_language_and_voice(
    scripts: dict[tuple[str, str], str], tmp_path: Path
) -> None:
    review = {lang: text for (lang, name), text in scripts.items() if name == "19-review"}
    assert "Review your answers" in review["en"]
    assert "Vérifiez vos réponses" in review["fr"] and "Review" not in review["fr"]
    assert "Revise sus respuestas" in review["es"] or "respuestas" in review["es"]
    for language in ("fr", "es"):
        ours, theirs, english = (tmp_path / f"{language}-{n}.wav" for n in ("ours", "direct", "english"))
        text = review[language]
        synthesize(Utterance(text, language), ours)
        synthesize(Utterance(text, language), theirs)
        synthesize(Utterance(text, "en"), english)
        # The same text in the same voice gives the same sound; the English voice reads it otherwise.
        assert ours.read_bytes() == theirs.read_bytes()
        assert ours.read_bytes() != english.read_bytes(), f"{language} is read with the English voice"
        assert VOICES[language].startswith(language)


@needs_espeak
def test_longer_prompts_take_longer_and_a_faster_voice_takes_less(tmp_path: Path) -> None:
    short = "Question 1 of 24."
    long = short + " Adopt the Convention concerning protection against biological hazards? Yes. No. Abstain."
    durations = {}
    for name, text, rate in (("short", short, 2), ("long", long, 2), ("fast", long, 4)):
        wav = tmp_path / f"{name}.wav"
        synthesize(Utterance(text, "en", WORDS_PER_MINUTE[rate]), wav)
        durations[name] = _wav(wav)[0]
    assert durations["short"] < durations["long"]
    assert durations["fast"] < durations["long"] * 0.9
    assert WORDS_PER_MINUTE[DEFAULT_RATE] in range(120, 126)  # VVSG 2.0: about 120-125 by default


@needs_espeak
def test_the_real_voice_is_played_through_alsa_to_the_end() -> None:
    speech = EspeakSpeech("aplay", alsa_device="null")  # ALSA's null device: no sound card needed
    assert speech.say(Utterance("Votre vote a été enregistré.", "fr")) is SpeechResult.SPOKEN
    assert speech.wait(timeout_s=30)


def test_a_booth_without_its_player_says_why_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert EspeakSpeech().say(Utterance("Hello", "en")) is SpeechResult.NO_SYNTHESIZER


@pytest.fixture
def heard(qapp: QApplication, station: Station, clock: ManualClock) -> Iterator[tuple[BoothUi, SimSpeech]]:
    speech = SimSpeech()
    booth_ui = build_ui(station, lambda _r: PrintOutcome.PRINTED, Timing(120, 45), "en", dpi=100, clock=clock,
                        speech=speech)
    booth_ui.window.show()
    qapp.processEvents()
    yield booth_ui, speech
    booth_ui.language.release()
    booth_ui.window.close()
    booth_ui.engine.deleteLater()
    qapp.processEvents()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_keys_read_the_screen_name_each_button_and_change_the_voice(heard: tuple[BoothUi, SimSpeech]) -> None:
    ui, speech = heard
    assert speech.said == []  # a touch voter hears nothing
    press(ui, DOWN)  # the first key starts the audio ballot: the screen is read out
    assert "Enter a voting code" in speech.said[-1].text
    assert speech.said[-1].language == "en" and speech.said[-1].words_per_minute == 120
    press(ui, Qt.Key.Key_Return)  # to the code screen: read out as it appears
    assert "Type the voting code" in speech.said[-1].text
    press(ui, DOWN)
    assert speech.said[-1].text == "1"  # the key now focused, named
    press(ui, Qt.Key.Key_Return)
    assert speech.said[-1].text == "1" and ui.code.property("typed") == "1"  # said back as it is typed
    press(ui, Qt.Key.Key_F6)  # faster
    assert speech.said[-1].words_per_minute == 140 and speech.said[-1].text == "Faster"
    press(ui, Qt.Key.Key_F7)  # softer
    assert speech.said[-1].volume < 100
    press(ui, Qt.Key.Key_F2)  # repeat: the whole screen again, at the new rate
    assert "Type the voting code" in speech.said[-1].text and speech.said[-1].words_per_minute == 140
    press(ui, Qt.Key.Key_F1)
    assert "up and down arrows" in speech.said[-1].text
    press(ui, Qt.Key.Key_F12)  # blank: nobody reads over the voter's shoulder
    assert ui.access.property("blanked") is True
    centre = ui.window.grabWindow().pixelColor(ui.window.width() // 2, ui.window.height() // 2)
    assert centre.name() == "#000000"
    ui.language.choose("fr")
    press(ui, Qt.Key.Key_F2)
    assert speech.said[-1].language == "fr" and "Tapez le code de vote" in speech.said[-1].text
    ui.walk.logOut()  # the next voter: silence, default voice, the screen lit
    QApplication.processEvents()
    assert ui.access.property("blanked") is False
    press(ui, DOWN)
    assert speech.said[-1].words_per_minute == 120 and speech.said[-1].language == "en"
