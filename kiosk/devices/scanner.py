"""The code scanner: a keyboard wedge that types the code and Enter. The UI feeds it key events.

No keyboard is attached to a booth, but a scanner and a stray key press look alike to the UI: the
assembler keeps only bursts typed at scanner speed, so a lone key never submits anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Wedge scanners type a character every few milliseconds; people take over 100 ms between keys.
# 80 ms between keys still counts as one scan on a slow USB hub.
MAX_KEY_GAP_SECONDS = 0.08
# Longer than any voting code with its dashes (the longest thing a booth scans), shorter than junk.
MAX_SCAN_LENGTH = 64
ENTER_KEYS = frozenset({"\r", "\n"})


@dataclass
class ScanAssembler:
    _buffer: list[str] = field(default_factory=list)
    _last_key_at: float | None = None

    def key(self, text: str, at: float) -> str | None:
        """One key event (its text, its time in seconds); the whole scanned code when Enter ends it."""
        if self._last_key_at is not None and at - self._last_key_at > MAX_KEY_GAP_SECONDS:
            self._buffer.clear()  # a pause: what came before was not one scan
        self._last_key_at = at
        if text in ENTER_KEYS:
            code = "".join(self._buffer).strip()
            self._buffer.clear()
            return code or None
        if text.isprintable() and len(self._buffer) < MAX_SCAN_LENGTH:
            self._buffer.append(text)
        return None

    def reset(self) -> None:
        self._buffer.clear()
        self._last_key_at = None
