"""Speech for the audio ballot: one interface, Debian's espeak-ng as the real synthesizer, a simulator.

A blind delegate hears every screen through headphones (VVSG 2.0 7.1-K; EN 301 549 5.1.3): the
booth speaks offline, with voices for every working language. The synthesizer writes WAV; the
booth plays it through ALSA's aplay (or the sound server's player, when the booth has one). A
device fault (no synthesizer, no sound card) never raises into the screens: say() returns why.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

ESPEAK = "espeak-ng"
# VVSG 2.0 7.1-K: speech adjustable in rate, around 120-125 words a minute by default; espeak-ng
# stays intelligible from 80 to about 250.
WORDS_PER_MINUTE = (80, 100, 120, 140, 160, 200, 250)
DEFAULT_RATE = 2  # 120 words a minute
# espeak-ng's amplitude, 0-200 (100 is its default); the voter steps it, never to silence.
VOLUMES = (20, 40, 60, 80, 100, 130, 160, 200)
DEFAULT_VOLUME = 4
# espeak-ng's voice for each of the booth's languages (its own names; others are tried as given).
VOICES = {"en": "en-gb", "fr": "fr-fr", "es": "es", "de": "de", "pt": "pt", "ru": "ru", "ar": "ar",
          "zh": "cmn"}
SYNTHESIS_TIMEOUT_S = 30  # the longest screen (a 24-answer review) takes well under a second
PLAYERS = {"aplay": ["aplay", "-q"], "paplay": ["paplay"], "pw-play": ["pw-play", "-"]}


@dataclass(frozen=True)
class Utterance:
    text: str
    language: str
    words_per_minute: int = WORDS_PER_MINUTE[DEFAULT_RATE]
    volume: int = VOLUMES[DEFAULT_VOLUME]


class SpeechResult(StrEnum):
    SPOKEN = "spoken"
    NO_SYNTHESIZER = "no_synthesizer"  # espeak-ng is not installed
    FAILED = "failed"  # the synthesizer or the player stopped with an error


class Speech(Protocol):
    def say(self, utterance: Utterance) -> SpeechResult:
        """Starts speaking, cutting off whatever was being said; returns at once."""

    def stop(self) -> None:
        """Silence, now."""


def voice_for(language: str) -> str:
    return VOICES.get(language, language)


def espeak_command(utterance: Utterance) -> list[str]:
    """espeak-ng reading UTF-8 text on its standard input, in the language's voice."""
    return [ESPEAK, "-v", voice_for(utterance.language), "-s", str(utterance.words_per_minute),
            "-a", str(utterance.volume), "-b", "1"]


def synthesize(utterance: Utterance, wav: Path) -> SpeechResult:
    """The utterance as a WAV file (16-bit mono), as the booth would play it."""
    if shutil.which(ESPEAK) is None:
        return SpeechResult.NO_SYNTHESIZER
    try:
        subprocess.run([*espeak_command(utterance), "-w", str(wav)], input=utterance.text.encode(),
                       check=True, capture_output=True, timeout=SYNTHESIS_TIMEOUT_S)
    except (subprocess.SubprocessError, OSError) as exc:
        log.warning("speech synthesis failed: %s", exc)
        return SpeechResult.FAILED
    return SpeechResult.SPOKEN


class EspeakSpeech:
    """espeak-ng's WAV piped into a player; a new utterance stops the one before."""

    def __init__(self, player: str = "aplay", alsa_device: str | None = None) -> None:
        if player not in PLAYERS:
            raise ValueError(f"no audio player {player!r}: use one of {', '.join(PLAYERS)}")
        self._player = PLAYERS[player] + (["-D", alsa_device] if alsa_device and player == "aplay" else [])
        self._running: list[subprocess.Popen[bytes]] = []

    def say(self, utterance: Utterance) -> SpeechResult:
        self.stop()
        if shutil.which(ESPEAK) is None:
            return SpeechResult.NO_SYNTHESIZER
        try:
            synth = subprocess.Popen([*espeak_command(utterance), "--stdout"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            self._running = [synth]
            play = subprocess.Popen(self._player, stdin=synth.stdout, stderr=subprocess.DEVNULL)
            self._running.append(play)
            assert synth.stdin is not None and synth.stdout is not None
            synth.stdout.close()  # the player holds it now: espeak-ng stops if the player does
            synth.stdin.write(utterance.text.encode())
            synth.stdin.close()
        except OSError as exc:  # no player installed, or a broken pipe to a player that quit
            log.warning("speech could not be played: %s", exc)
            self.stop()
            return SpeechResult.FAILED
        return SpeechResult.SPOKEN

    def stop(self) -> None:
        for process in self._running:
            if process.poll() is None:
                process.kill()
            process.wait()
        self._running = []

    def wait(self, timeout_s: float) -> bool:
        """Until what is being said has been played; True when it played to the end without error."""
        codes = [process.wait(timeout_s) for process in self._running]
        return bool(codes) and all(code == 0 for code in codes)


@dataclass
class SimSpeech:
    """Remembers what would have been said, for the demo without sound and the tests."""

    said: list[Utterance] = field(default_factory=list)
    stops: int = 0

    def say(self, utterance: Utterance) -> SpeechResult:
        self.said.append(utterance)
        return SpeechResult.SPOKEN

    def stop(self) -> None:
        self.stops += 1


class NoSpeech:
    """A booth without headphones: the keypad still works, silently."""

    def say(self, utterance: Utterance) -> SpeechResult:
        return SpeechResult.SPOKEN

    def stop(self) -> None:
        return None


def build_speech(spec: str) -> Speech:
    """From the booth config: "espeak" (played with aplay), "espeak:paplay", "sim" or "none"."""
    kind, _, player = spec.partition(":")
    if kind == "espeak":
        return EspeakSpeech(player or "aplay")
    if kind == "sim" and not player:
        return SimSpeech()
    if kind == "none" and not player:
        return NoSpeech()
    raise ValueError(f"speech {spec!r}: use \"espeak\", \"espeak:paplay\", \"sim\" or \"none\"")
